// A scenario's `costs { ... }` as the economics engine reads them: development year tables, and
// the cost of goods and commercial costs as a percentage of sales or a year table, each for all
// territories or for one. (Development costs written as a share of sales are an error, not read.)
import type { ScenarioCosts } from '../../model/scenario-costs';
import { Money } from '../../model/money';
import type { CostsInput } from './types';

export function costsInput(costs: ScenarioCosts): CostsInput {
  const input: CostsInput = { development: [], goods: [], commercial: [] };
  for (const line of costs.lines) {
    const where = line.territory !== undefined ? { territory: line.territory } : {};
    const ofSales = line.line.ofSales;
    if (line.kind === 'development') {
      if (!ofSales) input.development.push({ ...where, years: line.years });
    } else {
      input[line.kind].push(ofSales ? { ...where, percentOfSales: new Money(ofSales.value) } : { ...where, years: line.years });
    }
  }
  return input;
}
