// The TextMate grammar is generated from the language core's vocabulary: the committed file
// must be what the generator writes today, and its patterns must colour what the lexer reads.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { isoCurrencyCodes } from '../../server/src/language/currencies';
import { keywordNames } from '../../server/src/language/tokens';

const root = fileURLToPath(new URL('../../', import.meta.url));
const grammar = JSON.parse(readFileSync(new URL('../../syntaxes/deal.tmLanguage.json', import.meta.url), 'utf8'));

interface Rule { name?: string; match?: string; captures?: Record<string, { name: string }> }
const rules = (key: string): Rule[] => grammar.repository[key].patterns;
const rule = (key: string, name: string) => {
  const found = rules(key).find((r) => r.name === name);
  assert.ok(found?.match, `no ${name} rule`);
  return new RegExp(found.match, 'g');
};
const matches = (regex: RegExp, text: string) => [...text.matchAll(regex)].map((m) => m[0]);

describe('TextMate grammar', () => {
  it('is what scripts/gen-grammar.mjs generates', () => {
    const run = spawnSync(process.execPath, ['scripts/gen-grammar.mjs', '--check'], { cwd: root, encoding: 'utf8' });
    assert.equal(run.status, 0, run.stderr);
  });

  it('colours every keyword, as a whole word only', () => {
    const keyword = rule('keywords', 'keyword.other.deal');
    for (const word of keywordNames) assert.deepEqual(matches(keyword, ` ${word} `), [word], word);
    assert.deepEqual(matches(keyword, 'dealer deal_1 phase1 Royalties exclusive-ish'), []);
    assert.deepEqual(matches(keyword, 'non-exclusive co-exclusive'), ['non-exclusive', 'co-exclusive']);
  });

  it('names what a declaration declares, but not a keyword after it', () => {
    const declarations = rules('declarations').map((r) => ({ regex: new RegExp(r.match!), scope: r.captures!['2'].name }));
    const declared = (text: string) => {
      for (const { regex, scope } of declarations) {
        const m = regex.exec(text);
        if (m) return [m[2], scope];
      }
      return undefined;
    };
    assert.deepEqual(declared('deal ImmunoGenBiotest2006 "x" {'), ['ImmunoGenBiotest2006', 'entity.name.type.deal.deal']);
    assert.deepEqual(declared('party Biotest "Biotest AG"'), ['Biotest', 'entity.name.type.party.deal']);
    assert.deepEqual(declared('milestones Development "d" up to 35.5M'), ['Development', 'entity.name.type.milestone-group.deal']);
    assert.deepEqual(declared('sales milestone FirstBillion 25M'), ['FirstBillion', 'entity.name.type.payment.deal']);
    assert.deepEqual(declared('option OptIn "US"'), ['OptIn', 'entity.name.type.option.deal']);
    assert.deepEqual(declared('scenario Partnered "p"'), ['Partnered', 'entity.name.type.scenario.deal']);
    assert.equal(declared('royalty on net_sales'), undefined);
    assert.equal(declared('upfront 1M on signing'), undefined);
  });

  it('colours amounts with scales, percents, dates, quarters and currencies', () => {
    const amount = rule('literals', 'constant.numeric.amount.deal');
    assert.deepEqual(matches(amount, 'upfront 1M  1,000,000  1_000_000  35.5M  1.2B  2bn  250K at phase1'),
      ['1M', '1,000,000', '1_000_000', '35.5M', '1.2B', '2bn', '250K']);
    assert.deepEqual(matches(rule('literals', 'constant.numeric.percent.deal'), '5%  7.5% up to 100M'), ['5%', '7.5%']);
    assert.deepEqual(matches(rule('literals', 'constant.other.date.deal'), 'signed 2006-07-07 expected 2008-Q1'), ['2006-07-07']);
    assert.deepEqual(matches(rule('literals', 'constant.other.date.quarter.deal'), 'expected 2008-Q1'), ['2008-Q1']);
    const codes = rule('currencies', 'support.constant.currency.deal');
    for (const code of isoCurrencyCodes) assert.deepEqual(matches(codes, `fx ${code} = 1`), [code]);
    assert.deepEqual(matches(codes, 'EURO USDX'), []);
    assert.deepEqual(matches(rule('currencies', 'support.constant.currency.symbol.deal'), '$1M €2.5M £3 ¥4'), ['$', '€', '£', '¥']);
  });

  it('ends a // comment where the lexer does: at the line end, U+2028, U+2029 or U+0085', () => {
    const comment = rule('comments', 'comment.line.double-slash.deal');
    assert.deepEqual(matches(comment, 'currency USD // note\n'), ['// note']);
    for (const separator of ['\u2028', '\u2029', '\u0085']) assert.deepEqual(matches(comment, `// note${separator}currency QQQ`), ['// note']);
  });

  it('ends an unterminated string at the end of its line and knows escapes', () => {
    const string = grammar.repository.strings.patterns[0];
    assert.equal(string.end, '"|$');
    assert.deepEqual(matches(new RegExp(string.patterns[0].match, 'g'), String.raw`"a \"b\" c\\"`), ['\\"', '\\"', '\\\\']);
  });
});
