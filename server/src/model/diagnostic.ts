// A problem found in a deal: a stable code, a severity, a message that says how to fix it,
// and the span of the offending text only.
import type { Span } from '../language/ast';

export type DiagnosticCode =
  | 'syntax-error' | 'unknown-reference' | 'duplicate-name' | 'cap-exceeded' | 'cap-remainder'
  | 'headline-mismatch' | 'self-payment' | 'shares-not-100' | 'percent-out-of-range'
  | 'tiers-not-ascending' | 'fx-missing' | 'invalid-date' | 'date-before-signing' | 'stage-order'
  | 'unused-party' | 'invalid-exercise' | 'sales-before-signing' | 'territory-not-covered'
  | 'invalid-value' | 'missing-party' | 'control-character' | 'invisible-character' | 'no-deal'
  | 'repeated-term' | 'royalty-with-profit-share' | 'costs-not-given' | 'sales-not-given' | 'negative-amount';

export type Severity = 'error' | 'warning' | 'info' | 'hint';

export interface DealDiagnostic {
  code: DiagnosticCode;
  severity: Severity;
  message: string;
  span: Span;
  /** Facts a quick fix needs (the computed figure, the closest name…). */
  data?: Record<string, string>;
}

/** What a check gives for a term where it found nothing: one list shared by every such term (a
 * long deal has thousands), never added to. */
export const noneFound: readonly DealDiagnostic[] = Object.freeze([]);
