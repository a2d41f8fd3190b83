// What a quick fix must do, applied to a fresh copy of the text: add no syntax error, remove the
// problem it was offered for, lower the count of errors and warnings (what it reveals aside: a
// check that could not run before, see `waiting`), and keep every comment.
// And the fuzzed files to try every fix on (seeded: a failure names its seed).
import { readFileSync } from 'node:fs';
import { analyzeDealText, type AnalyzedDocument } from '../../server/src/document/analyze';
import type { DealCodeAction } from '../../server/src/features/code-actions';
import { applyEdits } from '../../server/src/features/format';
import type { Span } from '../../server/src/language/ast';
import { generateDeal } from '../generate-deal';
import { rng } from '../seeded-random';
import { layOut, layouts, makeMistake, mistakes } from './deal-mistakes';
import { mutate, mutationKinds, piecesOf } from './mutate';

const examplesDir = new URL('../../examples/', import.meta.url);
const examples = ['immunogen-biotest-2006.deal', 'acme-globex-2024.deal'].map((name) => readFileSync(new URL(name, examplesDir), 'utf8'));
const small = [
  'deal D "d" { party A "A" licensor party B "B" licensee payments from B to A { upfront 1M } }',
  'deal D "d" {\n  currency USD\n  payments from Novartis to Acme { upfront 1M  milestones G up to 5M { milestone M1 EUR 3M at phase1 } }\n}\n',
  'deal D "d" {\n  currency USD\n  headline 12M\n  fx EUR = 1.10 USD\n  party A "A" licensor\n  party B "B" licensee\n  payments from B to A { upfront 1M  fee F "access fee" EUR 10M on signing }\n}\n',
  'deal D { headline 10M\n  party A "A" licensor /* the\n  licensor */ party B "B" licensee\n  payments from B to A { royalty R on net_sales { 5% up to 100M  3% up to 50M  7% above } }\n}\n',
];

/** A base deal, laid out and given one to three mistakes (sometimes a stray edit too). */
export function fuzzedFile(seed: number): string {
  const r = rng(seed);
  const base = r.chance(0.4) ? generateDeal(seed) : r.chance(0.5) ? r.pick(examples) : r.pick(small);
  let text = layOut(base, r.pick(layouts), r);
  for (let i = r.int(1, 3); i > 0; i--) text = makeMistake(text, r.pick(mistakes), r);
  if (r.chance(0.15)) text = mutate(text, piecesOf(text), r.pick(mutationKinds.filter((k) => k !== 'bytes' && k !== 'truncate')), r);
  return text;
}

const problems = (d: AnalyzedDocument) => d.diagnostics.filter((x) => x.severity === 'error' || x.severity === 'warning');
/** Syntax errors, the token each names left out (a fix may change the token, not the error). */
const syntaxErrors = (d: AnalyzedDocument) => d.diagnostics.filter((x) => x.code === 'syntax-error').map((x) => x.message.replace(/'[^']*'/g, "'…'"));
const missing = (d: AnalyzedDocument, what: (x: AnalyzedDocument['diagnostics'][number]) => boolean) => d.diagnostics.filter(what).length;
/** Checks that wait for something a fix may supply: amounts that convert (the headline and the
 * caps that count them), an option that exists (the scenarios that exercise it). What they find
 * once it is there was found, not made, by the fix. */
const waiting = [
  { missing: (d: AnalyzedDocument) => missing(d, (x) => x.code === 'fx-missing' || x.message.startsWith('Unknown currency')), checks: ['headline-mismatch', 'cap-exceeded'] },
  { missing: (d: AnalyzedDocument) => missing(d, (x) => x.message.startsWith('Unknown option')), checks: ['invalid-exercise', 'stage-order'] },
];
const comments = (text: string) => piecesOf(text).filter((p) => p.image.startsWith('//') || p.image.startsWith('/*')).map((p) => p.image);

/** Where a span of the old text lies in the new one (a span an edit replaced: the new text). */
function mapSpan(span: Span, edits: DealCodeAction['edits']): Span {
  const map = (offset: number, side: 'start' | 'end') => {
    let shift = 0;
    for (const edit of [...edits].sort((a, b) => a.span.start - b.span.start)) {
      const grown = edit.newText.length - (edit.span.end - edit.span.start);
      if (edit.span.end < offset || (edit.span.end === offset && edit.span.start < offset)) shift += grown;
      else if (edit.span.start < offset || (edit.span.start === offset && side === 'end' && edit.span.end > offset)) {
        return side === 'start' ? edit.span.start + shift : edit.span.start + shift + edit.newText.length;
      }
    }
    return offset + shift;
  };
  return { start: map(span.start, 'start'), end: map(span.end, 'end') };
}

/** What is wrong with the text after applying `action` (empty if nothing). */
export function checkFix(text: string, before: AnalyzedDocument, action: DealCodeAction): string[] {
  const fixed = applyEdits(text, action.edits);
  const after = analyzeDealText(fixed);
  const wrong: string[] = [];
  const known = syntaxErrors(before);
  for (const message of syntaxErrors(after)) {
    const i = known.indexOf(message);
    if (i < 0) wrong.push(`adds a syntax error: ${message}`);
    else known.splice(i, 1);
  }
  const at = mapSpan(action.diagnostic.span, action.edits);
  const still = after.diagnostics.find((d) => d.code === action.diagnostic.code && d.span.start <= at.end && at.start <= d.span.end);
  if (still) wrong.push(`leaves the ${still.code} it fixes: ${still.message}`);
  const revealed = new Set(waiting.filter((w) => w.missing(after) < w.missing(before)).flatMap((w) => w.checks));
  const counted = (d: AnalyzedDocument) => problems(d).filter((x) => !revealed.has(x.code));
  const [was, now] = [counted(before).length, counted(after).length];
  if (now >= was) wrong.push(`errors and warnings ${was} → ${now}: ${counted(after).map((d) => d.code).join(', ')}`);
  const kept = comments(fixed);
  const lost = comments(text).filter((c) => !kept.includes(c));
  if (lost.length > 0) wrong.push(`loses the comment ${lost[0]}`);
  if (wrong.length === 0) return [];
  const first = Math.min(...action.edits.map((e) => e.span.start));
  const around = JSON.stringify(fixed.slice(Math.max(0, first - 80), first + 120));
  return [`${action.title} (for ${action.diagnostic.code}): ${wrong.join('; ')}\n    after the fix: …${around}…`];
}
