// A generated deal in euros for portfolio tests: generated deal 1 (Acme licenses to Wayne) with
// every amount in the deal's own currency, and the given `fx` line or none.
import assert from 'node:assert/strict';
import { generateDeal } from '../generate-deal';

export function euroDeal(fx?: string): string {
  const text = generateDeal(1)
    .replace(/^\s*fx EUR = 1\.10 USD\n/m, '')
    .replace(/^\s*headline .*\n/m, '')
    .replace(/\$(?=\d)/g, '').replace(/\bUSD (?=\d)/g, '').replace(/(\d[KMB]?) USD\b/g, '$1')
    .replace('currency USD', fx ? `currency EUR\n  fx ${fx}` : 'currency EUR');
  assert.ok(!/\bUSD\b|\$/.test(text.replace(`fx ${fx}`, '')), 'every amount is in euros');
  return text;
}
