// All semantic checks of a deal. Each check lives in its own file and returns diagnostics.
import type * as ast from '../../language/ast';
import type { DealModel } from '../deal-model';
import type { DealDiagnostic } from '../diagnostic';
import type { DealTotals } from '../totals';

/** Checks across the whole file (e.g. two deals with one name). */
export function checkFile(_file: ast.DealFile): DealDiagnostic[] {
  return [];
}

/** Every semantic check of one deal. */
export function checkDeal(_model: DealModel, _totals: DealTotals): DealDiagnostic[] {
  return [];
}
