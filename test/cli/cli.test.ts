import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { acme, cliPath, deal, folderWith, immunogen, isUsageError, repoRoot } from './run-cli';

const broken = [
  'deal Broken "broken" {',
  '  currency USD',
  '  party A "Alpha" licensor',
  '  party B "Beta" licensee',
  '  payments from B to A {',
  '    upfront 1M on signing',
  '    milestone M1 2M at phase9',
  '  }',
  '}',
  '',
].join('\n');
const warnOnly = 'deal W "w" {\n  headline 2M\n  party A "A" licensor\n  party B "B" licensee\n  payments from B to A { upfront 1M }\n}\n';

describe('deal check', () => {
  it('passes both examples (exit 0), printing only notes', () => {
    const result = deal(['check', 'examples/immunogen-biotest-2006.deal', 'examples/acme-globex-2024.deal']);
    assert.equal(result.status, 0, result.stderr);
    const lines = result.stdout.split('\n').filter(Boolean);
    assert.ok(lines.every((line) => / info /.test(line)), result.stdout);
    assert.ok(lines.includes('examples/acme-globex-2024.deal:31:16 info cap-remainder Itemized milestones total $41,000,000 ($41M) of the $120,000,000 ($120M) cap: $79,000,000 ($79M) undisclosed.'));
  });

  it('reports an error as file:line:col severity code message and exits 1', () => {
    const dir = folderWith({ 'broken.deal': broken });
    const result = deal(['check', 'broken.deal'], dir);
    assert.equal(result.status, 1);
    assert.match(result.stdout, /^broken\.deal:7:24 error unknown-reference Unknown stage 'phase9'\. Did you mean 'phase1'\?/);
  });

  it('gives the exact range with --json, before or after the file', () => {
    const dir = folderWith({ 'broken.deal': broken });
    for (const args of [['check', '--json', 'broken.deal'], ['check', 'broken.deal', '--json'], ['--json', 'check', 'broken.deal']]) {
      const result = deal(args, dir);
      assert.equal(result.status, 1);
      const diagnostics = JSON.parse(result.stdout);
      assert.equal(diagnostics.length, 1);
      const d = diagnostics[0];
      assert.deepEqual(Object.keys(d), ['file', 'line', 'column', 'endLine', 'endColumn', 'severity', 'code', 'message']);
      // `phase9` is on line 7, columns 24 to 29; endColumn is just past it.
      assert.deepEqual({ ...d, message: undefined }, {
        file: 'broken.deal', line: 7, column: 24, endLine: 7, endColumn: 30, severity: 'error', code: 'unknown-reference', message: undefined,
      });
      assert.equal(broken.split('\n')[6].slice(d.column - 1, d.endColumn - 1), 'phase9');
    }
  });

  it('says so of a file with no deal in it (exit 0)', () => {
    const dir = folderWith({ 'empty.deal': '// to be written\n' });
    const result = deal(['check', 'empty.deal'], dir);
    assert.equal(result.status, 0);
    assert.equal(result.stdout, 'empty.deal:1:1 info no-deal No deal in this file: write `deal Name "Title" { … }`.\n');
  });

  it('exits 0 when a file has only warnings', () => {
    const dir = folderWith({ 'w.deal': warnOnly });
    const result = deal(['check', 'w.deal'], dir);
    assert.equal(result.status, 0);
    assert.match(result.stdout, /^w\.deal:2:12 warning headline-mismatch The headline says \$2,000,000 \(\$2M\), but the terms add up to \$1,000,000/);
  });

  it('prints [] for a clean file with --json', () => {
    const dir = folderWith({ 'ok.deal': 'deal Ok { party A "A" licensor party B "B" licensee payments from B to A { upfront 1M } }\n' });
    const result = deal(['check', '--json', 'ok.deal'], dir);
    assert.equal(result.status, 0);
    assert.deepEqual(JSON.parse(result.stdout), []);
  });

  it('reports an unreadable file in one line, exits 2, and still checks the others', () => {
    const dir = folderWith({ 'broken.deal': broken });
    const result = deal(['check', '--json', 'missing.deal', 'broken.deal'], dir);
    assert.equal(result.status, 2);
    assert.equal(result.stderr, 'missing.deal: no such file\n');
    assert.equal(JSON.parse(result.stdout)[0].code, 'unknown-reference');
    const folder = deal(['check', '.'], dir);
    assert.equal(folder.status, 2);
    assert.equal(folder.stderr, '.: is a directory, not a .deal file\n');
  });
});

describe('deal rollup', () => {
  it('prints the readable table with deal totals, parties, kinds and scenarios', () => {
    const result = deal(['rollup', immunogen]);
    assert.equal(result.status, 0, result.stderr);
    const lines = result.stdout.split('\n');
    assert.ok(lines.includes('  Headline     $36,500,000  ($36.5M)'), result.stdout);
    assert.ok(lines.includes('  ImmunoGen, Inc.  $36,500,000           $0   $36,500,000'));
    assert.ok(lines.includes('  Milestones  $35,500,000'));
    assert.ok(lines.includes('Scenario OptInAtPhase2: ImmunoGen opts in at phase 2 (total $6,000,000)'));
    assert.ok(lines.includes('  ImmunoGen, Inc.  $1,000,000  $5,000,000  -$4,000,000'));
  });

  it('shows one scenario with --scenario', () => {
    const result = deal(['rollup', '--scenario', 'StopsInPhase2', immunogen]);
    assert.equal(result.status, 0);
    assert.match(result.stdout, /Scenario StopsInPhase2: programme ends in phase 2 \(total \$1,000,000\)/);
    assert.doesNotMatch(result.stdout, /Scenario Partnered/);
  });

  it('gives the JSON of the language contract for the ImmunoGen deal', () => {
    const result = deal(['rollup', immunogen, '--json']);
    assert.equal(result.status, 0);
    const json = JSON.parse(result.stdout);
    assert.equal(json.deals.length, 1);
    const d = json.deals[0];
    assert.equal(d.id, 'ImmunoGenBiotest2006');
    assert.equal(d.currency, 'USD');
    assert.deepEqual(d.totals, { committed: '1000000', contingent: '35500000', headline: '36500000', onExercise: '0', declaredHeadline: '36500000' });
    assert.deepEqual(d.byKind, { upfront: '1000000', milestone: '35500000' });
    assert.equal(d.parties.ImmunoGen.receives, '36500000');
    assert.equal(d.parties.ImmunoGen.pays, '0');
    assert.equal(d.parties.Biotest.pays, '36500000');
    assert.equal(d.parties.Biotest.net, '-36500000');
    assert.deepEqual(Object.keys(d.scenarios), ['Partnered', 'OptInAtPhase2', 'StopsInPhase2', 'OptInWithCosts']);
    assert.deepEqual(d.scenarios.OptInAtPhase2.parties.ImmunoGen, { receives: '1000000', pays: '5000000', net: '-4000000' });
    assert.deepEqual(d.scenarios.OptInAtPhase2.parties.Biotest, { receives: '5000000', pays: '1000000', net: '4000000' });
    assert.deepEqual(d.scenarios.OptInAtPhase2.byKind, { upfront: '1000000', 'option-fee': '5000000' });
  });

  it('keeps only the asked scenario in the JSON', () => {
    const d = JSON.parse(deal(['rollup', '--json', acme, '--scenario=Success']).stdout).deals[0];
    assert.deepEqual(Object.keys(d.scenarios), ['Success']);
    assert.deepEqual(d.scenarios.Success.byYear, {
      2024: '50000000', 2025: '5000000', 2026: '11000000', 2028: '104000000', 2030: '60000000', 2031: '56000000', 2032: '105000000', 2033: '216500000',
    });
  });

  it('writes every amount as a decimal string, never a number or an exponent', () => {
    const json = JSON.parse(deal(['rollup', '--json', acme]).stdout);
    const numericKeys = new Set(['year', 'years', 'index', 'count']);
    const walk = (value: unknown, key: string): void => {
      if (typeof value === 'number') assert.ok(numericKeys.has(key), `${key} is a number`);
      else if (typeof value === 'string') assert.doesNotMatch(value, /^-?\d+(\.\d+)?e[+-]?\d+$/i, `${key}: ${value}`);
      else if (Array.isArray(value)) value.forEach((v) => walk(v, key));
      else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) walk(v, k);
    };
    walk(json, '');
  });

  it('matches every figure of examples/expected.json in `deal check` and `rollup --json`', () => {
    const expected = JSON.parse(readFileSync(join(repoRoot, 'examples', 'expected.json'), 'utf8'));
    const decimal = (v: unknown) => String(v).replace(/(\.\d*?)0+$/, '$1').replace(/\.$/, '');
    let figures = 0;
    const compare = (path: string, want: unknown, got: unknown): void => {
      if (want !== null && typeof want === 'object') {
        for (const [k, v] of Object.entries(want)) compare(`${path}.${k}`, v, (got as Record<string, unknown> | undefined)?.[k]);
        return;
      }
      figures++;
      assert.equal(got === undefined ? '(missing)' : decimal(got), decimal(want), path);
    };
    for (const [file, deals] of Object.entries<Record<string, object>>(expected)) {
      const path = join(repoRoot, 'examples', file);
      const check = deal(['check', path]);
      assert.equal(check.status, 0, check.stdout + check.stderr);
      const rollup = JSON.parse(deal(['rollup', path, '--json']).stdout);
      for (const [id, want] of Object.entries(deals)) {
        compare(`${file}:${id}`, want, rollup.deals.find((d: { id: string }) => d.id === id));
      }
    }
    assert.ok(figures >= 40, `${figures} figures compared`);
  });
});

describe('deal render', () => {
  it('writes each format to standard output, or to --out', () => {
    const html = deal(['render', immunogen, '--format', 'html']);
    assert.equal(html.status, 0);
    assert.match(html.stdout, /^<!DOCTYPE html>/);
    assert.match(html.stdout, /\$36,500,000 \(\$36\.5M\)/);
    const md = deal(['render', '--format=md', acme]);
    assert.match(md.stdout, /^# Acme Bio \/ Globex Pharma oncology collaboration$/m);
    const csv = deal(['render', acme, '--format', 'csv']);
    assert.match(csv.stdout, /^deal,scenario,year,kind,name,payer,payee,amount,currency,original_amount,original_currency,fair_value,premium,rnpv\r\n/);
    const json = deal(['render', acme, '--format', 'json']);
    assert.equal(JSON.parse(json.stdout).deals[0].totals.headline, '412500000');

    const dir = folderWith({});
    const written = deal(['render', immunogen, '--out', join(dir, 'out', 'memo.md')]);
    assert.equal(written.status, 0);
    assert.equal(written.stdout, '');
    assert.match(readFileSync(join(dir, 'out', 'memo.md'), 'utf8'), /^# ImmunoGen \/ Biotest TAP license$/m);
  });

  it('still renders a file with errors, exiting 1 with the errors on stderr', () => {
    const dir = folderWith({ 'broken.deal': broken });
    const result = deal(['render', 'broken.deal', '--format', 'md'], dir);
    assert.equal(result.status, 1);
    assert.match(result.stdout, /^# broken$/m);
    assert.equal(result.stderr.split('\n').filter(Boolean).length, 1);
    assert.match(result.stderr, /^broken\.deal:7:24 error unknown-reference/);
  });
});

describe('usage', () => {
  it('prints help and the version', () => {
    const help = deal(['--help']);
    assert.equal(help.status, 0);
    assert.match(help.stdout, /deal rollup FILE \[--scenario ID\] \[--json\]/);
    assert.match(deal(['help', 'check']).stdout, /endLine\/endColumn/);
    const version = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')).version;
    assert.equal(deal(['--version']).stdout, `${version}\n`);
  });

  const cases: [string, string[], RegExp][] = [
    ['no command', ['frobnicate'], /^deal: unknown command frobnicate/],
    ['an unknown flag', ['check', immunogen, '--jsn'], /^deal: unknown option --jsn/],
    ['no file', ['rollup', '--json'], /^deal: deal rollup needs a \.deal file/],
    ['an unknown format', ['render', immunogen, '--format', 'pdf'], /^deal: unknown format pdf \(formats: html, md, csv, json\)/],
    ['an unknown scenario', ['rollup', immunogen, '--scenario', 'Nope'], /^deal: unknown scenario Nope in .*\(scenarios: Partnered, OptInAtPhase2, StopsInPhase2, OptInWithCosts\)/],
    ['a missing file', ['rollup', 'nowhere.deal'], /^deal: nowhere\.deal: no such file/],
    ['a directory', ['render', 'examples'], /^deal: examples: is a directory/],
    ['a flag with no value', ['render', immunogen, '--out'], /^deal: --out needs a value/],
    ['a flag of another command', ['check', immunogen, '--format', 'md'], /^deal: --format does not apply to deal check/],
    ['two files for rollup', ['rollup', immunogen, acme], /^deal: deal rollup takes one file, not 2/],
  ];
  for (const [what, args, message] of cases) {
    it(`exits 2 with one line for ${what}`, () => {
      const result = deal(args);
      assert.ok(isUsageError(result), JSON.stringify(result));
      assert.match(result.stderr, message);
    });
  }
});
