// Shares bought at a premium: fair value = amount ÷ (1 + premium%), rounded to the cent, or
// amount − premium where the premium is written as an amount. Without a premium the shares
// are bought at market: fair value = amount. The rule is the deal model's (model/equity.ts).
import type Decimal from 'decimal.js';
import type { PaymentItem } from '../../model/deal-model';
import { equityPremium } from '../../model/equity';

export function equityFairValue(amount: Decimal, item: PaymentItem | undefined): Decimal {
  const node = item?.node;
  if (node?.type !== 'Equity') return amount;
  // A premium written as an amount is the one the model converted into the deal currency.
  const premiumAmount = node.premiumAmount ? item!.premium : undefined;
  return equityPremium(amount, node.premium?.value, premiumAmount, !!node.premiumAmount).fairValue ?? amount;
}
