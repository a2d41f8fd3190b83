// Messages to the editor as JSON written into one buffer kept from message to message. The
// library's encoder makes a fresh buffer per message; for a long deal the outline or the
// diagnostics are megabytes per keystroke, and filling fresh memory costs more than writing the
// bytes (about 4 ms a megabyte on a virtual machine, against 0.5 ms into memory already used).
//
// Reusing the buffer is safe because the stream writer sends one message at a time: the next
// message is encoded only once the previous one's write has called back, that is once the
// stream no longer holds the bytes.
import type { ContentTypeEncoder } from './language-server-library';

/** Larger messages get a buffer of their own, so one huge answer is not kept for the session. */
const keptBytesAtMost = 16 * 1024 * 1024;

export function jsonIntoReusedBuffer(): ContentTypeEncoder {
  let kept = Buffer.allocUnsafe(64 * 1024);
  return {
    name: 'application/json',
    encode(message) {
      const json = JSON.stringify(message);
      // Room for the longest UTF-8 the text can have (three bytes for each UTF-16 unit), so the
      // bytes are written in one pass: counting them first is a second pass over the text, and
      // for an outline with arrows and middle dots (a string of two-byte characters) it costs
      // as much as the writing.
      let room = json.length * 3;
      if (room > kept.length) {
        if (room > keptBytesAtMost) room = Buffer.byteLength(json, 'utf-8');
        if (room > keptBytesAtMost) return Promise.resolve(Buffer.from(json, 'utf-8'));
        if (room > kept.length) kept = Buffer.allocUnsafe(Math.min(keptBytesAtMost, Math.max(room, kept.length * 2)));
      }
      const length = kept.write(json, 0, 'utf-8');
      return Promise.resolve(kept.subarray(0, length));
    },
  };
}
