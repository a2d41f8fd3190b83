// Rename a party, stage, payment, milestone group, option, scenario, license or deal: the
// declaration and every reference in its deal change together. Refused, with a reason a deal
// person understands, where the new name would not parse or would clash with another name. What
// cannot be renamed at all is refused before the rename box opens (the editor shows the reason
// at the cursor); a new name is refused in one short sentence (the editor shows it in a
// notification, which cuts long text).
import type { Span } from '../language/ast';
import { isCurrencyCode } from '../language/currencies';
import { keywordNames } from '../language/tokens';
import type { AnalyzedDocument } from '../document/analyze';
import {
  declarationOf, declaredNames, indexSymbols, occurrencesOf, symbolAt, type DealSymbol, type Namespace,
} from './symbol-index';

export interface TextEdit { span: Span; newText: string }

export type PrepareRenameResult = { span: Span; placeholder: string } | { error: string };
export type RenameResult = { edits: TextEdit[] } | { error: string };

const what: Record<Namespace, string> = {
  deal: 'deal', party: 'party', stage: 'stage', license: 'license', payment: 'payment',
  option: 'option', scenario: 'scenario', currency: 'currency', program: 'programme',
};

const identifier = /^[A-Za-z_][A-Za-z0-9_]*$/;
const keywords: ReadonlySet<string> = new Set(keywordNames);

/** Whether the name under the cursor can be renamed, and the text to rename. */
export function prepareRename(document: AnalyzedDocument, offset: number): PrepareRenameResult {
  const symbol = symbolAt(document, offset);
  if (!symbol) return { error: 'Only names can be renamed: put the cursor on a party, stage, payment, option or scenario name.' };
  const refusal = cannotRename(document, symbol);
  return refusal ? { error: refusal } : { span: symbol.span, placeholder: symbol.name };
}

export function renameSymbol(document: AnalyzedDocument, offset: number, newName: string): RenameResult {
  const symbol = symbolAt(document, offset);
  if (!symbol) return { error: 'Only names can be renamed: put the cursor on a party, stage, payment, option or scenario name.' };
  const refusal = cannotRename(document, symbol) ?? invalidName(document, symbol, newName);
  if (refusal) return { error: refusal };
  if (newName === symbol.name) return { edits: [] };
  return { edits: occurrencesOf(document, symbol).map((s) => ({ span: s.span, newText: newName })) };
}

function cannotRename(document: AnalyzedDocument, symbol: DealSymbol): string | undefined {
  if (symbol.namespace === 'currency') return `'${symbol.name}' is a currency code, not a name: it cannot be renamed.`;
  if (symbol.namespace === 'stage' && !declarationOf(document, symbol)) {
    return `'${symbol.name}' is a built-in stage: to use other stage names, declare them in a \`stages { ... }\` block.`;
  }
  if (!declarationOf(document, symbol)) return `'${symbol.name}' is not declared in this deal: declare it or fix the name first.`;
  return undefined;
}

function invalidName(document: AnalyzedDocument, symbol: DealSymbol, newName: string): string | undefined {
  const kind = what[symbol.namespace];
  if (!identifier.test(newName)) {
    return /^[0-9]/.test(newName)
      ? `A ${kind} name cannot start with a digit: '${newName}'.`
      : `'${newName}' cannot be a ${kind} name: letters, digits and _ only.`;
  }
  if (keywords.has(newName)) return `'${newName}' is a keyword: choose another ${kind} name.`;
  if (isCurrencyCode(newName)) return `'${newName}' is a currency code: choose another ${kind} name.`;
  if (newName === symbol.name) return undefined;
  const clash = symbol.namespace === 'deal'
    ? indexSymbols(document).symbols.find((s) => s.declaration && s.namespace === 'deal' && s.name === newName)
    : declaredNames(document, symbol.deal, symbol.namespace).find((s) => s.name === newName);
  if (clash) return `'${newName}' is already a ${kindOf(clash)} ${symbol.namespace === 'deal' ? 'in this file' : 'in this deal'}: choose another name.`;
  return undefined;
}

function kindOf(symbol: DealSymbol): string {
  return symbol.kind === 'group' ? 'milestone group' : what[symbol.namespace];
}
