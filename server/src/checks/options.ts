// Options: giving up a payment in a territory it does not apply to gives up nothing
// (territory-not-covered), which is almost always a slip in the territory or the payment's name.
import type * as ast from '../language/ast';
import type { DealModel } from '../model/deal-model';
import type { DealDiagnostic } from '../model/diagnostic';
import { capitalize, isWritten, problem } from '../model/deal-walk';
import { paymentWord } from '../model/payment-kinds';

/** Whether a payment limited to `own` territories applies in `territory`. */
export function territoryCovers(own: readonly ast.Territory[] | undefined, territory: string): boolean {
  if (!own || own.length === 0 || territory === 'worldwide') return true;
  return own.some((t) => {
    if (t.text === territory || t.text === 'worldwide') return true;
    // "ex-US" is everywhere but the US.
    const excluded = /^ex-(.+)$/i.exec(t.text)?.[1];
    return excluded !== undefined && excluded !== territory;
  });
}

export function checkOptionEffects(model: DealModel): DealDiagnostic[] {
  const out: DealDiagnostic[] = [];
  for (const option of model.deal.options) {
    for (const effect of option.effects) {
      if (effect.type !== 'Forfeit' || !isWritten(effect.payment) || !effect.territory) continue;
      const payment = model.paymentsByName.get(effect.payment.text)?.node;
      if (!payment) continue; // unknown-reference
      for (const territory of effect.territory) {
        if (!isWritten(territory) || territoryCovers(payment.territory, territory.text)) continue;
        const own = (payment.territory ?? []).map((t) => t.text).join(', ');
        out.push(problem('territory-not-covered', 'warning',
          `${capitalize(paymentWord(payment.type))} '${effect.payment.text}' applies only in ${own}, not in ${territory.text}: forfeiting it there gives nothing up. Check the territory, or the payment meant.`,
          territory.span));
      }
    }
  }
  return out;
}
