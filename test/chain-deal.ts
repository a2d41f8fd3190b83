// A deal written to make every scenario repeat everything: `n` partners each holding an option
// (exercisable at a stage for a fee, forfeiting a milestone), and `n` scenarios where scenario i
// exercises options 1 to i. The text grows with n (and its exercise lines with n²); what is
// rendered from it must not grow faster than n.
const stages = ['phase1', 'phase2', 'phase3', 'filing', 'approval'];

export function chainDeal(n: number): string {
  const out: string[] = [
    'deal Chain "A chain of options" {', '  currency USD', '  signed 2024-01-01',
    '  party Alpha "Alpha Bio" licensor', '  party Beta "Beta Pharma" licensee',
  ];
  for (let i = 1; i <= n; i++) out.push(`  party P${i} "Partner ${i}" investor`);
  out.push('  payments from Beta to Alpha {', '    upfront 10M on signing');
  for (let i = 1; i <= n; i++) out.push(`    milestone M${i} "milestone ${i}" ${i}M at ${stages[i % 5]} expected ${2025 + (i % 5)}`);
  out.push('    royalty Tiered on net_sales { 5% up to 100M  8% above }', '  }');
  for (let i = 1; i <= n; i++) {
    out.push(`  option O${i} "option ${i}" {`, `    holder P${i}`, `    exercise at ${stages[i % 4]} fee ${i}M to Alpha`, `    on exercise { forfeit M${i} }`, '  }');
  }
  for (let i = 1; i <= n; i++) {
    out.push(`  scenario S${i} "scenario ${i}" {`, '    timeline { phase1 2025  phase2 2026  phase3 2027  filing 2028  approval 2029 }', '    reach approval');
    for (let j = 1; j <= i; j++) out.push(`    exercise O${j} at ${stages[j % 4]}`);
    out.push('    sales { 2030: 100M  2031: 200M  2032: 300M }', '  }');
  }
  out.push('  valuation { as of 2024-01-01  discount 10% }', '}');
  return `${out.join('\n')}\n`;
}
