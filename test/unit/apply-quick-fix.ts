// A quick fix as the editor applies it: the fixes offered at a «marked» range, and the text
// after choosing one by its title, with what the checks then report.
import { analyzeDealText } from '../../server/src/document/analyze';
import { findCodeActions } from '../../server/src/features/code-actions';
import { applyEdits } from '../../server/src/features/format';
import { markedRanges } from './helpers';

export function quickFix(marked: string, title?: string) {
  const { text, spans } = markedRanges(marked);
  const actions = findCodeActions(analyzeDealText(text), spans[0]);
  const chosen = title ? actions.find((a) => a.title === title) : undefined;
  const fixed = chosen ? applyEdits(text, chosen.edits) : undefined;
  return { titles: actions.map((a) => a.title), fixed, codes: fixed === undefined ? undefined : problemCodes(fixed) };
}

/** The codes of the problems (errors and warnings) the checks report on a text. */
export function problemCodes(text: string): string[] {
  return analyzeDealText(text).diagnostics.filter((d) => d.severity === 'error' || d.severity === 'warning').map((d) => d.code);
}
