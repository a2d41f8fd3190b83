// The server's messages as JSON written into one buffer kept from message to message: the bytes
// are exactly the message's JSON in UTF-8, the buffer is reused (so a long deal's answers do not
// fill fresh memory per keystroke), it grows for a larger message, and a huge one gets its own.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { jsonIntoReusedBuffer } from '../../server/src/lsp/json-into-buffer';

const options = { charset: 'utf-8' as const };
const encoder = () => jsonIntoReusedBuffer();
const message = (id: number, result: unknown) => ({ jsonrpc: '2.0' as const, id, result });
const text = (bytes: Uint8Array) => Buffer.from(bytes).toString('utf-8');

describe('messages as JSON in a reused buffer', () => {
  it('writes exactly the JSON of each message, non-ASCII text included, into the same memory', async () => {
    const encode = encoder();
    const first = message(1, { name: 'payments Gilead → Arcus', detail: 'milestone · €50M' });
    const bytes = await encode.encode(first, options);
    assert.deepEqual(Buffer.from(bytes), Buffer.from(JSON.stringify(first), 'utf-8'));
    assert.equal(bytes.byteLength, Buffer.byteLength(JSON.stringify(first)));
    const second = message(2, ['upfront', 'Ph3']);
    const again = await encode.encode(second, options);
    assert.equal(text(again), JSON.stringify(second));
    assert.equal(again.buffer, bytes.buffer, 'the second message reuses the first one\'s memory');
    assert.equal(again.byteOffset, bytes.byteOffset);
  });

  it('grows for a larger message and keeps the larger buffer', async () => {
    const encode = encoder();
    const small = await encode.encode(message(1, 'x'), options);
    const large = message(2, 'é'.repeat(100_000));
    const grown = await encode.encode(large, options);
    assert.notEqual(grown.buffer, small.buffer);
    assert.equal(grown.byteLength, JSON.stringify(large).length + 100_000);
    assert.equal(text(grown), JSON.stringify(large));
    const after = await encode.encode(message(3, 'y'), options);
    assert.equal(after.buffer, grown.buffer);
    assert.equal(text(after), '{"jsonrpc":"2.0","id":3,"result":"y"}');
  });

  it('gives a message over 16 MB a buffer of its own and keeps the one it had', async () => {
    const encode = encoder();
    const kept = await encode.encode(message(1, 'x'), options);
    const huge = message(2, 'a'.repeat(17 * 1024 * 1024));
    const own = await encode.encode(huge, options);
    assert.notEqual(own.buffer, kept.buffer);
    assert.equal(own.byteLength, JSON.stringify(huge).length);
    const next = await encode.encode(message(3, 'z'), options);
    assert.equal(next.buffer, kept.buffer);
    assert.equal(text(next), '{"jsonrpc":"2.0","id":3,"result":"z"}');
  });

  it('writes characters of every UTF-8 length, surrogate pairs and lone halves included, byte for byte', async () => {
    const encode = encoder();
    // One-, two-, three- and four-byte characters, and a lone surrogate (written as U+FFFD).
    const mixed = message(1, { name: 'a é → 😀 \ud800 " \u0001', detail: 'x'.repeat(30_000) + '😀'.repeat(5_000) });
    const bytes = await encode.encode(mixed, options);
    assert.deepEqual(Buffer.from(bytes), Buffer.from(JSON.stringify(mixed), 'utf-8'));
    // Between the kept limit and three times it: measured exactly, and kept.
    const ascii = message(2, 'b'.repeat(6 * 1024 * 1024));
    const kept = await encode.encode(ascii, options);
    assert.equal(kept.byteLength, JSON.stringify(ascii).length);
    const next = await encode.encode(message(3, 'z'), options);
    assert.equal(next.buffer, kept.buffer, 'a 6 MB message of one-byte characters is kept, as it is under 16 MB');
  });
});
