// `deal value`: what each deal is worth to each party, through the built CLI.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { deal, examplesDir, immunogen } from './run-cli';

describe('deal value', () => {
  it('prints the pie, each party’s lines and the decision for the seed’s costed scenario', () => {
    const run = deal(['value', immunogen, '--scenario', 'OptInWithCosts']);
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /Scenario OptInWithCosts: ImmunoGen opts in at phase 2; illustrative sales and costs\n\n {2}The pie: project value \$150,000,000\n/);
    assert.match(run.stdout, /ImmunoGen, Inc\. +\$1,000,000 +\$5,000,000 +\$75,000,000 +\$35,000,000 +\$36,000,000\n/);
    assert.match(run.stdout, /Biotest AG +\$5,000,000 +\$1,000,000 +\$150,000,000 +\$40,000,000 +\$114,000,000\n/);
    assert.match(run.stdout, /OptIn at phase2 \(fee \$5,000,000\): gain ImmunoGen, Inc\. -\$500,000, Biotest AG \+\$500,000\n/);
    assert.match(run.stdout, /Exercising OptIn at phase2 costs ImmunoGen, Inc\. \$500K at these sales; it pays off from 1\.01× these sales\./);
  });

  it('says why a scenario without costs has no value', () => {
    const run = deal(['value', immunogen, '--scenario', 'Partnered']);
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /Scenario Partnered: no costs given, so no value is computed \(add `costs \{ development \.\.\. goods \.\.\. commercial \.\.\. \}` to it\)\./);
  });

  it('--json is the rollup JSON, economics keys included', () => {
    const run = deal(['value', join(examplesDir, 'kestrel-norland-2025.deal'), '--json']);
    assert.equal(run.status, 0, run.stderr);
    const json = JSON.parse(run.stdout);
    assert.deepEqual(json, JSON.parse(deal(['rollup', join(examplesDir, 'kestrel-norland-2025.deal'), '--json']).stdout));
    assert.equal(json.deals[0].scenarios.NoOptIn.parties.Kestrel.value, '625000000');
    assert.equal(json.deals[0].scenarios.OptIn.exercises[0].breakEven, '1.99');
  });

  it('an unknown scenario is a usage error that lists the scenarios', () => {
    const run = deal(['value', immunogen, '--scenario', 'Nope']);
    assert.equal(run.status, 2);
    assert.match(run.stderr, /unknown scenario Nope .*scenarios: Partnered, OptInAtPhase2, StopsInPhase2, OptInWithCosts/);
  });
});
