/// <reference lib="dom" />
// The VS Code side's own decisions, tested without VS Code: what a Deals row says, where an
// exported page can be opened, what the preview keeps over a window reload and where it opens,
// and what the package declares for all of this (icon, activation on a restored tab). The
// preview script runs in headless Chromium (skipped when Debian's chromium is missing, outside CI).
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../headless-chromium';
import { analyzeDealText } from '../../server/src/document/analyze';
import { renderHtml } from '../../server/src/exports';
import { scenarioAnchor } from '../../server/src/exports/anchors';
import type { DealTreeNode } from '../../server/src/lsp/protocol';
import { treeItemText } from '../../client/src/deal-tree-item';
import { browserCanOpen } from '../../client/src/export-target';
import { failedRequestOutcome } from '../../client/src/quiet-failures';
import { parsePreviewState, withPreviewScript } from '../../client/src/preview-script';

const root = new URL('../../', import.meta.url);
const seed = analyzeDealText(readFileSync(new URL('examples/immunogen-biotest-2006.deal', root), 'utf8'));
const chromiumSkip = !existsSync('/usr/bin/chromium') && !process.env.CI ? 'needs /usr/bin/chromium' : false;

describe('a row of the Deals view', () => {
  const at = { uri: 'file:///d.deal', line: 0, character: 0 };

  it('a deal: its headline first, the full title and figures as tooltip paragraphs, the title in bold', () => {
    const node: DealTreeNode = {
      kind: 'deal', label: '$36.5M · ImmunoGen / Biotest TAP license', ...at,
      tooltip: 'ImmunoGen / Biotest TAP license (ImmunoGenBiotest2006)\nHeadline $36,500,000 ($36.5M)\nCommitted $1,000,000 + contingent $35,500,000',
    };
    assert.deepEqual(treeItemText(node), {
      label: '$36.5M · ImmunoGen / Biotest TAP license',
      tooltip: {
        paragraphs: ['ImmunoGen / Biotest TAP license (ImmunoGenBiotest2006)', 'Headline $36,500,000 ($36.5M)', 'Committed $1,000,000 + contingent $35,500,000'],
        bold: true,
      },
    });
  });

  it('a party or payment: label, description, a one-line tooltip as it is; none without one', () => {
    assert.deepEqual(treeItemText({ kind: 'party', label: 'Biotest', description: 'receives $0 · pays $36.5M', tooltip: 'Biotest AG', ...at }), {
      label: 'Biotest', description: 'receives $0 · pays $36.5M', tooltip: { paragraphs: ['Biotest AG'], bold: false },
    });
    assert.deepEqual(treeItemText({ kind: 'payment', label: 'Upfront', description: '$1M · upfront', ...at }), { label: 'Upfront', description: '$1M · upfront' });
  });
});

describe('opening an exported page', () => {
  it('in the browser only for a file on this machine in desktop VS Code', () => {
    assert.equal(browserCanOpen('file', { web: false, remote: false }), true);
    assert.equal(browserCanOpen('file', { web: true, remote: false }), false, 'VS Code in the browser: the file is on the server');
    assert.equal(browserCanOpen('vscode-remote', { web: true, remote: true }), false, 'code-server');
    assert.equal(browserCanOpen('vscode-remote', { web: false, remote: true }), false, 'a remote window');
    assert.equal(browserCanOpen('file', { web: false, remote: true }), false);
    assert.equal(browserCanOpen('vscode-vfs', { web: false, remote: false }), false);
  });
});

describe('what the preview keeps over a window reload', () => {
  it('the file, scenario, view and scroll position; nothing else', () => {
    assert.deepEqual(parsePreviewState({ source: 'file:///a.deal', scenario: 'OptIn', view: 'v1', scrollY: 240, extra: '<b>' }),
      { source: 'file:///a.deal', scenario: 'OptIn', view: 'v1', scrollY: 240 });
    assert.deepEqual(parsePreviewState({ source: 'file:///a.deal', scenario: '', view: 3, scrollY: -1 }), { source: 'file:///a.deal' });
    for (const bad of [undefined, null, 'file:///a.deal', {}, { source: '' }, { source: 7 }, { scrollY: 10 }]) {
      assert.equal(parsePreviewState(bad), undefined, JSON.stringify(bad));
    }
  });

  it('the page carries where it opens, escaped', () => {
    const page = withPreviewScript('<html><body></body></html>', 'n0nce', 'file:///a.deal', { scenario: 'A"b', anchor: scenarioAnchor('A"b'), view: 'v<1>' });
    assert.match(page, /^<html><body><script nonce="n0nce" data-source="file:\/\/\/a\.deal" data-scenario="A&#34;b" data-anchor="scenario-A&#34;b" data-view="v&#60;1&#62;">/);
  });

  it('each scenario on the term sheet stands under its own id', () => {
    const full = renderHtml(seed, {});
    assert.deepEqual([...full.matchAll(/<div class="scenario" id="([^"]+)"><h3>/g)].map((m) => m[1]),
      ['scenario-Partnered', 'scenario-OptInAtPhase2', 'scenario-StopsInPhase2', 'scenario-OptInWithCosts']);
    const one = renderHtml(seed, { scenario: 'OptInAtPhase2' });
    assert.deepEqual([...one.matchAll(/<div class="scenario" id="([^"]+)">/g)].map((m) => m[1]), ['scenario-OptInAtPhase2']);
  });
});

describe('the preview opens at the scenario asked for', { skip: chromiumSkip }, () => {
  let browser: Browser | undefined;
  before(async () => {
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
  });

  /** The scenario's page in a 520 × 700 webview whose kept state is `state`: where it opens, and what it keeps. */
  async function open(state: unknown, place: { scenario?: string; view: string }) {
    const html = renderHtml(seed, { cspNonce: 'n0nce', sourceLinks: true, scenario: place.scenario });
    const page = await browser!.newPage({ viewport: { width: 520, height: 700 } });
    // The webview's API as VS Code gives it: the kept state, and a place to keep the new one.
    await page.evaluate(`window.kept = ${JSON.stringify(state ?? null)};
      window.acquireVsCodeApi = () => ({ getState: () => window.kept ?? undefined, setState: (s) => { window.kept = s; }, postMessage: () => undefined });`);
    await page.setContent(withPreviewScript(html, 'n0nce', 'file:///seed.deal', {
      scenario: place.scenario, anchor: place.scenario && scenarioAnchor(place.scenario), view: place.view,
    }));
    const id = place.scenario ? scenarioAnchor(place.scenario) : '';
    const where = await page.evaluate(`({
      top: ${JSON.stringify(id)} ? 0 + Math.round(document.getElementById(${JSON.stringify(id)}).getBoundingClientRect().top) : undefined,
      scrollY: Math.round(window.scrollY),
      kept: window.kept,
    })`) as { top?: number; scrollY: number; kept: unknown };
    await page.close();
    return where;
  }

  it('a new view of a scenario opens with its heading at the top', async () => {
    const where = await open(undefined, { scenario: 'OptInAtPhase2', view: 'v1' });
    assert.equal(where.top, 0);
    assert.ok(where.scrollY > 1000, `scrolled to the scenario (${where.scrollY})`);
    assert.deepEqual(where.kept, { source: 'file:///seed.deal', scenario: 'OptInAtPhase2', view: 'v1', scrollY: where.scrollY });
  });

  it('a new view opens at the scenario even where the last one was scrolled elsewhere', async () => {
    const where = await open({ source: 'file:///seed.deal', scenario: 'OptInAtPhase2', view: 'v1', scrollY: 0 }, { scenario: 'OptInAtPhase2', view: 'v2' });
    assert.equal(where.top, 0);
  });

  it('the same view (reloaded, or restored after a window reload) keeps its scroll position', async () => {
    const where = await open({ source: 'file:///seed.deal', scenario: 'OptInAtPhase2', view: 'v1', scrollY: 300 }, { scenario: 'OptInAtPhase2', view: 'v1' });
    assert.equal(where.scrollY, 300);
  });

  it('the whole term sheet opens at its top', async () => {
    const where = await open({ source: 'file:///seed.deal', scenario: '', view: 'v1', scrollY: 300 }, { view: 'v2' });
    assert.equal(where.scrollY, 0);
  });
});

describe('the package', () => {
  const pkg = JSON.parse(readFileSync(new URL('package.json', root), 'utf8'));
  const shipped = readFileSync(new URL('.vscodeignore', root), 'utf8').split('\n');

  it('gives .deal files an icon for light and dark themes, shipped in the package', () => {
    const [language] = pkg.contributes.languages;
    assert.equal(language.id, 'deal');
    assert.deepEqual(language.icon, { light: './images/deal-file-light.svg', dark: './images/deal-file-dark.svg' });
    for (const file of Object.values(language.icon) as string[]) {
      const svg = readFileSync(new URL(file, root), 'utf8');
      assert.match(svg, /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" width="16" height="16" viewBox="0 0 16 16">/);
      assert.doesNotMatch(svg, /<script|href=|url\(/);
      assert.ok(shipped.includes(`!${file.replace('./', '')}`), `${file} is packaged`);
    }
  });

  it('activates when VS Code brings back a preview or portfolio tab', () => {
    for (const event of ['onWebviewPanel:deal.preview', 'onWebviewPanel:deal.portfolio']) assert.ok(pkg.activationEvents.includes(event), event);
  });
});

describe('failed requests the client keeps quiet about', () => {
  it('passes a refused rename to the rename box, logs nothing, and answers empty while stopping', () => {
    assert.equal(failedRequestOutcome('textDocument/prepareRename', false, true), 'to-the-user');
    assert.equal(failedRequestOutcome('textDocument/rename', false, true), 'to-the-user');
    // A rename that failed for another reason (the connection broke) is still reported.
    assert.equal(failedRequestOutcome('textDocument/rename', false, false), 'report');
    assert.equal(failedRequestOutcome('textDocument/codeAction', true, false), 'answer-empty');
    assert.equal(failedRequestOutcome('textDocument/codeAction', false, true), 'report');
  });
});
