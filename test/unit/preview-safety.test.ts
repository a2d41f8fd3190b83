// Nothing in a .deal file can run code in the editor: a file sent by a counterparty may carry
// markup in any string. The preview and the exported page escape every string, load nothing
// remote, and carry a strict Content-Security-Policy; the extension declares honestly what it
// supports in untrusted and virtual workspaces and runs nothing from the workspace.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { analyzeDealText } from '../../server/src/document/analyze';
import { doHover } from '../../server/src/features/hover';
import { renderDocument, renderHtml } from '../../server/src/exports';
import { withPreviewScript } from '../../client/src/preview-script';

const root = new URL('../../', import.meta.url);
const attack = '<img src=x onerror=alert(1)>';
const breakout = `" onmouseover="alert(2)" x="`;
const scriptTag = '</style><script>alert(3)</script>';
const link = '[click](command:workbench.action.terminal.new) <a href="https://evil.example/x">x</a>';
const payloads = [attack, breakout, scriptTag, link];

/** The payload in every string a deal can hold (escaped for the .deal string literal). */
function hostileDeal(payload: string): string {
  const s = `"${payload.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
  return `deal Hostile ${s} {
  source ${s}
  signed 2021-01-01
  party L ${s} { role licensor ticker ${s} country ${s} }
  party B "b" licensee
  license T ${s} { from L to B technology ${s} field ${s} target ${s} territory ${s} indications ${s}, ${s} }
  payments from B to L {
    upfront U ${s} 1M on signing
    milestones G ${s} up to 5M by approval { milestone M ${s} 1M at phase1 expected 2022 }
    royalty R ${s} on net_sales { 5% up to 100M 7% above } territory ${s}
    manufacturing Supply ${s} at cost
  }
  option O ${s} { holder L territory ${s} exercise at phase2 fee 2M on exercise { forfeit R in ${s} } }
  scenario S ${s} { reach approval timeline { phase1 2022 phase2 2023 approval 2025 } sales ${s} { 2026: 50M } exercise O at phase2 }
  valuation { as of 2021-01-01 discount 10% }
}
`;
}

/** Tags with an event-handler attribute (outside the quoted value of another attribute, where
 * a table cell's column name may hold the payload as text), script tags, and anything loaded
 * from elsewhere. */
const handlerAttribute = /<[a-z](?:[^>"']|"[^"]*"|'[^']*')*?\son[a-z]+\s*=/i;
const remote = /(?:src|href|action|xlink:href)\s*=\s*["']?\s*(?:https?:|\/\/|javascript:|data:text\/html)|url\(\s*['"]?\s*(?:https?:|\/\/)|@import/i;

function tagsOf(html: string, name: string): string[] {
  return html.match(new RegExp(`<${name}\\b[^>]*>`, 'gi')) ?? [];
}

describe('every string from the file is text, never markup', () => {
  for (const payload of payloads) {
    const document = analyzeDealText(hostileDeal(payload));

    it(`the file with ${JSON.stringify(payload)} in every string reads without error`, () => {
      assert.deepEqual(document.diagnostics.filter((d) => d.severity === 'error').map((d) => d.message), []);
    });

    for (const [mode, html] of [
      ['preview', withPreviewScript(renderHtml(document, { cspNonce: 'n0nce', cspSource: 'vscode-webview:', sourceLinks: true }), 'n0nce', 'file:///x.deal')],
      ['export', renderHtml(document)],
    ] as const) {
      it(`${mode}: no tag, attribute or script from the payload; the payload shows as text`, () => {
        assert.deepEqual(tagsOf(html, 'img'), []);
        // The only links are the preview's own jumps to a source line.
        for (const a of tagsOf(html, 'a')) assert.match(a, /^<a class="source-link" href="#" data-line="\d+">$/);
        assert.doesNotMatch(html, handlerAttribute);
        assert.equal(tagsOf(html, 'script').length, mode === 'preview' ? 1 : 0);
        assert.equal(tagsOf(html, 'style').length, 1);
        const shown = payload.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
        assert.ok(html.includes(shown), `the payload escaped as text: ${shown}`);
        // The title too: the page's <title> is the deal's title, escaped.
        assert.ok(html.includes(`<title>${shown}</title>`));
      });
    }

    it('Markdown export: the payload is escaped, no raw tag or link survives', () => {
      const md = renderDocument(document, 'md', {});
      assert.doesNotMatch(md, /(?<!\\)<(?:img|script|a)\b/i);
      assert.doesNotMatch(md, /(?<!\\)\[click(?<!\\)\]\(command:/);
    });

    it('hover: the payload is escaped Markdown', () => {
      const text = hostileDeal(payload);
      const hover = doHover(document, text.indexOf('upfront U') + 'upfront '.length);
      assert.ok(hover, 'a hover on the upfront payment');
      assert.doesNotMatch(hover.markdown, /(?<!\\)<(?:img|script|a)\b/i);
      assert.doesNotMatch(hover.markdown, /(?<!\\)\[click(?<!\\)\]\(command:/);
    });
  }
});

describe('the page policy', () => {
  const document = analyzeDealText(hostileDeal(attack));

  it('preview: default-src none; styles and the one script only under the nonce; nothing inline allowed', () => {
    const html = renderHtml(document, { cspNonce: 'n0nce', cspSource: 'vscode-webview:' });
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1];
    assert.equal(csp, "default-src 'none'; style-src vscode-webview: 'nonce-n0nce'; img-src vscode-webview: data:; script-src 'nonce-n0nce';");
    assert.doesNotMatch(csp!, /unsafe-inline|unsafe-eval|\*|https?:/);
    for (const tag of [...tagsOf(html, 'style'), ...tagsOf(html, 'script')]) assert.match(tag, /nonce="n0nce"/);
    // The policy comes before anything it governs.
    assert.ok(html.indexOf('Content-Security-Policy') < html.indexOf('<style'));
  });

  it('export: no script may run and nothing may be fetched, wherever the page is opened', () => {
    const html = renderHtml(document);
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1];
    assert.equal(csp, "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'");
    assert.ok(html.indexOf('Content-Security-Policy') < html.indexOf('<style'));
  });

  for (const [mode, options] of [['preview', { cspNonce: 'n0nce', cspSource: 'vscode-webview:' }], ['export', {}]] as const) {
    it(`${mode}: no remote resource of any kind, for both examples`, () => {
      for (const name of ['immunogen-biotest-2006.deal', 'acme-globex-2024.deal']) {
        const html = renderHtml(analyzeDealText(readFileSync(new URL(`examples/${name}`, root), 'utf8')), options);
        assert.doesNotMatch(html, remote, name);
        assert.doesNotMatch(html, handlerAttribute, name);
        assert.equal(tagsOf(html, 'link').length + tagsOf(html, 'iframe').length + tagsOf(html, 'object').length, 0);
      }
    });
  }
});

describe('the extension in untrusted and virtual workspaces', () => {
  const pkg = JSON.parse(readFileSync(new URL('package.json', root), 'utf8'));

  it('declares full support in untrusted workspaces (it runs nothing from them)', () => {
    assert.deepEqual(pkg.capabilities.untrustedWorkspaces, { supported: true });
  });

  it('declares limited support in virtual workspaces, saying what needs a local folder', () => {
    assert.equal(pkg.capabilities.virtualWorkspaces.supported, 'limited');
    assert.match(pkg.capabilities.virtualWorkspaces.description, /open \.deal files/);
    assert.match(pkg.capabilities.virtualWorkspaces.description, /local folder/);
  });

  it('has no setting that names a program, a path or a command to run', () => {
    const settings = Object.keys(pkg.contributes.configuration.properties ?? {});
    assert.ok(settings.length > 0);
    for (const name of settings) assert.doesNotMatch(name, /path|command|executable|program|server\.(?!trace)/i, name);
  });

  it('the client and the server start no process and evaluate no code', () => {
    const sources = [
      ...readdirSync(new URL('client/src/', root)).map((f) => `client/src/${f}`),
      // Every folder of the server but the command line's (a terminal tool, not the editor's).
      ...readdirSync(new URL('server/src/', root), { withFileTypes: true }).filter((d) => d.isDirectory() && d.name !== 'cli').map((d) => d.name)
        .flatMap((dir) => readdirSync(new URL(`server/src/${dir}/`, root), { recursive: true })
        .map(String).filter((f) => f.endsWith('.ts')).map((f) => `server/src/${dir}/${f}`)),
    ].filter((f) => f.endsWith('.ts'));
    assert.ok(sources.length > 20);
    // The one exception: dist/server.js runs the server's own bundle, beside it, from V8's code cache.
    const startsTheBundle = 'server/src/boot/code-cache.ts';
    for (const file of sources.filter((f) => f !== startsTheBundle)) {
      const text = readFileSync(new URL(file, root), 'utf8');
      assert.doesNotMatch(text, /child_process|\beval\(|new Function\(|node:vm|\brequire\(/, file);
    }
    const loader = readFileSync(new URL(startsTheBundle, root), 'utf8');
    assert.doesNotMatch(loader, /child_process|\beval\(|new Function\(|\brequire\(/);
    assert.deepEqual(loader.match(/new Script\([^;]*/g), ["new Script(`(function (exports, require, module, __filename, __dirname) {${source}\\n})`, { filename: bundlePath, cachedData })"]);
    assert.match(loader, /const source = readFileSync\(bundlePath, 'utf8'\);/);
    const start = readFileSync(new URL('server/src/boot/start-server.ts', root), 'utf8');
    assert.match(start, /runBundle\(join\(__dirname, 'language-server\.js'\), codeCacheFolder\(\)\);/);
  });

  it('the webview may load no local resource and runs only its own script', () => {
    const preview = readFileSync(new URL('client/src/deal-preview.ts', root), 'utf8');
    assert.match(preview, /localResourceRoots: \[\]/);
    const page = withPreviewScript('<html><body></body></html>', 'n0nce', 'file:///a.deal');
    assert.equal(tagsOf(page, 'script').length, 1);
    assert.match(tagsOf(page, 'script')[0], /^<script nonce="n0nce" data-source="file:\/\/\/a\.deal">$/);
  });
});
