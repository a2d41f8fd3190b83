// Error recovery that stays cheap on any input. A pasted PDF or a binary file renamed `.deal` needs
// tens of thousands of recoveries, and two habits of Chevrotain's recovery then break the server:
//  - inside a repetition (`MANY`) it skips what does not belong and re-enters the repetition by
//    recursion, one stack frame per recovery, until the stack overflows;
//  - before each such recovery it looks ahead for a token that may follow the rule, and at the
//    top level only the end of the file may, so every recovery reads to the end: quadratic time.
// `limitRecoveryCost` turns the recursion into a loop (a repetition that recovers again re-enters
// from its outermost recovery; nothing follows the recursive call in Chevrotain's code, so the
// order of work and every error are unchanged) and bounds the look-ahead.
import { EOF, tokenMatcher, type EmbeddedActionsParser, type IToken, type TokenType } from 'chevrotain';

type GrammarRule = (...args: unknown[]) => void;
type TryInRepetitionRecovery = (rule: GrammarRule, args: unknown[], lookahead: () => boolean, expected: TokenType) => void;

interface Frame { rule: GrammarRule; args: unknown[]; depth: number; again: boolean }

interface RecoveringParser {
  tryInRepetitionRecovery: TryInRepetitionRecovery;
  findReSyncTokenType: () => TokenType;
  flattenFollowSet: () => TokenType[];
  LA: (k: number) => IToken;
  RULE_STACK_IDX: number;
}

/** How far recovery looks for a token that may follow the broken rule before settling for the end of the file. */
const resyncLookahead = 1000;

export function limitRecoveryCost(parser: EmbeddedActionsParser): void {
  const target = parser as unknown as RecoveringParser;
  boundResyncLookahead(target);
  flattenRepetitionRecovery(target);
}

function boundResyncLookahead(target: RecoveringParser): void {
  if (typeof target.findReSyncTokenType !== 'function' || typeof target.flattenFollowSet !== 'function') return;
  target.findReSyncTokenType = function boundedResync(this: RecoveringParser) {
    const follows = this.flattenFollowSet();
    for (let k = 1; k <= resyncLookahead; k++) {
      const token = this.LA(k);
      if (token.tokenType === EOF) return EOF;
      const match = follows.find((type) => tokenMatcher(token, type));
      if (match) return match;
    }
    return EOF;
  };
}

function flattenRepetitionRecovery(target: RecoveringParser): void {
  const recover = target.tryInRepetitionRecovery;
  if (typeof recover !== 'function') return;
  const frames: Frame[] = [];
  const sameRepetition = (frame: Frame | undefined, rule: GrammarRule, args: unknown[]) =>
    !!frame && frame.rule === rule && frame.depth === target.RULE_STACK_IDX
    && frame.args.length === args.length && frame.args.every((a, i) => a === args[i]);

  target.tryInRepetitionRecovery = function flatRecovery(rule, args, lookahead, expected) {
    const top = frames[frames.length - 1];
    if (sameRepetition(top, rule, args)) {
      // Already recovering in this repetition further up the stack: let that loop re-enter it.
      recover.call(this, () => { top!.again = true; }, [], lookahead, expected);
      return;
    }
    const frame: Frame = { rule, args, depth: target.RULE_STACK_IDX, again: false };
    frames.push(frame);
    try {
      recover.call(this, () => { frame.again = true; }, [], lookahead, expected);
      while (frame.again) {
        frame.again = false;
        rule.apply(this, args);
      }
    } finally {
      frames.pop();
    }
  };
}
