// Seeded generator of realistic, valid `.deal` text, for property tests, fuzzing and benchmarks.
//   generateDeal(42)                    one deal of a typical size (about 8–16 payments)
//   generateDeal(42, { payments: 500 }) one deal with about 500 payment lines
//   generateDeal(42, { notes: true })   the same deal with the analyst's comments added
// The same seed always gives the same text. Deals have a licensor and licensee (sometimes an
// investor), a license, committed payments, milestone groups with itemized milestones under
// their caps, sales milestones, tiered royalties (marginal or `total`), a territory royalty, an
// option with exercise fees and forfeits, scenarios with timelines and sales, a valuation,
// comments, and a headline equal to what the terms add up to.
import Decimal from 'decimal.js';
import { rng, type Rng } from './seeded-random';

const devStages = ['preclinical', 'phase1', 'phase2', 'phase3', 'filing', 'approval'] as const;
const companies = ['Acme Bio', 'Globex Pharma', 'Initech Therapeutics', 'Umbrella Biologics', 'Stark Genomics', 'Wayne Oncology', 'Tyrell Biosciences', 'Cyberdyne Medicines', 'Soylent Health', 'Hooli Rx'];
const fields = ['oncology', 'immunology', 'rare diseases', 'neurology', 'ophthalmology', 'infectious diseases'];

/** An amount given in thousands, written the way deal people write it (`12.5M`, `$750K`, `USD 2,000,000`). */
function writeAmount(b: Rng, thousands: number, currency?: 'EUR'): string {
  const units = new Decimal(thousands).times(1000);
  const style = b.int(0, 5);
  let figure: string;
  if (thousands % 1000 === 0 || (style < 3 && thousands >= 1000)) figure = `${new Decimal(thousands).div(1000).toFixed()}M`;
  else if (style === 3) figure = `${units.toFixed().replace(/\B(?=(\d{3})+(?!\d))/g, ',')}`;
  else if (style === 4) figure = `${units.toFixed().replace(/\B(?=(\d{3})+(?!\d))/g, '_')}`;
  else figure = `${thousands}K`;
  if (currency === 'EUR') return b.chance(0.5) ? `EUR ${figure}` : `€${figure}`;
  const prefix = b.pick(['', '', '$', 'USD ']);
  return prefix === '' && b.chance(0.1) ? `${figure} USD` : `${prefix}${figure}`;
}

export interface GenerateOptions {
  /** About how many payment lines (default 8–16). */
  payments?: number;
  /** Add an analyst's comments: a block comment on the payments, a note on each milestone
   * group and after each scenario. They take nothing from the random sequence, so the terms
   * are the same as without them. */
  notes?: boolean;
  /** Add terms as announcements word them: now and then a sales milestone inside a milestone
   * group, tiers on cumulative sales, a tier's rate as a range, and scenario costs. Drawn from
   * a random sequence of their own, so every other term is the same as without them. */
  asAnnounced?: boolean;
}

export function generateDeal(seed: number, options: GenerateOptions = {}): string {
  const b = rng(seed);
  const v2 = options.asAnnounced ? rng(seed + 0x5eed) : undefined;
  const target = options.payments ?? b.int(8, 16);
  const lines: string[] = [];
  const out = (line: string) => lines.push(line);
  let headline = new Decimal(0);
  const eurRate = new Decimal('1.10');
  const count = (thousands: number, eur = false) => {
    const value = new Decimal(thousands).times(1000);
    headline = headline.plus(eur ? value.times(eurRate) : value);
  };

  const licensorName = b.pick(companies);
  const licenseeName = b.pick(companies.filter((c) => c !== licensorName));
  const licensor = licensorName.split(' ')[0];
  const licensee = licenseeName.split(' ')[0];
  const investorName = b.pick(['Northwind', 'Contoso', 'Fabrikam']);
  const investor = b.chance(0.3) ? investorName : undefined;
  const signedYear = b.int(2005, 2024);
  const signed = `${signedYear}-${String(b.int(1, 12)).padStart(2, '0')}-${String(b.int(1, 28)).padStart(2, '0')}`;
  const field = b.pick(fields);
  const customStages = b.chance(0.3);
  const current = b.pick(['preclinical', 'phase1', 'phase1', 'phase2'] as const);
  let paymentLines = 0;

  out(`// Generated deal, seed ${seed}: a ${field} licence between ${licensorName} and ${licenseeName}.`);
  out(`deal Deal${seed} "${licensorName} / ${licenseeName} ${field} licence" {`);
  out('  currency USD');
  out(`  signed ${signed}`);
  out(`  stage ${current}`);
  out('  fx EUR = 1.10 USD');
  out(`  party ${licensor} "${licensorName}, Inc." licensor`);
  out(`  party ${licensee} "${licenseeName} AG" { role licensee  country ${b.pick(['US', 'DE', 'CH', 'JP', 'GB'])} }`);
  if (investor) out(`  party ${investor} "${investorName} Ventures" investor`);
  if (customStages) {
    out('  /* stage success rates from the parties\' own portfolio review */');
    out('  stages {');
    out(`    preclinical success ${b.int(55, 75)}%`);
    out(`    phase1      success ${b.int(45, 65)}%`);
    out(`    phase2      success ${b.int(25, 40)}.${b.int(0, 9)}%`);
    out(`    phase3      success ${b.int(50, 70)}%`);
    out(`    filing      success ${b.int(85, 95)}%`);
    out('    approval');
    out('    launch');
    out('  }');
  }
  out(`  license Program${seed % 100} "${field} programme" {`);
  out(`    from ${licensor} to ${licensee}`);
  out(`    ${b.pick(['exclusive', 'non-exclusive', 'co-exclusive'])}`);
  out(`    field "${field}"`);
  out('    territory worldwide');
  out(`    term ${b.int(10, 20)} years`);
  out('  }');
  // A counted programme (further targets on the same terms), with its own milestones.
  const program = v2?.chance(0.4) ? { count: v2.int(2, 4), cap: v2.int(2, 30) * 5 } : undefined;
  if (program) out(`  program Next "further targets" { stage preclinical  count ${program.count} }`);

  // Committed payments.
  if (options.notes) out(`  /* Payments as announced by ${licensorName}; milestone caps are the press-release totals,\n     itemized events are from the ${signedYear} annual report. */`);
  out(`  payments from ${licensee} to ${licensor} {`);
  const upfront = b.int(1, 80) * 500;
  out(`    upfront ${writeAmount(b, upfront)} on signing`);
  count(upfront);
  paymentLines++;
  if (b.chance(0.5)) {
    const fee = b.int(1, 20) * 250;
    out(`    fee Access "technology access fee" ${writeAmount(b, fee)} on ${signedYear + 1}-${String(b.int(1, 12)).padStart(2, '0')}-15`);
    count(fee);
    paymentLines++;
  }
  if (b.chance(0.4)) {
    const each = b.int(2, 12) * 250;
    const years = b.int(2, 4);
    out(`    funding Research "research FTEs" ${writeAmount(b, each)} per year for ${years} years`);
    count(each * years);
    paymentLines++;
  }

  if (program) {
    out(`    milestones NextDev "milestones per further target" up to ${program.cap}M by approval for Next { }`);
    count(program.cap * 1000 * program.count);
  }

  // Milestone groups with itemized milestones, then sales milestones and royalties.
  const groups: string[] = [];
  let groupNo = 0;
  const salesTail = 4;
  while (paymentLines < Math.max(target - salesTail, 4)) {
    groupNo++;
    const name = `${b.pick(['Dev', 'Reg', 'Clin', 'Cmc'])}${groupNo}`;
    groups.push(name);
    const size = Math.min(b.int(2, 6), Math.max(1, target - salesTail - paymentLines));
    const items: { line: string; thousands: number }[] = [];
    let itemized = 0;
    let stage = b.int(1, 2);
    for (let i = 0; i < size; i++) {
      stage = Math.min(stage + (i === 0 ? 0 : b.int(0, 1)), devStages.length - 1);
      const eur = b.chance(0.15);
      const thousands = b.int(2, 60) * 250;
      const expected = b.chance(0.5) ? ` expected ${signedYear + stage + b.int(0, 1)}${b.chance(0.3) ? `-Q${b.int(1, 4)}` : ''}` : '';
      const territory = devStages[stage] === 'approval' && b.chance(0.5) ? ` territory ${b.pick(['US', 'EU', 'JP'])}` : '';
      items.push({ line: `      milestone ${name}_${i + 1} "${devStages[stage]} event ${i + 1}" ${writeAmount(b, thousands, eur ? 'EUR' : undefined)} at ${devStages[stage]}${territory}${expected}`, thousands: eur ? new Decimal(thousands).times(eurRate).toNumber() : thousands });
      itemized += eur ? new Decimal(thousands).times(eurRate).toNumber() : thousands;
    }
    if (v2?.chance(0.3)) {
      // A sales milestone under the group's cap, beside its events.
      const thousands = v2.int(4, 40) * 500;
      const threshold = v2.pick([300, 600]);
      items.push({ line: `      sales milestone ${name}_Sales "first ${threshold}M year" ${writeAmount(v2, thousands)} when annual net_sales reach ${threshold}M`, thousands });
      itemized += thousands;
    }
    const cap = Math.ceil(itemized / 1000) * 1000 + b.int(0, 20) * 1000;
    const by = b.chance(0.7) ? ` by ${devStages[Math.min(stage + b.int(0, 1), devStages.length - 1)]}` : '';
    out(`    milestones ${name} "${name.replace(/\d+$/, '')} milestones" up to ${writeAmount(b, cap)}${by} {${options.notes ? ` // ${size} events itemized` : ''}`);
    items.forEach((item) => out(item.line));
    out('    }');
    count(cap);
    paymentLines += size + 1;
  }
  const thresholds = [250_000, 500_000, 1_000_000].slice(0, b.int(1, 3));
  for (const threshold of thresholds) {
    const amount = b.int(10, 100) * 500;
    out(`    sales milestone Sales${threshold / 1000} ${writeAmount(b, amount)} when annual net_sales reach ${threshold / 1000}M`);
    count(amount);
    paymentLines++;
  }
  const totalTiers = b.chance(0.3) ? ' total' : '';
  const cumulative = v2?.chance(0.4) ? 'cumulative ' : '';
  const low = b.int(4, 8);
  const lowRate = v2?.chance(0.3) ? `${low}% to ${low + 1}%` : `${low}%`;
  out(`    royalty Tiered on ${cumulative}net_sales${totalTiers} {`);
  out(`      ${lowRate}  up to ${b.pick([100, 200, 250])}M`);
  out(`      ${low + 2}% up to ${b.pick([500, 750])}M`);
  out(`      ${low + 4}.5% above`);
  out(`    }${b.chance(0.6) ? ` term ${b.int(8, 12)} years` : ''}`);
  out(`    royalty ExUS ${b.int(2, 5)}% on net_sales territory "ex-US"`);
  paymentLines += 2;
  if (b.chance(0.3)) out('    royalty Undisclosed on net_sales undisclosed');
  if (b.chance(0.3)) out(`    manufacturing Supply "clinical supply" at cost${b.chance(0.5) ? ` plus ${b.int(5, 20)}%` : ''}`);
  out('  }');
  if (investor) {
    const equity = b.int(4, 40) * 500;
    out(`  payments from ${investor} to ${licensor} { equity Stock "series B shares" ${writeAmount(b, equity)} on signing premium ${b.int(0, 30)}% }`);
    count(equity);
  }

  // An option for the licensor to opt back in, forfeiting later milestones and US royalties.
  const option = b.chance(0.7) ? 'OptIn' : undefined;
  const exerciseStages = b.chance(0.5) ? ['phase2', 'phase3'] : ['phase2'];
  if (option) {
    out(`  option ${option} "US co-development and co-commercialization" {`);
    out(`    holder ${licensor}`);
    out('    territory US');
    for (const stage of exerciseStages) {
      const fee = writeAmount(b, b.int(2, 40) * 500);
      // As deals write them: a fee range, an undisclosed fee, or none (from their own sequence).
      const form = v2?.pick(['fixed', 'range', 'undisclosed', 'none'] as const) ?? 'fixed';
      if (form === 'range') out(`    exercise at ${stage} fee ${v2!.int(2, 20)}M to ${v2!.int(21, 40)}M`);
      else if (form === 'undisclosed') out(`    exercise at ${stage} fee undisclosed`);
      else if (form === 'none') out(`    exercise at ${stage}`);
      else out(`    exercise at ${stage} fee ${fee}`);
    }
    out('    on exercise {');
    if (v2?.chance(0.5)) {
      out(`      payments from ${licensee} to ${licensor} {`);
      out(`        milestones OptReg "US regulatory milestones on exercise" up to ${v2.int(5, 60) * 10}M by approval { }`);
      out('      }');
      if (v2.chance(0.5)) out(`      developer ${licensor} in US`);
    }
    out(`      forfeit unearned ${b.pick(groups)}`);
    out('      forfeit Tiered in US');
    out(`      share costs ${licensor} 50%, ${licensee} 50% in US`);
    out('    }');
    out('  }');
  }

  // Scenarios: full success, an early stop, and (with the option) an opt-in.
  const scenarioCount = b.int(1, 3);
  for (let s = 0; s < scenarioCount; s++) {
    const reachIndex = s === 1 ? b.int(1, 3) : devStages.length - 1;
    const start = signedYear + b.int(0, 2);
    let year = start;
    const timeline = devStages.slice(0, reachIndex + 1).map((stage, i) => `${stage} ${(year += i === 0 ? 0 : b.int(1, 2))}`);
    out(`  scenario Case${s + 1} "${s === 1 ? 'programme stops early' : 'approved and launched'}" {`);
    out(`    timeline { ${timeline.join('  ')} }`);
    out(`    reach ${devStages[reachIndex]}`);
    if (option && s !== 1 && b.chance(0.6)) out(`    exercise ${option} at ${b.pick(exerciseStages)}`);
    if (s !== 1) {
      const launch = start + 2 * devStages.length;
      const years = b.int(2, 6);
      const perTerritory = b.chance(0.4);
      const ramp = (scale: number) => Array.from({ length: years }, (_, i) => `${launch + i}: ${Math.round((i + 1) * scale * b.int(80, 120) / 100)}M`).join('  ');
      if (perTerritory) {
        out(`    sales US { ${ramp(120)} }`);
        out(`    sales EU { ${ramp(80)} }`);
      } else {
        out(`    sales { ${ramp(200)} }`);
      }
      if (v2?.chance(0.5)) {
        out('    costs {');
        out(`      development${perTerritory ? ' US' : ''} { ${start + 1}: ${v2.int(5, 40)}M  ${start + 2}: ${v2.int(5, 40)}M }`);
        out(`      goods ${v2.int(5, 25)}% of sales`);
        out(`      commercial ${v2.chance(0.5) ? `${v2.int(10, 35)}% of sales` : `{ ${launch}: ${v2.int(10, 60)}M }`}`);
        out('    }');
      }
    }
    out(`  }${options.notes ? ` // case ${s + 1}: ${s === 1 ? 'stops before filing' : 'full development'}` : ''}`);
  }
  if (b.chance(0.6)) out(`  valuation { as of ${signed}  discount ${b.int(8, 14)}% }`);
  out(`  headline ${headline.toFixed()}`);
  out('}');
  return `${lines.join('\n')}\n`;
}
