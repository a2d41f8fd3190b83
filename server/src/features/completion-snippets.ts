// Snippets for the constructs a deal is built from: a new deal, a programme, a milestone group, a
// tiered royalty, an option, a scenario and its costs. Each is offered where its first keyword
// starts that construct (`program` in a deal declares a programme; in a scenario it does not),
// fills in the names the deal already has (its parties and stages) as choices, and proposes new
// names the deal does not use yet (`Development2` where `Development` exists).
import type { DealModel } from '../model/deal-model';

export interface DealSnippet {
  label: string;
  detail: string;
  /** What it inserts, in a line (Markdown). */
  documentation: string;
  /** LSP snippet syntax: `${1:placeholder}`, `${1|a,b|}`, `$0`. */
  body: string;
}

const builtInStages = ['preclinical', 'phase1', 'phase2', 'phase3', 'filing', 'approval'];

/** `${n|a,b,c|}` over the names, or `${n:fallback}` when there are none. */
function choice(n: number, names: readonly string[], fallback: string): string {
  const usable = names.filter((name) => /^[A-Za-z_]\w*$/.test(name));
  return usable.length > 0 ? `\${${n}|${usable.join(',')}|}` : `\${${n}:${fallback}}`;
}

/** The grammar rule each snippet's keyword starts: offered only where the keyword starts it. */
const startsRule: Record<string, string> = {
  deal: 'deal', milestones: 'milestoneGroup', royalty: 'royalty', option: 'optionDecl', scenario: 'scenario',
  program: 'programDecl', costs: 'costsBlock',
};

/** `name`, or the next free one: `Ph1` → `Ph2`, `Development` → `Development2`. */
export function unusedName(name: string, taken: ReadonlySet<string>): string {
  if (!taken.has(name)) return name;
  const numbered = /^(.*?)(\d+)$/.exec(name);
  const base = numbered ? numbered[1] : name;
  let n = numbered ? Number(numbered[2]) + 1 : 2;
  while (taken.has(`${base}${n}`)) n++;
  return `${base}${n}`;
}

/** The snippets that begin with `keyword` where it starts `rule`, filled in from the deal around
 * the cursor; `taken` are the names in use. */
export function snippetsFor(keyword: string, model: DealModel | undefined, rule?: string, taken: ReadonlySet<string> = new Set()): DealSnippet[] {
  if (rule !== undefined && startsRule[keyword] !== rule) return [];
  const documented = (snippet: Omit<DealSnippet, 'documentation'>): DealSnippet =>
    ({ ...snippet, documentation: `Inserts ${snippet.detail}; Tab moves to the next field to fill in.` });
  return snippetBodies(keyword, model, (name) => unusedName(name, taken)).map(documented);
}

function snippetBodies(keyword: string, model: DealModel | undefined, fresh: (name: string) => string): Omit<DealSnippet, 'documentation'>[] {
  const parties = model ? [...model.parties.keys()] : [];
  const stages = model ? model.stages.map((s) => s.name) : builtInStages;
  const options = model ? [...model.options.keys()] : [];
  const later = (name: string) => [name, ...stages.filter((s) => s !== name)];
  switch (keyword) {
    case 'deal':
      return [{
        label: 'deal (new deal)',
        detail: 'a deal with its parties, a license and payments',
        body: [
          'deal ${1:' + fresh('Name') + '} "${2:Licensor / Licensee license}" {',
          '  currency ${3:USD}',
          '  signed ${4:2024-01-01}',
          '',
          '  party ${5:Licensor} "${6:Licensor, Inc.}" licensor',
          '  party ${7:Licensee} "${8:Licensee AG}" licensee',
          '',
          '  license ${9:Program} "${10:programme license}" {',
          '    from ${5} to ${7}',
          '    exclusive',
          '    territory worldwide',
          '  }',
          '',
          '  payments from ${7} to ${5} {',
          '    upfront ${11:10M} on signing',
          '    $0',
          '  }',
          '}',
        ].join('\n'),
      }];
    case 'milestones':
      return [{
        label: 'milestones (milestone group)',
        detail: 'milestones under a cap, the rest earned by a stage',
        body: [
          'milestones ${1:' + fresh('Development') + '} "${2:development milestones}" up to ${3:50M} by ' + choice(4, later('approval'), 'approval') + ' {',
          '  milestone ${5:' + fresh('Ph1') + '} "${6:first patient dosed in phase 1}" ${7:5M} at ' + choice(8, later('phase1'), 'phase1'),
          '  $0',
          '}',
        ].join('\n'),
      }];
    case 'royalty':
      return [{
        label: 'royalty (tiered)',
        detail: 'marginal royalty tiers on annual net sales',
        body: [
          'royalty ${1:' + fresh('Royalties') + '} on net_sales {',
          '  ${2:5%} up to ${3:100M}',
          '  ${4:7%} up to ${5:500M}',
          '  ${6:10%} above',
          '} term ${7:10} years',
        ].join('\n'),
      }];
    case 'option':
      return [{
        label: 'option (opt-in right)',
        detail: 'an option with an exercise fee and what exercising it changes',
        body: [
          'option ${1:' + fresh('OptIn') + '} "${2:co-development and co-commercialization}" {',
          '  holder ' + choice(3, parties, 'Party'),
          '  exercise at ' + choice(4, later('phase2'), 'phase2') + ' fee ${5:5M}',
          '  on exercise {',
          '    share costs ' + (parties.length >= 2 ? `${parties[0]} 50%, ${parties[1]} 50%` : '${6:A} 50%, ${7:B} 50%'),
          '    $0',
          '  }',
          '}',
        ].join('\n'),
      }];
    case 'scenario': {
      const exercise = options.length > 0 ? [`  exercise ${choice(4, options, 'Option')} at ${choice(5, later('phase2'), 'phase2')}`] : [];
      return [{
        label: 'scenario (what happens)',
        detail: 'how far the programme gets, with sales',
        body: [
          'scenario ${1:' + fresh('Approved') + '} "${2:product approved}" {',
          '  reach ' + choice(3, later('approval'), 'approval'),
          ...exercise,
          '  sales { ${6:2030}: ${7:100M}  ${8:2031}: ${9:250M} }',
          '}',
        ].join('\n'),
      }];
    }
    case 'program':
      return [{
        label: 'program (programme)',
        detail: 'a programme the deal covers (a product or target), with its own stage, and how many alike it stands for',
        body: 'program ${1:' + fresh('Target') + '} "${2:programme}" { stage ' + choice(3, later('preclinical'), 'preclinical') + '  count ${4:1} }',
      }];
    case 'costs':
      return [{
        label: 'costs (for the value to each party)',
        detail: 'development costs per year, cost of goods and commercial costs as a share of sales',
        body: [
          'costs {',
          '  development ${1:US} { ${2:2026}: ${3:10M}  ${4:2027}: ${5:15M} }',
          '  goods ${6:20}% of sales',
          '  commercial ${7:30}% of sales',
          '}',
        ].join('\n'),
      }];
    default:
      return [];
  }
}
