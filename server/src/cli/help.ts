// What `deal --help` and `deal help COMMAND` print.
import { version } from '../../../package.json';

export { version };

const overview = `deal ${version}: check, total and render .deal term sheets

usage:
  deal check FILE... [--json]
  deal rollup FILE [--scenario ID] [--json]
  deal value FILE [--scenario ID] [--json]
  deal render FILE [--format html|md|csv|json] [--scenario ID] [--out FILE]
  deal help [COMMAND]     deal --version

Flags may come before or after the files. Exit codes: 0 fine, 1 the file has errors,
2 the command could not run (unknown option, unreadable file, unknown scenario).
Only regular files up to 64 MB are read; - is standard input.`;

const topics: Record<string, string> = {
  check: `deal check FILE... [--json]

Checks each file and prints every problem as
  file:line:column severity code message
(line and column 1-based). Exits 1 if any file has an error, 0 if only warnings or none.
--json prints one array over all files:
  [{"file","line","column","endLine","endColumn","severity","code","message"}]
endLine/endColumn give the position just after the offending text (1-based, exclusive).`,
  rollup: `deal rollup FILE [--scenario ID] [--json]

Prints what each deal adds up to: headline, committed and contingent totals, each party's
receives/pays/net, totals by kind, the exchange rates, every payment, each option with its
fee range, per scenario its payments by party, kind and year, and with a valuation the rNPV.
--scenario ID shows only that scenario. --json prints the rollup as JSON; every amount is an
exact decimal string in the deal currency.`,
  value: `deal value FILE [--scenario ID] [--json]

Prints what each deal is worth to each party, for every scenario that gives its costs
(\`costs { ... }\`): the pie (the project value and each party's value and share of it), each
party's receives, pays, profit, costs and value, the product's sales, costs and operating
profit, and for each option the scenario exercises, what it gains each party and from what
sales it pays off (the break-even, found to 10⁻⁶). With a valuation, the same in rNPV.
Figures are nominal, unrisked and pre-tax unless marked rNPV. --scenario ID shows only that
scenario. --json prints the same JSON as deal rollup --json.`,
  render: `deal render FILE [--format html|md|csv|json] [--scenario ID] [--out FILE]

Writes the term sheet: html (a stand-alone page, the preview), md (tables for a memo), csv
(the payment schedule, one row per payment) or json (as deal rollup --json). The format
defaults to the --out file's extension, else html. Writes to standard output without --out
or with --out -. Never writes over a .deal file or the file being rendered (by name or through
a link); the output is written whole or not at all, so a failed render leaves an existing file as it was.`,
};

export function helpText(topic?: string): string {
  return (topic && topics[topic]) || overview;
}
