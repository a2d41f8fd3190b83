// Long work on one document never starves another: with a 2 MB file of generated deals just
// opened, a hover on a small file is answered before the big file's diagnostics are published.
// Only the order of what the server sends is asserted, never a duration.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { MarkupContent, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { generateDeal } from '../generate-deal';
import { withTimeout, type DealServer } from './client';
import { seed } from './seed-example';
import { startBundledServer, type ServerSession } from './session';

/** Generated deals, each with its own name, up to `bytes` characters. */
function manyDeals(bytes: number): string {
  const parts: string[] = [];
  let length = 0;
  for (let i = 0; length < bytes; i++) {
    const deal = generateDeal(7_000 + i, { payments: 200 }).replace(/deal (\w+)/, `deal $1_${i}`);
    parts.push(deal);
    length += deal.length + 1;
  }
  return parts.join('\n');
}

describe('long work never starves other documents', () => {
  let session: ServerSession;
  let server: DealServer;
  const big = 'file:///work/portfolio/big.deal';
  const small = 'file:///work/portfolio/small.deal';
  const bigText = manyDeals(2_000_000);
  const upfront = seed.split('\n').findIndex((l) => l.includes('upfront 1M on signing'));
  const onUpfront = { line: upfront, character: seed.split('\n')[upfront].indexOf('upfront') + 2 };

  before(async () => {
    session = await startBundledServer('deal-scheduling-');
    server = session.server;
  });
  after(() => session?.close());

  it('a hover on a small file is answered before the 2 MB file just opened is checked', async () => {
    const events: string[] = [];
    let bigChecked = () => {};
    const bigDiagnostics = new Promise<void>((resolve) => { bigChecked = resolve; });
    server.connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
      events.push(`diagnostics ${params.uri === big ? 'big' : 'small'}`);
      if (params.uri === big) bigChecked();
    });
    await server.open(small, seed, 1);
    await server.open(big, bigText, 1);
    const hover = server.hover(small, onUpfront).then((h) => {
      events.push('hover');
      return h;
    });
    assert.match(((await hover)?.contents as MarkupContent).value, /\$1,000,000/);
    await withTimeout(bigDiagnostics, 60_000, 'the big file\'s diagnostics');
    // The small file's own check may come before or after the hover; the big one's comes last.
    assert.equal(events.at(-1), 'diagnostics big', events.join(', '));
    assert.deepEqual([...events].sort(), ['diagnostics big', 'diagnostics small', 'hover']);
  });
});
