// The portfolio over the protocol, against the bundled server and a workspace folder of three
// .deal files on disk: `deal/portfolio` totals, workspace symbols from files that are not open,
// a file changed or deleted on disk (workspace/didChangeWatchedFiles), and an open file's
// unsaved text taking the place of what is on disk, and a FIFO named .deal that must not stall it.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { WorkspaceSymbol } from 'vscode-languageserver-protocol';
import type { DealTreeNode, PortfolioResult } from '../../server/src/lsp/protocol';
import { euroDeal } from '../unit/euro-deal';
import type { DealServer } from './client';
import { startBundledServer, type ServerSession } from './session';

const root = fileURLToPath(new URL('../../', import.meta.url));
const example = (name: string) => readFileSync(join(root, 'examples', name), 'utf8');

describe('portfolio over the protocol', () => {
  let session: ServerSession;
  let server: DealServer;
  let folder: string;
  const uri = (name: string) => pathToFileURL(join(folder, name)).href;
  const portfolio = (params: object = {}) => server.request<PortfolioResult>('deal/portfolio', params);

  before(async () => {
    folder = mkdtempSync(join(tmpdir(), 'deal-portfolio-ws-'));
    writeFileSync(join(folder, 'acme-globex-2024.deal'), example('acme-globex-2024.deal'));
    writeFileSync(join(folder, 'immunogen-biotest-2006.deal'), example('immunogen-biotest-2006.deal'));
    writeFileSync(join(folder, 'euro.deal'), euroDeal('EUR = 1.08 USD'));
    session = await startBundledServer('deal-portfolio-server-', { rootUri: pathToFileURL(folder).href });
    server = session.server;
  });

  after(async () => {
    await session?.close();
    rmSync(folder, { recursive: true, force: true });
  });

  it('totals the three files on disk in dollars, the euro deal at its own rate', async () => {
    const { portfolio: json, html } = await portfolio({ format: 'html', cspNonce: 'n0nce' });
    // 412.5M + 36.5M + 128.5M × 1.08 (the euro deal: upfront 10M, fee 4M, caps 41M + 28M, sales milestone 45.5M)
    assert.deepEqual(json.totals, { committed: '66120000', contingent: '521660000', headline: '587780000', deals: 3 });
    assert.deepEqual(json.deals.map((d) => [d.id, d.uri, d.reported?.headline]), [
      ['AcmeGlobex2024', uri('acme-globex-2024.deal'), '412500000'],
      ['Deal1', uri('euro.deal'), '138780000'],
      ['ImmunoGenBiotest2006', uri('immunogen-biotest-2006.deal'), '36500000'],
    ]);
    assert.deepEqual(json.counterparties.find((p) => p.name === 'Acme'), {
      name: 'Acme', title: 'Acme Bio, Inc.', deals: 2,
      receives: { committed: '65120000', contingent: '486160000', headline: '551280000' },
      pays: { committed: '0', contingent: '0', headline: '0' },
      net: { committed: '65120000', contingent: '486160000', headline: '551280000' },
    });
    assert.match(html!, /\$587,780,000 \(\$587\.78M\)/);
    assert.match(html!, /<style nonce="n0nce">/);
  });

  it('reports in the currency asked for, and refuses one that is not a currency', async () => {
    const { portfolio: json } = await portfolio({ currency: 'EUR' });
    // Acme/Globex gives fx EUR = 1.10 USD: 375M; the euro deal 128.5M; ImmunoGen/Biotest has no rate.
    assert.equal(json.totals.headline, '503500000');
    assert.deepEqual(json.apart, ['ImmunoGenBiotest2006']);
    await assert.rejects(portfolio({ currency: 'dollars' }),
      /'dollars' is not a currency the portfolio can report in: set deal\.rollup\.currency to an ISO 4217 code such as USD, EUR or CHF\./);
  });

  it('finds a party of a file that is not open', async () => {
    const symbols = await server.request<WorkspaceSymbol[]>('workspace/symbol', { query: 'Wayne' });
    const lines = euroDeal('EUR = 1.08 USD').split('\n');
    const line = lines.findIndex((l) => l.includes('party Wayne'));
    const character = lines[line].indexOf('Wayne');
    assert.deepEqual(symbols.filter((s) => s.kind === 5 /* Class: a party */), [{
      name: 'Wayne', kind: 5, containerName: 'Deal1',
      location: { uri: uri('euro.deal'), range: { start: { line, character }, end: { line, character: character + 'Wayne'.length } } },
    }]);
  });

  it('lists the Deals tree: deals with their headline, parties and payments', async () => {
    const tree = await server.request<DealTreeNode[]>('deal/dealTree', {});
    // The headline first (a narrow sidebar cuts the title, never the figure); the figure in the
    // reporting currency beside it.
    assert.deepEqual(tree.map((d) => [d.label, d.description]), [
      ['$412.5M · Acme Bio / Globex Pharma oncology collaboration', undefined],
      ['€128.5M · Acme Bio / Wayne Oncology rare diseases licence', '$138.78M'],
      ['$36.5M · ImmunoGen / Biotest TAP license', undefined],
    ]);
    const acme = tree[0].children!.find((c) => c.label === 'Acme')!;
    assert.equal(acme.description, 'receives $412.5M · pays $0');
  });

  it('follows a file changed on disk, then deleted', async () => {
    writeFileSync(join(folder, 'euro.deal'), euroDeal());
    await server.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uri('euro.deal'), type: 2 }] });
    const changed = (await portfolio()).portfolio;
    assert.deepEqual(changed.totals, { committed: '51000000', contingent: '398000000', headline: '449000000', deals: 2 });
    assert.deepEqual(changed.apart, ['Deal1']);

    unlinkSync(join(folder, 'euro.deal'));
    await server.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uri('euro.deal'), type: 3 }] });
    const deleted = (await portfolio()).portfolio;
    assert.deepEqual(deleted.deals.map((d) => d.id), ['AcmeGlobex2024', 'ImmunoGenBiotest2006']);
    assert.deepEqual(deleted.apart, []);
  });

  it('ignores a file outside the workspace folder reported by the watcher', async () => {
    const elsewhere = mkdtempSync(join(tmpdir(), 'deal-portfolio-elsewhere-'));
    try {
      writeFileSync(join(elsewhere, 'outside.deal'), euroDeal('EUR = 1.08 USD'));
      const outside = pathToFileURL(join(elsewhere, 'outside.deal')).href;
      await server.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: outside, type: 1 }] });
      // A change inside the folder, reported after it, is in once the answer below comes.
      writeFileSync(join(folder, 'euro.deal'), euroDeal('EUR = 1.08 USD'));
      await server.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uri('euro.deal'), type: 1 }] });
      assert.deepEqual((await portfolio()).portfolio.deals.map((d) => d.uri), [uri('acme-globex-2024.deal'), uri('euro.deal'), uri('immunogen-biotest-2006.deal')]);
      const symbols = await server.request<WorkspaceSymbol[]>('workspace/symbol', { query: 'Wayne' });
      assert.deepEqual(symbols.map((s) => s.location.uri), [uri('euro.deal')]);
    } finally {
      unlinkSync(join(folder, 'euro.deal'));
      await server.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uri('euro.deal'), type: 3 }] });
      rmSync(elsewhere, { recursive: true, force: true });
    }
  });

  it('counts an open file as the editor has it, and the disk again once it is closed', async () => {
    const name = 'immunogen-biotest-2006.deal';
    const edited = example(name).replace('upfront 1M on signing', 'upfront 2.25M on signing');
    assert.notEqual(edited, example(name));
    await server.open(uri(name), edited, 1);
    assert.equal((await portfolio()).portfolio.totals.headline, '450250000');
    await server.close(uri(name));
    assert.equal((await portfolio()).portfolio.totals.headline, '449000000');
  });

  it('answers at once when a FIFO named .deal appears, leaving it out with the reason', { skip: process.platform === 'win32' }, async () => {
    assert.equal(spawnSync('mkfifo', [join(folder, 'pipe.deal')]).status, 0);
    await server.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uri('pipe.deal'), type: 1 }] });
    const started = performance.now();
    assert.equal((await portfolio()).portfolio.totals.headline, '449000000');
    const tree = await server.request<DealTreeNode[]>('deal/dealTree', {});
    assert.deepEqual(tree.map((node) => node.label), ['$412.5M · Acme Bio / Globex Pharma oncology collaboration', '$36.5M · ImmunoGen / Biotest TAP license']);
    assert.ok(performance.now() - started < 5_000);
    const logged = await server.notification<{ type: number; message: string }>('window/logMessage', (m) => m.message.includes('pipe.deal'));
    assert.deepEqual(logged, { type: 2, message: `Not indexed: ${uri('pipe.deal')} (is not a regular file (a FIFO))` });
  });
});
