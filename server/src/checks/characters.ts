// control-character and invisible-character: text that is not what it seems, pointed at where
// it is. A control character in a string (an escape that erases a terminal line, a bell) or an
// invisible one (a right-to-left override that shows "Evil \u202Egnp.exe" as "Evil exe.png", a
// zero-width space that makes two names differ) is a warning: the figures are not affected and
// every output shows the character as a mark (`\x1b`, `<U+202E>`), but the text shown is not the
// text written. Strings and comments are checked; elsewhere the lexer already reports what is
// not part of the language, and skips only spacing (a byte-order mark within the file is flagged).
import type { IToken } from 'chevrotain';
import type * as ast from '../language/ast';
import type { ParsedDealFile } from '../language/parse';
import { LineComment } from '../language/tokens';
import {
  characterLabel, hasUnusualCharacter, unusualCharacter, unusualCharacters, type UnusualCharacter,
} from '../language/unusual-characters';
import type { DealDiagnostic } from '../model/diagnostic';
import { paymentsOf, problem } from '../model/deal-walk';

/** Past this many, the file is most likely pasted from elsewhere: the rest are counted, not listed. */
const maxListed = 100;

/** A string of the deal and what it is, as a message names it (`title`, `ticker`). */
interface Text { span: ast.Span; what: string }

export function checkCharacters(parsed: ParsedDealFile): DealDiagnostic[] {
  if (!hasUnusualCharacter(parsed.text)) return [];
  const places: Places = {
    texts: textsOf(parsed.file).sort((a, b) => a.span.start - b.span.start),
    comments: parsed.comments.map((c) => ({ span: { start: c.startOffset, end: c.startOffset + c.image.length }, token: c })),
  };
  const out: DealDiagnostic[] = [];
  let unlisted = 0;
  for (const match of parsed.text.matchAll(unusualCharacters())) {
    const found = characterAt(parsed.text, places, match.index!);
    if (!found) continue;
    if (out.length < maxListed) out.push(found);
    else unlisted++;
  }
  if (unlisted) out[maxListed - 1].message += ` ${unlisted} more such characters in this file are not listed.`;
  return out;
}

/** The strings and comments of the file, each list in text order. */
interface Places {
  texts: Text[];
  comments: { span: ast.Span; token: IToken }[];
}

/** The diagnostic for the unusual character at `at`, or undefined where none is due. */
function characterAt(text: string, places: Places, at: number): DealDiagnostic | undefined {
  const character = unusualCharacter(text[at])!;
  const span = { start: at, end: at + 1 };
  const inText = containing(places.texts, at);
  if (inText) return report(`The ${inText.what}`, character, span);
  if (character.kind !== 'line-break' && containing(places.comments, at)) return report('This comment', character, span);
  if (character.kind === 'line-break' || text[at] === '\u0085') return endsLineComment(places, at) ? commentBreak(character, span) : undefined;
  // A byte-order mark starts a file; further on it is spacing nobody sees.
  if (text[at] === '\ufeff' && at > 0) {
    return problem('invisible-character', 'warning', `An invisible character (${characterLabel(character)}) stands here between terms; remove it.`, span);
  }
  return undefined;
}

function report(subject: string, character: UnusualCharacter, span: ast.Span): DealDiagnostic {
  const label = characterLabel(character);
  switch (character.kind) {
    case 'control': return problem('control-character', 'warning', `${subject} holds a control character (${label}); remove it.`, span);
    case 'bidi': return problem('invisible-character', 'warning', `${subject} holds an invisible character that reorders the text on screen (${label}); remove it.`, span);
    case 'zero-width': return problem('invisible-character', 'warning', `${subject} holds an invisible character (${label}); remove it.`, span);
    case 'line-break': return problem('invisible-character', 'warning', `${subject} holds an invisible line break (${label}); remove it.`, span);
  }
}

/** A `//` comment ends at U+2028, U+2029 and U+0085 too, but editors show what follows on the
 * same line, still looking like the comment: say that it is read as terms. */
function commentBreak(character: UnusualCharacter, span: ast.Span): DealDiagnostic {
  return problem('invisible-character', 'warning',
    `This line break (${characterLabel(character)}) ends the comment, but editors show the text after it on the same line: that text is read as terms, not as part of the comment. Use an ordinary line break.`,
    span);
}

function endsLineComment(places: Places, at: number): boolean {
  const before = containing(places.comments, at - 1);
  return before?.token.tokenType === LineComment && before.span.end === at;
}

/** The entry whose span holds `at`, in a list sorted by start. */
function containing<T extends { span: ast.Span }>(list: readonly T[], at: number): T | undefined {
  let low = 0;
  let high = list.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const { span } = list[mid];
    if (at < span.start) high = mid - 1;
    else if (at >= span.end) low = mid + 1;
    else return list[mid];
  }
  return undefined;
}

/** Every string of the file, with what it is. */
function textsOf(file: ast.DealFile): Text[] {
  const out: Text[] = [];
  const add = (what: string, items: readonly ({ span: ast.Span } | undefined)[] | { span: ast.Span } | undefined) => {
    for (const item of Array.isArray(items) ? items : [items]) if (item?.span) out.push({ span: item.span, what });
  };
  for (const deal of file.deals) {
    add('title', deal.title);
    add('source', deal.source);
    for (const party of deal.parties) { add('title', party.title); add('ticker', party.ticker); }
    for (const license of deal.licenses) {
      add('title', license.title);
      add('technology', license.technology);
      add('field', license.field);
      if (license.target && 'value' in license.target) add('target', license.target);
      add('indication', license.indications);
      add('territory', license.territory ?? []);
    }
    for (const { payment } of paymentsOf(deal)) { add('title', payment.title); add('territory', payment.territory ?? []); }
    for (const option of deal.options) {
      add('title', option.title);
      add('territory', option.territory ?? []);
      for (const effect of option.effects) if (effect.type !== 'ForfeitUnearned') add('territory', effect.territory ?? []);
    }
    for (const scenario of deal.scenarios) {
      add('title', scenario.title);
      for (const table of scenario.sales) add('territory', table.territory);
    }
  }
  return out;
}
