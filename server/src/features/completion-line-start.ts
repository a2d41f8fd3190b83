// At the start of a line, completion offers what can start a line there: the words that begin a
// new term of the block the cursor is in (a payment in a payments block, a clause in a licence
// block, a milestone in a milestone group), not the clauses that would continue the line above
// (`at`, `on`, `expected`, `term` after `upfront 1M on signing`). Those are offered after what
// they continue, on its line. The grammar says which is which: a block's terms may follow one
// another in any number, so what may start a term is what may follow the block's `{`.
import type { IToken } from 'chevrotain';
import { LCurly, RCurly } from '../language/tokens';

type Path = { nextTokenType: { name: string }; nextTokenOccurrence: number; ruleStack: string[] };

/** Whether only blanks stand between the line's start and `wordStart`. */
export function atLineStart(text: string, wordStart: number): boolean {
  for (let i = wordStart - 1; i >= 0; i--) {
    const c = text[i];
    if (c === '\n' || c === '\r') return true;
    if (c !== ' ' && c !== '\t') return false;
  }
  return true;
}

/** The tokens up to the `{` of the innermost block still open at the end of `before` (none
 * outside every block: the start of the file, where a deal begins). */
export function blockStart(before: IToken[]): IToken[] {
  let depth = 0;
  for (let i = before.length - 1; i >= 0; i--) {
    const type = before[i].tokenType;
    if (type === RCurly) depth++;
    else if (type === LCurly) {
      if (depth === 0) return before.slice(0, i + 1);
      depth--;
    }
  }
  return [];
}

/** The paths that start a term: those the grammar also offers right after the block's `{`. */
export function startingTerms<P extends Path>(paths: P[], atBlockStart: Path[]): P[] {
  const key = (p: Path) => `${p.nextTokenType.name}:${p.ruleStack[p.ruleStack.length - 1]}:${p.nextTokenOccurrence}`;
  const starters = new Set(atBlockStart.map(key));
  return paths.filter((p) => starters.has(key(p)));
}
