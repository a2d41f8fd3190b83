// The outline of a file and the workspace symbols.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { analyzeDealText } from '../../server/src/document/analyze';
import { findDocumentSymbols, findWorkspaceSymbols, type DealDocumentSymbol } from '../../server/src/features/document-symbols';

const example = (name: string) => analyzeDealText(readFileSync(new URL(`../../examples/${name}`, import.meta.url), 'utf8'));
const seed = example('immunogen-biotest-2006.deal');
const acme = example('acme-globex-2024.deal');

function outline(symbols: DealDocumentSymbol[], indent = ''): string[] {
  return symbols.flatMap((s) => [`${indent}${s.kind} ${s.name}${s.detail ? ` — ${s.detail}` : ''}`, ...outline(s.children, `${indent}  `)]);
}

describe('document symbols', () => {
  it('outlines the seed deal with the figures beside each part', () => {
    assert.deepEqual(outline(findDocumentSymbols(seed)), [
      'deal ImmunoGenBiotest2006 — headline $36.5M',
      '  party ImmunoGen — licensor · receives $36.5M · pays $0',
      '  party Biotest — licensee · receives $0 · pays $36.5M',
      '  license TAP — exclusive · ImmunoGen → Biotest',
      '  payments payments Biotest → ImmunoGen',
      '    payment upfront — $1M',
      '    group Development — milestone · up to $35.5M',
      '    payment Royalties — royalty · undisclosed',
      '    payment Materials — manufacturing',
      '  option OptIn — held by ImmunoGen · exercise fee $5M or $15M',
      '  scenario Partnered — reaches approval',
      '  scenario OptInAtPhase2 — reaches approval',
      '  scenario StopsInPhase2 — reaches phase2',
      '  scenario OptInWithCosts — reaches approval',
      '    costs costs',
      '      costs development US — $70M, 2010–2014',
      '      costs development ex-US — $5M, 2010',
      '      costs goods — 20% of sales',
      '      costs commercial — 30% of sales',
    ]);
  });

  it('nests milestones under their group, converted into the deal currency', () => {
    const payments = findDocumentSymbols(acme)[0].children.find((c) => c.kind === 'payments')!;
    const dev = payments.children.find((c) => c.name === 'Dev')!;
    assert.deepEqual(outline([dev]), [
      'group Dev — milestone · up to $120M',
      '  payment Ph1 — milestone · $5M',
      '  payment Ph2 — milestone · $11M',
      '  payment Ph3 — milestone · $25M',
    ]);
    assert.equal(acme.text.slice(dev.selectionSpan.start, dev.selectionSpan.end), 'Dev');
    assert.ok(acme.text.slice(dev.span.start, dev.span.end).startsWith('milestones Dev "development milestones" up to 120M'));
  });

  it('selects the keyword of an unnamed payment', () => {
    const upfront = findDocumentSymbols(seed)[0].children[3].children[0];
    assert.equal(seed.text.slice(upfront.selectionSpan.start, upfront.selectionSpan.end), 'upfront');
  });
});

describe('workspace symbols', () => {
  const documents = [{ uri: 'file:///seed.deal', document: seed }, { uri: 'file:///acme.deal', document: acme }];

  it('finds declarations by letters in order, with their deal', () => {
    assert.deepEqual(findWorkspaceSymbols(documents, 'imgn').map((s) => [s.name, s.kind, s.uri, s.containerName]), [
      ['ImmunoGenBiotest2006', 'deal', 'file:///seed.deal', undefined],
      ['ImmunoGen', 'party', 'file:///seed.deal', 'ImmunoGenBiotest2006'],
    ]);
    assert.deepEqual(findWorkspaceSymbols(documents, 'approval').map((s) => s.name), ['ApprovalUS', 'ApprovalEU']);
  });

  it('lists every declaration for an empty query', () => {
    // Seed: deal, 2 parties, license, 3 named payments, option, 4 scenarios. Acme: deal, 2 parties,
    // license, 11 named payments and milestones, 1 scenario.
    assert.equal(findWorkspaceSymbols(documents, '').length, 12 + 16);
  });
});
