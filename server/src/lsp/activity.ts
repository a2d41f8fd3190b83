// What the editor is asking of the server right now, so that work no one is waiting on (checking
// a document for its diagnostics) gives way to work someone is waiting on (a hover, a completion).
// The transport counts each message as it arrives from the editor and as it is handed to its
// handler; a background job starts only once every message received has been handled, the work
// it queued has begun, and the editor has been quiet for a moment.
export interface EditorActivity {
  /** Messages received from the editor and not yet handed to their handler. */
  unhandled(): number;
  /** When the last message from the editor arrived (`performance.now()`), or -Infinity. */
  lastMessageAt(): number;
}

/** The counts kept by the transport. */
export class MessageTally implements EditorActivity {
  private received = 0;
  private handled = 0;
  private last = -Infinity;

  messageReceived(): void {
    this.received++;
    this.last = performance.now();
  }

  messageHandled(): void {
    this.handled++;
  }

  unhandled(): number {
    return Math.max(0, this.received - this.handled);
  }

  lastMessageAt(): number {
    return this.last;
  }
}

/** No editor to wait for (a server driven in-process). */
export const noActivity: EditorActivity = { unhandled: () => 0, lastMessageAt: () => -Infinity };

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));
const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Resolves when the server has nothing more pressing to do: every message received has been
 * handed to its handler and the work the handler queued for the next turn has begun (two turns
 * in a row with nothing unhandled), and the editor has sent nothing for `quietMs`. Waits for the
 * quiet at most `patienceMs`, so a chatty editor delays a check but never starves it.
 */
export async function whenIdle(activity: EditorActivity, quietMs: number, patienceMs = 2_000): Promise<void> {
  const started = performance.now();
  let calmTurns = 0;
  let turns = 0;
  while (calmTurns < 2) {
    // A few quick turns let queued messages through; after that, waiting must not spin.
    await (turns++ < 20 ? nextTurn() : pause(5));
    const now = performance.now();
    const patient = now - started < patienceMs;
    if (activity.unhandled() > 0 && patient) {
      calmTurns = 0;
      continue;
    }
    const quietFor = now - activity.lastMessageAt();
    if (quietFor < quietMs && patient) {
      calmTurns = 0;
      await pause(Math.min(quietMs - quietFor, patienceMs - (now - started)));
      continue;
    }
    calmTurns++;
  }
}
