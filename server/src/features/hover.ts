// Hover: what the thing under the cursor adds up to, in Markdown. Pure — the language server,
// tests and any other caller hand in an analysed document and an offset.
import { agrees } from '../checks/amounts';
import { describeHeadlineCount } from '../model/headline';
import type { Span } from '../language/ast';
import { dealAt, type AnalyzedDeal, type AnalyzedDocument } from '../document/analyze';
import { figureList, figureRow, heading, md, moneyIn, paragraphs, writtenAmount, dateText } from './hover-format';
import { describeOption, describeScenario, describeStage } from './hover-option';
import { describePayment } from './hover-payment';
import { describeProgram } from './hover-program';
import { findHoverTarget, type HoverTarget } from './hover-target';
import { emptyPosition } from '../model/totals';
import { capitalize } from '../model/deal-walk';
import { kindTotalLabel, uncountedKindsInWords } from '../model/payment-kinds';
import { shownDeal } from '../model/shown-figures';
import { incompleteFigures, partyPositions } from './incomplete-figures';

export interface DealHover {
  markdown: string;
  /** The text the hover is about (the name or keyword under the cursor). */
  span: Span;
}

export function doHover(document: AnalyzedDocument, offset: number): DealHover | undefined {
  const analyzed = dealAt(document, offset);
  if (!analyzed) return undefined;
  const deal = shownDeal(analyzed);
  const target = findHoverTarget(deal.model, document.text, offset);
  if (!target) return undefined;
  // While the deal has errors, every hover says so first, and what the figures leave out.
  const incomplete = incompleteFigures(document, analyzed, (name) => `'${md(name)}'`);
  const described = describe(target, deal, document.text, !!incomplete);
  const markdown = described && incomplete ? paragraphs(`**${incomplete}.**`, described) : described;
  return markdown ? { markdown, span: target.span } : undefined;
}

function describe(target: HoverTarget, deal: AnalyzedDeal, text: string, incomplete: boolean): string | undefined {
  switch (target.kind) {
    case 'deal': return describeDeal(deal, text, incomplete);
    case 'party': return describeParty(deal, target.name);
    case 'payment': {
      const item = target.payment
        ? findItem(deal, target.payment)
        : target.name !== undefined ? deal.model.paymentsByName.get(target.name) : undefined;
      return item ? describePayment(deal, item, text) : undefined;
    }
    case 'option': return describeOption(deal, target.name, text);
    case 'scenario': return describeScenario(deal, target.name);
    case 'stage': return describeStage(deal, target.name);
    case 'program': return describeProgram(deal, target.name);
  }
}

function findItem(deal: AnalyzedDeal, node: object) {
  for (const item of [...deal.model.payments, ...deal.model.exercisePayments]) {
    if (item.node === node) return item;
    const inner = item.items?.find((m) => m.node === node);
    if (inner) return inner;
  }
  return undefined;
}

/** Headline, committed and contingent, declared against computed, and each party's position
 * (names that are not parties left out: the hover's first line names them). */
function describeDeal({ model, totals }: AnalyzedDeal, text: string, incomplete: boolean): string {
  const money = moneyIn(model);
  const deal = model.deal;
  const counted = totals.headlineCount
    ? describeHeadlineCount(totals.headlineCount, money)
    : `committed ${money(totals.committed)} + contingent ${money(totals.contingent)}`;
  const onExercise = model.exercisePayments.length && !totals.headlineCount?.options
    ? `; on exercise of options, ${money(totals.onExercise)} more` : '';
  const headline = `Headline **${money(totals.headline)}** = ${counted}${onExercise}`;
  const about = !!deal.headlineTerms?.about;

  let declared: string | undefined;
  if (deal.headline) {
    const value = model.convert(deal.headline);
    const written = writtenAmount(model, text, deal.headline);
    if (!value) declared = `Declared headline ${written}.`;
    else if (incomplete) declared = `Declared headline ${written}: checked against the terms once the errors are fixed.`;
    else if (value.eq(totals.headline)) declared = `Declared headline ${written} matches the terms.`;
    else if (agrees(value, totals.headline, about)) declared = `Declared headline about ${written} is within 5% of the computed ${money(totals.headline)}.`;
    else declared = `Declared headline ${written} differs from the computed ${money(totals.headline)} by ${money(value.minus(totals.headline).abs())}.`;
  }

  const rows = partyPositions(model, totals.parties).map(([name, p]) => figureRow(md(name), [['receives', money(p.receives)], ['pays', money(p.pays)], ['net', money(p.net)]]));
  const byKind = [...totals.byKind].map(([kind, value]) => `${kindTotalLabel(kind)} ${money(value)}`).join('; ');
  const facts = [
    deal.signed && `signed ${dateText(deal.signed)}`,
    deal.currency?.text && `currency ${md(deal.currency.text)}`,
  ].filter(Boolean).join(' · ');
  return paragraphs(
    heading('Deal', deal.name?.text, deal.title),
    facts,
    headline,
    declared,
    rows.length ? figureList(rows) : undefined,
    byKind && `By kind: ${byKind}`,
    `${capitalize(uncountedKindsInWords())} are not in these totals; scenarios count them.`,
  );
}

/** A party's position: receives, pays and net, committed and contingent apart. */
function describeParty({ model, totals }: AnalyzedDeal, name: string): string | undefined {
  const party = model.parties.get(name);
  const position = totals.parties.get(name);
  if (!party && !position) return undefined;
  if (!party) {
    const p = position ?? emptyPosition();
    const money = moneyIn(model);
    const flows = [p.pays.isZero() ? undefined : `pays ${money(p.pays)}`, p.receives.isZero() ? undefined : `receives ${money(p.receives)}`].filter(Boolean);
    return paragraphs(
      `**'${md(name)}' is not a party of this deal**: correct the name or declare the party.`,
      flows.length ? `What the terms give it is left out of the parties' positions: it ${flows.join(' and ')}.` : undefined,
    );
  }
  const p = position ?? emptyPosition();
  const money = moneyIn(model);
  const facts = [
    party?.role?.text && md(party.role.text),
    party?.ticker?.value && md(party.ticker.value),
    party?.country?.text && md(party.country.text),
  ].filter(Boolean).join(' · ');
  const row = (label: string, receives: typeof p.receives, pays: typeof p.pays) =>
    figureRow(label, [['receives', money(receives)], ['pays', money(pays)], ['net', money(receives.minus(pays))]]);
  return paragraphs(
    heading('Party', name, party?.title),
    facts,
    figureList([
      row('Committed', p.committed.receives, p.committed.pays),
      row('Contingent', p.contingent.receives, p.contingent.pays),
      row('**Total**', p.receives, p.pays),
    ]),
  );
}
