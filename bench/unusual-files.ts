// Files of about 5 MB in shapes nobody writes on purpose but someone will open: a whole deal on
// one line, a 5-MB number, a 5-MB title, and a hundred thousand lines that do not parse. The
// text is seeded, so every run checks the same files.
import { generateDeal } from '../test/generate-deal';

export interface UnusualFile { name: string; what: string; text: string }

/** A long deal with every line joined into one (its only `//` comment, the first line, left out). */
export function oneLineDeal(chars: number, seed = 11): string {
  const charsPerPayment = 63;
  const join = (payments: number) => generateDeal(seed, { payments }).split('\n')
    .filter((line) => !line.trimStart().startsWith('//'))
    .map((line) => line.trim())
    .join(' ')
    .trim();
  const first = join(Math.round(chars / charsPerPayment));
  return join(Math.round((chars / charsPerPayment) * (chars / first.length)));
}

/** A deal whose headline is a number `digits` digits long: `headline 999…`. */
export function longNumberDeal(digits: number, seed = 12): string {
  return generateDeal(seed).replace(/headline \S+/, `headline ${'9'.repeat(digits)}`);
}

/** A deal whose title is a string `chars` characters long. */
export function longTitleDeal(chars: number, seed = 12): string {
  return generateDeal(seed).replace(/^deal (\w+) "[^"]*"/m, (_, id: string) => `deal ${id} "${'x'.repeat(chars)}"`);
}

/** One deal whose payments block has `count` lines that each miss their amount (`upfront on signing`). */
export function syntaxErrorsDeal(count: number): string {
  const lines = ['deal Pasted "a payments table pasted without its amounts" {', '  currency USD',
    '  party Acme "Acme Bio, Inc." licensor', '  party Globex "Globex Pharma AG" licensee', '  payments from Globex to Acme {'];
  for (let i = 0; i < count; i++) lines.push('    upfront on signing');
  lines.push('  }', '}');
  return `${lines.join('\n')}\n`;
}

export function unusualFiles(bytes: number, errors: number): UnusualFile[] {
  const mb = `${(bytes / 2 ** 20).toFixed(bytes >= 2 ** 20 ? 0 : 1)} MB`;
  return [
    { name: 'one-line', what: `a ${mb} deal on one line`, text: oneLineDeal(bytes) },
    { name: 'long-number', what: `a ${mb} number (headline 999…)`, text: longNumberDeal(bytes) },
    { name: 'long-title', what: `a ${mb} title`, text: longTitleDeal(bytes) },
    { name: 'syntax-errors', what: `${errors.toLocaleString('en-US')} syntax errors (payments without an amount)`, text: syntaxErrorsDeal(errors) },
  ];
}
