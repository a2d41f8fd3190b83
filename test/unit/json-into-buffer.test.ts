// The server's messages as JSON written into one buffer kept from message to message: the bytes
// are exactly the message's JSON in UTF-8, the buffer is reused (so a long deal's answers do not
// fill fresh memory per keystroke), it grows for a larger message, and a huge one gets its own.
// The elements of a list marked with keepingJson keep their JSON (in ASCII, with escapes) from one
// message to the next.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { jsonIntoReusedBuffer, keepingJson } from '../../server/src/lsp/json-into-buffer';
import { rng, type Rng } from '../seeded-random';

const options = { charset: 'utf-8' as const };
const encoder = () => jsonIntoReusedBuffer();
const message = (id: number, result: unknown) => ({ jsonrpc: '2.0' as const, id, result });
const text = (bytes: Uint8Array) => Buffer.from(bytes).toString('utf-8');
/** The bytes read as JSON and written again: the message's own JSON exactly when they say the same. */
const meaning = (bytes: Uint8Array) => JSON.stringify(JSON.parse(text(bytes)));

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
  it('writes a marked list\'s elements once: the same objects in a later message are not read again', async () => {
    const encode = encoder();
    let reads = 0;
    const symbol = (i: number) => ({ get name() { reads++; return `Dev${i} → ·`; }, kind: 13, range: { start: { line: i, character: 4 }, end: { line: i, character: 9 } } });
    const milestones = Array.from({ length: 40 }, (_, i) => symbol(i));
    const first = message(1, keepingJson([{ name: 'payments Gilead → Arcus', children: keepingJson(milestones) }]));
    /** What the encoder wrote, and how many times it read a milestone's name to write it. */
    const encoded = async (value: unknown) => {
      reads = 0;
      const bytes = await encode.encode(value as ReturnType<typeof message>, options);
      const encoderReads = reads;
      assert.equal(meaning(bytes), JSON.stringify(value));
      return encoderReads;
    };
    const once = await encoded(first);
    assert.ok(once >= 40, 'each milestone read');
    const againBytes = await encode.encode(first, options);
    assert.ok(againBytes.every((byte) => byte < 0x80), 'a message holding a marked list is ASCII throughout');
    const again = text(againBytes);
    assert.ok(again.includes('{"name":"Dev0 \\u2192 \\u00b7","kind":13,'), 'a kept element is written in ASCII');
    assert.ok(again.startsWith('{"jsonrpc":"2.0","id":1,"result":[{"name":"payments Gilead \\u2192 Arcus","children":[{'));
    // After an edit in one milestone: a new object for it, the other 39 taken over.
    const edited = keepingJson(milestones.map((m, i) => (i === 17 ? symbol(17) : m)));
    assert.equal(await encoded(message(2, keepingJson([{ name: 'payments', children: edited }]))), once / 40, 'only the new milestone read');
    // An unmarked list is written afresh.
    assert.equal(await encoded(message(3, keepingJson([{ name: 'payments', children: [...edited] }]))), 40);
  });

  it('writes what JSON.stringify writes, to the character once read, for random messages with marked lists, taken over or not, over many messages', async () => {
    const encode = encoder();
    const random = rng(20261203);
    const pool: object[] = [];
    for (let round = 0; round < 300; round++) {
      const value = message(round, randomValue(random, 0, pool));
      const bytes = await encode.encode(value, options);
      assert.equal(meaning(bytes), JSON.stringify(value), `round ${round}`);
    }
    assert.ok(pool.length > 500, 'objects were taken over from message to message');
  });
});

/** A random JSON-like value: every kind JSON.stringify meets (undefined, functions, a Date with its
 * toJSON, numbers that are not finite, text beyond ASCII), with marked lists that take over
 * objects from earlier messages (`pool`), as the server's answers do. */
function randomValue(random: Rng, depth: number, pool: object[]): unknown {
  const kind = depth > 3 ? random.int(0, 5) : random.int(0, 9);
  switch (kind) {
    case 0: return random.pick([null, true, false, undefined, () => 1, Number.NaN, Infinity, -0, 1.5e300, 42]);
    case 1: return random.pick(['', 'upfront', 'payments Gilead → Arcus', 'milestone · €50M', 'quote " and \\ and \u0001', '😀 \ud800', 'é'.repeat(random.int(1, 40))]);
    case 2: case 3: return random.int(-1000, 100000);
    case 4: return new Date(Date.UTC(2026, random.int(0, 11), random.int(1, 28)));
    case 5: return random.pick(['a', 'b']).repeat(random.int(0, 3));
    case 6: case 7: {
      const object: Record<string, unknown> = {};
      for (let i = random.int(0, 5); i > 0; i--) object[random.pick(['name', 'detail', 'kind', 'range', 'children', '2', 'é', 'data'])] = randomValue(random, depth + 1, pool);
      return object;
    }
    case 8: return Array.from({ length: random.int(0, 6) }, () => randomValue(random, depth + 1, pool));
    default: {
      const list = Array.from({ length: random.int(0, 40) }, () => {
        if (pool.length > 0 && random.chance(0.6)) return random.pick(pool);
        const element = { name: randomValue(random, 5, pool), detail: randomValue(random, 5, pool), children: random.chance(0.3) ? randomValue(random, depth + 1, pool) : undefined };
        pool.push(element);
        return element;
      });
      return keepingJson(list);
    }
  }
}
