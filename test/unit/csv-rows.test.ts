// The payment schedule's rows: a payment has the same name on the deal's rows and on every
// scenario's, and the amount as written in another currency follows each row — a CAD group's
// undisclosed rest is its cap less its milestones in CAD, a yearly instalment the yearly CAD.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeDealText } from '../../server/src/document/analyze';
import { renderCsv } from '../../server/src/exports/csv';

const cad = `deal C {
  currency USD
  signed 2024-01-01
  fx CAD = 0.75 USD
  party A licensor
  party B licensee
  payments from B to A {
    upfront CAD 10M on signing
    milestones Dev "development milestones" up to CAD 100M by approval {
      milestone Ph1 "phase 1 start" CAD 20M at phase1 expected 2025
    }
    funding R "research" CAD 4M per year for 2 years
  }
  scenario S { reach approval }
}
`;

describe('CSV rows', () => {
  it('keeps the written CAD on a group rest and on instalments, and one name per payment in the terms and the scenario', () => {
    const document = analyzeDealText(cad);
    assert.deepEqual(document.diagnostics.filter((d) => d.severity === 'error'), []);
    const rows = renderCsv(document).trimEnd().split('\r\n').slice(1).map((line) => line.split(',').slice(1, 11).join(','));
    assert.deepEqual(rows, [
      ',2024,upfront,Upfront,B,A,7500000,USD,10000000,CAD',
      ',2025,milestone,phase 1 start,B,A,15000000,USD,20000000,CAD',
      ',,milestone,development milestones (undisclosed rest),B,A,60000000,USD,80000000,CAD',
      ',2024,funding,research (1 of 2),B,A,3000000,USD,4000000,CAD',
      ',2025,funding,research (2 of 2),B,A,3000000,USD,4000000,CAD',
      'S,2024,upfront,Upfront,B,A,7500000,USD,10000000,CAD',
      'S,2024,funding,research (1 of 2),B,A,3000000,USD,4000000,CAD',
      'S,2025,milestone,phase 1 start,B,A,15000000,USD,20000000,CAD',
      'S,2025,funding,research (2 of 2),B,A,3000000,USD,4000000,CAD',
      'S,unscheduled,milestone,development milestones (undisclosed rest),B,A,60000000,USD,80000000,CAD',
    ]);
  });
});
