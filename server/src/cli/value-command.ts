// `deal value FILE [--scenario ID] [--json]`: what each deal is worth to each party, scenario by
// scenario. --json prints the same JSON as `deal rollup --json` (its economics keys included).
import type { AnalyzedDocument } from '../document/analyze';
import { scenarioEconomicsOf } from '../engine/economics';
import { rollupJson } from '../exports/rollup-json';
import { scenarioValueText } from './value-table';
import { shownDeal } from '../model/shown-figures';
import { loadDeal } from './load';
import { outcome, type Outcome } from './outcome';

export function valueCommand(file: string, scenario: string | undefined, json: boolean): Outcome {
  const { document, errors } = loadDeal(file, scenario);
  const stdout = json ? `${JSON.stringify(rollupJson(document, { scenario }), null, 2)}\n` : valueText(document, scenario);
  return outcome(stdout, errors, errors.length ? 1 : 0);
}

export function valueText(document: AnalyzedDocument, only?: string): string {
  if (document.deals.length === 0) return 'No deal in this file.\n';
  return document.deals.map((analyzed) => {
    const { model } = shownDeal(analyzed);
    const deal = model.deal;
    const parts = [`${deal.title?.value ?? deal.name.text} (${deal.name.text}, ${model.currency})`];
    const scenarios = deal.scenarios.filter((s) => only === undefined || s.name.text === only);
    for (const scenario of scenarios) {
      const economics = scenarioEconomicsOf(model, scenario);
      parts.push(economics
        ? scenarioValueText(model, scenario, economics)
        : `Scenario ${scenario.name.text}: no costs given, so no value is computed (add \`costs { development ... goods ... commercial ... }\` to it).`);
    }
    if (!scenarios.length) parts.push('No scenario: add one with sales and costs to see what the deal is worth to each party.');
    return parts.join('\n\n');
  }).join('\n\n') + '\n';
}
