// Currencies the language knows: ISO 4217 codes in active use and the symbols that stand for them.

export const currencySymbols: Record<string, string> = { $: 'USD', 'US$': 'USD', '€': 'EUR', '£': 'GBP', '¥': 'JPY' };

export const isoCurrencyCodes: readonly string[] = [
  'AED', 'ARS', 'AUD', 'BGN', 'BRL', 'CAD', 'CHF', 'CLP', 'CNY', 'COP', 'CZK', 'DKK', 'EGP', 'EUR',
  'GBP', 'HKD', 'HUF', 'IDR', 'ILS', 'INR', 'ISK', 'JPY', 'KRW', 'KWD', 'MXN', 'MYR', 'NGN', 'NOK',
  'NZD', 'PEN', 'PHP', 'PKR', 'PLN', 'QAR', 'RON', 'RUB', 'SAR', 'SEK', 'SGD', 'THB', 'TRY', 'TWD',
  'UAH', 'USD', 'VND', 'ZAR',
];

const isoSet = new Set(isoCurrencyCodes);

export function isCurrencyCode(text: string): boolean {
  return isoSet.has(text);
}

/** How amounts in a currency are written for people: `$1,000`, `€2.5M`, `CHF 1,000`. */
export function currencyPrefix(code: string): string {
  return symbolOf.get(code) ?? `${code} `;
}

/** The symbol of each code that has one (the first, should two symbols name one code). */
const symbolOf = new Map<string, string>();
for (const [symbol, code] of Object.entries(currencySymbols)) if (!symbolOf.has(code)) symbolOf.set(code, symbol);
