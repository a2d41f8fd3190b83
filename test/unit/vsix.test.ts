// What the packaged extension (deal-terms.vsix, built by `npm run package`) holds: what runs and
// what users read, nothing of the sources, tests or caches. Reads the zip's central directory
// directly (no unzip needed). Skipped outside CI when the package has not been built.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { inflateRawSync } from 'node:zlib';

const vsixPath = new URL('../../deal-terms.vsix', import.meta.url);
const skip = !existsSync(vsixPath) && !process.env.CI ? 'deal-terms.vsix is not built (npm run package)' : false;

interface Entry { name: string; method: number; compressed: number; size: number; offset: number }

function entries(zip: Buffer): Entry[] {
  let end = zip.length - 22;
  while (end >= 0 && zip.readUInt32LE(end) !== 0x06054b50) end--;
  assert.ok(end >= 0, 'the .vsix is a zip file');
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const out: Entry[] = [];
  for (let i = 0; i < count; i++) {
    assert.equal(zip.readUInt32LE(at), 0x02014b50);
    const nameLength = zip.readUInt16LE(at + 28);
    out.push({
      name: zip.toString('utf8', at + 46, at + 46 + nameLength),
      method: zip.readUInt16LE(at + 10),
      compressed: zip.readUInt32LE(at + 20),
      size: zip.readUInt32LE(at + 24),
      offset: zip.readUInt32LE(at + 42),
    });
    at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return out;
}

function content(zip: Buffer, entry: Entry): Buffer {
  const start = entry.offset + 30 + zip.readUInt16LE(entry.offset + 26) + zip.readUInt16LE(entry.offset + 28);
  const data = zip.subarray(start, start + entry.compressed);
  return entry.method === 0 ? Buffer.from(data) : inflateRawSync(data);
}

describe('deal-terms.vsix', { skip }, () => {
  const zip = skip ? Buffer.alloc(0) : readFileSync(vsixPath);
  const list = skip ? [] : entries(zip);
  const names = list.map((e) => e.name);
  const file = (name: string) => content(zip, list.find((e) => e.name === name)!);

  it('holds the bundles, grammar, language configuration, icon and docs', () => {
    for (const name of [
      'extension/package.json', 'extension/dist/extension.js', 'extension/dist/server.js', 'extension/dist/language-server.js', 'extension/dist/cli.js',
      'extension/syntaxes/deal.tmLanguage.json', 'extension/language-configuration.json', 'extension/images/icon.png',
      'extension/readme.md', 'extension/changelog.md', 'extension/LICENSE.txt', 'extension/docs/language.md',
    ]) assert.ok(names.includes(name), `${name} is in the package`);
  });

  it('holds nothing else: no sources, tests, maps, caches or dependencies', () => {
    const allowed = /^(\[Content_Types\]\.xml|extension\.vsixmanifest|extension\/(package\.json|readme\.md|changelog\.md|LICENSE\.txt|language-configuration\.json|images\/icon\.png|images\/deal-file-(light|dark)\.svg|dist\/(extension|server|language-server|cli)\.js|syntaxes\/[\w.-]+\.json|docs\/[\w.-]+\.(md|png)))$/;
    const stray = names.filter((n) => !allowed.test(n));
    assert.deepEqual(stray, []);
    assert.ok(!names.some((n) => /node_modules|\.ts$|\.map$|test|\.cache|\.vsix$/.test(n.replace(/^extension\/dist\/.*$/, ''))));
  });

  it('stays small (under 2 MB) and every image the README shows is packaged', () => {
    const compressed = list.reduce((sum, e) => sum + e.compressed, 0);
    const size = readFileSync(vsixPath).length;
    assert.ok(size < 2 * 1024 * 1024, `the package is ${(size / 1024).toFixed(0)} KB`);
    assert.ok(compressed <= size);
    const readme = file('extension/readme.md').toString('utf8');
    const images = [...readme.matchAll(/!\[[^\]]*\]\(([^)\s]+)\)/g)].map((m) => m[1]);
    assert.ok(images.length >= 3, 'the README shows hover, diagnostics and preview');
    for (const image of images) {
      assert.doesNotMatch(image, /^https?:/, 'images are packaged, not fetched');
      assert.ok(names.includes(`extension/${image}`), `${image} is in the package`);
    }
  });

  it('activates on the deal language, a workspace with .deal files or a restored preview or portfolio tab, and declares its icons, categories and commands', () => {
    const manifest = JSON.parse(file('extension/package.json').toString('utf8'));
    assert.deepEqual(manifest.activationEvents, ['onLanguage:deal', 'workspaceContains:**/*.deal', 'onWebviewPanel:deal.preview', 'onWebviewPanel:deal.portfolio']);
    for (const icon of Object.values(manifest.contributes.languages[0].icon) as string[]) assert.ok(names.includes(`extension/${icon.replace('./', '')}`), icon);
    assert.match(manifest.engines.vscode, /^\^1\.\d+\.\d+$/);
    assert.equal(manifest.icon, 'images/icon.png');
    assert.ok(manifest.categories.includes('Programming Languages'));
    assert.ok(manifest.keywords.includes('term sheet'));
    const commands = manifest.contributes.commands.map((c: { command: string }) => c.command);
    for (const command of ['deal.showPreview', 'deal.showPreviewToSide', 'deal.showRollup', 'deal.export', 'deal.togglePreviewLock', 'deal.showPortfolio']) {
      assert.ok(commands.includes(command), command);
    }
    assert.deepEqual(manifest.bin, { deal: './dist/cli.js', 'deal-language-server': './dist/server.js' });
  });

  it('has a 128×128 PNG icon', () => {
    const png = file('extension/images/icon.png');
    assert.equal(png.toString('latin1', 1, 4), 'PNG');
    assert.deepEqual([png.readUInt32BE(16), png.readUInt32BE(20)], [128, 128]);
  });
});
