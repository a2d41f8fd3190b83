// Shares bought at a premium: fair value = amount ÷ (1 + premium%), rounded to the cent, or
// amount − premium where the premium is written as an amount. Without a premium the shares
// are bought at market: fair value = amount.
import type Decimal from 'decimal.js';
import type { PaymentItem } from '../../model/deal-model';
import { toCents } from '../../model/money';

export function equityFairValue(amount: Decimal, item: PaymentItem | undefined): Decimal {
  const premium = item?.node.premium;
  if (!premium) return amount;
  return toCents(amount.div(premium.value.div(100).plus(1)));
}
