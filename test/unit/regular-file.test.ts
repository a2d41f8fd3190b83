// Reading a .deal file in chunks: whatever its length, around the 4 KB and 1 MB chunk sizes, both
// readers give back exactly the file's text (a read short of its chunk is taken as the end).
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { readRegularFile, readRegularFileSync } from '../../server/src/files/regular-file';

describe('reading a regular file in chunks', () => {
  const dir = mkdtempSync(join(tmpdir(), 'deal-read-'));
  after(() => rmSync(dir, { recursive: true, force: true }));
  const megabyte = 1024 * 1024;
  const lengths = [0, 1, 4095, 4096, 4097, megabyte - 1, megabyte, megabyte + 1, 2 * megabyte, Math.floor(2.5 * megabyte)];

  for (const length of lengths) {
    it(`reads ${length} bytes back exactly`, async () => {
      // ASCII with a two-byte character at the end, so a cut inside it would show.
      const text = `${'deal X { }\n'.repeat(Math.ceil(length / 11)).slice(0, Math.max(0, length - 2))}${length >= 2 ? 'é' : 'x'.repeat(length)}`;
      assert.equal(Buffer.byteLength(text), length);
      const path = join(dir, `${length}.deal`);
      writeFileSync(path, text);
      assert.deepEqual(readRegularFileSync(path), { ok: true, text });
      assert.deepEqual(await readRegularFile(path), { ok: true, text });
    });
  }
});
