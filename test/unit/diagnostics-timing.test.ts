// Diagnostics about dates, stages and scenarios: dates that do not exist, payments before
// signing, timelines out of stage order, options exercised where they cannot be, sales before
// signing and forfeits in territories a payment does not cover. «…» marks where each must be.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { diagnosticsOf } from './helpers';

/** A clean deal signed on 2006-07-07; `payments` go inside its payments block. */
const deal = (payments: string, outside = '', signed = '2006-07-07') => `deal D {
  signed ${signed}
  party ImmunoGen licensor
  party Biotest licensee
  payments from Biotest to ImmunoGen {
    upfront 1M on signing
${payments}
  }
${outside}
}
`;

const option = `  option OptIn {
    holder ImmunoGen
    exercise at phase2 fee 5M
    exercise at phase3 fee 15M
  }`;

describe('invalid-date', () => {
  it('reports days, months, quarters and years that do not exist', () => {
    const { found, ranges } = diagnosticsOf(deal(`
    fee A 1M on «2007-13-01»
    fee B 1M on 2008-02-29
    milestone C 1M at phase1 expected «2008-Q5»
    milestone E 1M at phase2 expected «20011»`, `
  scenario S { timeline { phase1 «2009-02-29» } sales { «20311»: 1M } }
  valuation { as of «2006-04-31» }`));
    assert.deepEqual(found.map((d) => [d.code, d.severity, d.range, d.message]), [
      ['invalid-date', 'error', ranges[0], "There is no month 13 in '2007-13-01': months run from 01 to 12 (YYYY-MM-DD)."],
      ['invalid-date', 'error', ranges[1], "There is no quarter Q5 in '2008-Q5': quarters run from Q1 to Q4."],
      ['invalid-date', 'error', ranges[2], "'20011' is not a date: write a day (2006-07-07), a month (2016-09), a quarter (2008-Q3) or a year of four digits (2009)."],
      ['invalid-date', 'error', ranges[3], "'2009-02-29' does not exist: February 2009 has 28 days."],
      ['invalid-date', 'error', ranges[4], 'This is not a year: write each year of sales as four digits, e.g. `2016: 150M`.'],
      ['invalid-date', 'error', ranges[5], "'2006-04-31' does not exist: April 2006 has 30 days."],
    ]);
  });

  it('says what is wrong with a year of sales written with a leading 0', () => {
    const { found, ranges } = diagnosticsOf(deal('', '  scenario S { sales { «0999»: 1M  «0042»: 1M  «999»: 1M  2016: 1M } }'));
    assert.deepEqual(found.map((d) => [d.code, d.range, d.message]), [
      ['invalid-date', ranges[0], "'0999' is not a year: a year of sales has four digits from 1000 on, without a leading 0, e.g. `2016: 150M`."],
      ['invalid-date', ranges[1], "'0042' is not a year: a year of sales has four digits from 1000 on, without a leading 0, e.g. `2016: 150M`."],
      ['invalid-date', ranges[2], 'This is not a year: write each year of sales as four digits, e.g. `2016: 150M`.'],
    ]);
  });

  it('reports a signing date that does not exist, and then judges no date against it', () => {
    const { found, ranges } = diagnosticsOf(deal('    fee A 1M on 2001-01-01', '', '«2006-02-30»'));
    assert.deepEqual(found.map((d) => [d.code, d.range, d.message]), [
      ['invalid-date', ranges[0], "'2006-02-30' does not exist: February 2006 has 28 days."],
    ]);
  });

  it('asks for a full date where an event is dated, not expected', () => {
    const { found, ranges } = diagnosticsOf(deal('    fee A 1M on «2007-Q1»', '', '«2006»'));
    assert.deepEqual(found.map((d) => [d.code, d.range, d.message]), [
      ['invalid-date', ranges[0], "`signed` needs a full date (YYYY-MM-DD, such as 2006-07-07) or a month (YYYY-MM, such as 2016-09), not '2006'."],
      ['invalid-date', ranges[1], "`on` needs a full date (YYYY-MM-DD, such as 2006-07-07) or a month (YYYY-MM, such as 2016-09), not '2007-Q1'. If only the year or quarter is known, write `expected` instead of `on`."],
    ]);
  });
});

describe('date-before-signing', () => {
  it('warns about payments dated or expected before signing, whole period before it', () => {
    const { found, ranges } = diagnosticsOf(deal(`
    fee A 1M on «2006-07-06»
    fee B 1M on 2006-07-07
    milestone C 1M at phase1 expected «2005»
    milestone E 1M at phase2 expected 2006
    milestone F 1M at phase3 expected «2006-Q2»
    milestone G 1M at filing expected 2006-Q3`));
    assert.deepEqual(found.map((d) => [d.code, d.severity, d.range, d.message]), [
      ['date-before-signing', 'warning', ranges[0], 'This payment is dated 2006-07-06, before the deal was signed on 2006-07-07: payments fall due at or after signing. Check the date (or the `signed` date).'],
      ['date-before-signing', 'warning', ranges[1], 'This payment is expected 2005, before the deal was signed on 2006-07-07: payments fall due at or after signing. Check the date (or the `signed` date).'],
      ['date-before-signing', 'warning', ranges[2], 'This payment is expected 2006-Q2, before the deal was signed on 2006-07-07: payments fall due at or after signing. Check the date (or the `signed` date).'],
    ]);
  });
});

describe('stage-order', () => {
  it('warns about a timeline listed out of stage order', () => {
    const { found, ranges } = diagnosticsOf(deal('', '  scenario S { timeline { phase2 2010  «phase1» 2008 } }'));
    assert.deepEqual(found, [{
      code: 'stage-order', severity: 'warning', range: ranges[0],
      message: "phase1 is listed after phase2 but comes before it in the deal's stages (discovery, preclinical, phase1, phase2, phase3, filing, approval, launch): list the timeline in stage order.",
    }]);
  });

  it('warns about years that go backwards along the stages, and accepts one year for two stages', () => {
    const { found, ranges } = diagnosticsOf(deal('', '  scenario S { timeline { phase1 2010  phase2 2010  phase3 «2009»  filing 2012 } }'));
    assert.deepEqual(found, [{
      code: 'stage-order', severity: 'warning', range: ranges[0],
      message: 'phase3 is reached in 2009, before phase2 (2010): a later stage cannot come earlier. Check the years.',
    }]);
  });

  it('warns about a timeline or an exercise past the stage the scenario reaches', () => {
    const { found, ranges } = diagnosticsOf(deal('', `${option}
  scenario S { timeline { phase1 2008  phase2 2010  «phase3» 2012 } reach phase2  exercise OptIn at «phase3» }`));
    assert.deepEqual(found.map((d) => [d.code, d.range, d.message]), [
      ['stage-order', ranges[0], 'The timeline goes on to phase3, but this scenario stops at `reach phase2`: remove the later stages, or reach further.'],
      ['stage-order', ranges[1], 'The option is exercised at phase3, but this scenario stops at `reach phase2`: exercise it earlier, or reach further.'],
    ]);
  });
});

describe('invalid-exercise', () => {
  it('reports an exercise at a stage the option does not offer, suggesting one it does', () => {
    const { found, ranges } = diagnosticsOf(deal('', `${option}
  scenario S { reach approval  exercise OptIn at «phase1» }`));
    assert.deepEqual(found, [{
      code: 'invalid-exercise', severity: 'error', range: ranges[0],
      message: "Option 'OptIn' cannot be exercised at phase1: it can be exercised at phase2 or phase3.",
      data: { suggestion: 'phase2' },
    }]);
  });

  it('reports an option exercised twice, or one that offers no stage', () => {
    const { found, ranges } = diagnosticsOf(deal('', `${option}
  option Never { holder ImmunoGen }
  scenario S { exercise OptIn at phase2  exercise «OptIn» at phase3  exercise «Never» }`));
    assert.deepEqual(found.map((d) => [d.code, d.range, d.message]), [
      ['invalid-exercise', ranges[0], "Option 'OptIn' is already exercised in this scenario: an option is exercised once."],
      ['invalid-exercise', ranges[1], "Option 'Never' says at no stage it can be exercised: add `exercise at STAGE fee AMOUNT` to the option."],
    ]);
  });
});

describe('scenario sales', () => {
  it('warns about sales in years before the signing year', () => {
    const { found, ranges } = diagnosticsOf(deal('    royalty R 5% on net_sales', '  scenario S { reach launch  sales { «2005»: 1M  2006: 2M } }'));
    assert.deepEqual(found, [{
      code: 'sales-before-signing', severity: 'warning', range: ranges[0],
      message: 'Sales in 2005 come before the deal was signed (2006-07-07): the deal earns nothing on them. Check the year.',
    }]);
  });

  it('reports a year given twice and sales given both in total and per territory', () => {
    const { found, ranges } = diagnosticsOf(deal('    royalty R 5% on net_sales',
      '  scenario S { sales { 2010: 1M  «2010»: 2M }  «sales» US { 2011: 1M } }'));
    assert.deepEqual(found.map((d) => [d.code, d.range, d.message]), [
      ['invalid-value', ranges[0], 'Sales for 2010 are already given in this table: give each year once.'],
      ['invalid-value', ranges[1], 'This scenario gives sales both for all territories (`sales { }`) and per territory (`sales US { }`): use one form or the other.'],
    ]);
  });
});

describe('territory-not-covered', () => {
  it('warns when an option forfeits a payment in a territory it does not apply to', () => {
    const { found, ranges } = diagnosticsOf(deal(`
    royalty ExUS 4% on net_sales territory "ex-US"
    royalty USOnly 5% on net_sales territory US
    royalty Global 3% on net_sales`, `  option OptIn {
    holder ImmunoGen  exercise at phase2 fee 5M
    on exercise { forfeit ExUS in «US»  forfeit ExUS in EU  forfeit USOnly in US, «EU»  forfeit Global in US }
  }`));
    assert.deepEqual(found.map((d) => [d.code, d.severity, d.range, d.message]), [
      ['territory-not-covered', 'warning', ranges[0], "Royalty 'ExUS' applies only in ex-US, not in US: forfeiting it there gives nothing up. Check the territory, or the payment meant."],
      ['territory-not-covered', 'warning', ranges[1], "Royalty 'USOnly' applies only in US, not in EU: forfeiting it there gives nothing up. Check the territory, or the payment meant."],
    ]);
  });
});
