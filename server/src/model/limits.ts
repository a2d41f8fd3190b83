// The limits of figures the tools count exactly. Money is computed to 60 significant digits:
// an amount below a quintillion with at most 10 decimals, times an exchange rate below a billion
// with at most 12 decimals, summed a billion times, fits. The checks (diagnostics/magnitudes.ts)
// report figures beyond these; the scenario schedule relies on the funding limit.
import { Money } from './money';

export const largestAmount = new Money('1e18');
export const amountDecimals = 10;
export const rateDecimals = 12;
export const largestRate = new Money('1e9');
/** The longest funding spread over years; longer funding is one unscheduled payment. */
export const longestFundingYears = 100;
