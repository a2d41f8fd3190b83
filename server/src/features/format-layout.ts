// The layout rules of the formatter: given the tokens (comments included), the whitespace to
// put before each. Blocks are found by their braces; what kind of block a `{` opens follows
// from the keyword that starts its item (a `party` line, `milestones`, `royalty`, `timeline`…),
// and where items start within a block follows from the grammar's keywords for that block.
import type { TokenType } from 'chevrotain';
import {
  BlockComment, Colon, Comma, CurrencySymbol, Identifier, kw, LCurly, LineComment, NumberLiteral,
  PercentLiteral, RCurly, type KeywordName,
} from '../language/tokens';
import { kindOrder, paymentKinds } from '../model/payment-kinds';

export interface LayoutToken {
  index: number;
  image: string;
  type: TokenType;
  start: number;
  end: number;
  /** The whitespace before the token in the source. */
  gapBefore: string;
}

interface Block { open: LayoutToken; close?: LayoutToken; children: Node[] }
type Node = { token: LayoutToken } | { block: Block };
interface Item { nodes: Node[]; blankBefore: boolean }

type BlockKind =
  | 'file' | 'deal' | 'party' | 'stages' | 'license' | 'payments' | 'group' | 'tiers' | 'option'
  | 'effects' | 'scenario' | 'timeline' | 'sales' | 'costs' | 'valuation' | 'program' | 'scenarioProgram' | 'other';

/** Blocks written on one line: a few short attributes. */
const inlineKinds: ReadonlySet<BlockKind> = new Set(['party', 'timeline', 'sales', 'valuation', 'program']);

const words = (...list: KeywordName[]) => new Set(list.map((w) => kw(w)));
/** The keywords that start an item, per block. */
const itemKeywords: Partial<Record<BlockKind, ReadonlySet<TokenType>>> = {
  file: words('deal'),
  deal: words('currency', 'signed', 'effective', 'announced', 'source', 'headline', 'stage', 'developer', 'fx', 'party', 'program', 'stages', 'license', 'payments', 'option', 'scenario', 'valuation'),
  program: words('stage', 'count', 'developer'),
  party: words('role', 'ticker', 'country'),
  license: words('from', 'exclusive', 'non-exclusive', 'co-exclusive', 'technology', 'field', 'target', 'territory', 'indications', 'sublicensing', 'term'),
  // bounded: the keywords of the payment kinds, a fixed table.
  payments: words(...kindOrder.flatMap((kind) => paymentKinds[kind].keywords)),
  group: words('milestone', 'sales'),
  option: words('holder', 'territory', 'for', 'exercise', 'on'),
  effects: words('forfeit', 'share', 'payments', 'developer'),
  scenario: words('timeline', 'reach', 'exercise', 'sales', 'costs', 'program'),
  scenarioProgram: words('timeline', 'reach', 'count', 'sales', 'costs'),
  costs: words('development', 'goods', 'commercial'),
  valuation: words('as', 'discount'),
};

/** The kind of block an item's `{` opens, from the item's first keyword. */
const nestedKinds: Partial<Record<BlockKind, Map<TokenType, BlockKind>>> = {
  file: new Map([[kw('deal'), 'deal']]),
  deal: new Map([[kw('party'), 'party'], [kw('stages'), 'stages'], [kw('license'), 'license'], [kw('payments'), 'payments'],
    [kw('option'), 'option'], [kw('scenario'), 'scenario'], [kw('valuation'), 'valuation'], [kw('program'), 'program']]),
  payments: new Map([[kw('milestones'), 'group'], [kw('royalty'), 'tiers']]),
  option: new Map([[kw('on'), 'effects']]),
  effects: new Map([[kw('payments'), 'payments']]),
  scenario: new Map([[kw('timeline'), 'timeline'], [kw('sales'), 'sales'], [kw('costs'), 'costs'], [kw('program'), 'scenarioProgram']]),
  scenarioProgram: new Map([[kw('timeline'), 'timeline'], [kw('sales'), 'sales'], [kw('costs'), 'costs']]),
  // A cost line's year table is laid out like a sales table.
  costs: new Map([[kw('development'), 'sales'], [kw('goods'), 'sales'], [kw('commercial'), 'sales']]),
};

const isComment = (t: LayoutToken) => t.type === LineComment || t.type === BlockComment;
const lineBreaks = (gap: string) => (gap.match(/\r\n|\r|\n/g) ?? []).length;

/** The whitespace before each token, in canonical layout. */
export function layoutTokens(tokens: readonly LayoutToken[], unit: string): string[] {
  const separators = tokens.map(() => '');
  const root = nest(tokens);
  const indent = (level: number) => unit.repeat(level);
  const put = (token: LayoutToken, separator: string) => { separators[token.index] = separator; };

  /** An item on its line(s); `first` is the whitespace before its first token. */
  const writeItem = (nodes: Node[], first: string, level: number, kind: BlockKind) => {
    let separator = first;
    nodes.forEach((node, i) => {
      if ('block' in node) {
        writeBlock(node.block, separator, level, nestedKind(kind, nodes));
        separator = ' ';
        return;
      }
      const token = node.token;
      put(token, separator);
      const next = nodes[i + 1];
      const nextToken = next && 'token' in next ? next.token : undefined;
      if (token.type === LineComment) separator = `\n${indent(level + 1)}`;
      else if (nextToken && isComment(nextToken)) separator = nextToken.type === LineComment ? '  ' : ' ';
      else if (nextToken && (nextToken.type === Comma || nextToken.type === Colon)) separator = '';
      else if (token.type === CurrencySymbol) separator = '';
      else separator = ' ';
    });
  };

  const writeBlock = (block: Block, before: string, level: number, kind: BlockKind) => {
    put(block.open, before);
    const { items, afterOpen } = splitItems(block.children, kind);
    if (items.length === 0 && afterOpen.length === 0) {
      if (block.close) put(block.close, ' ');
      return;
    }
    const hasComment = block.children.some((n) => 'token' in n && isComment(n.token));
    const hasBlock = block.children.some((n) => 'block' in n);
    if (inlineKinds.has(kind) && !hasComment && !hasBlock) {
      items.forEach((item, i) => writeItem(item.nodes, i === 0 ? ' ' : '  ', level, kind));
      if (block.close) put(block.close, ' ');
      return;
    }
    afterOpen.forEach((comment) => put(comment, comment.type === LineComment ? '  ' : ' '));
    items.forEach((item, i) => {
      const breaks = i > 0 && item.blankBefore ? '\n\n' : '\n';
      writeItem(item.nodes, `${breaks}${indent(level + 1)}`, level + 1, kind);
    });
    if (block.close) put(block.close, `\n${indent(level)}`);
  };

  const { items } = splitItems(root.children, 'file');
  items.forEach((item, i) => writeItem(item.nodes, i === 0 ? '' : item.blankBefore ? '\n\n' : '\n', 0, 'file'));
  return separators;
}

/** Tokens into nested blocks by their braces. */
function nest(tokens: readonly LayoutToken[]): Block {
  const root: Block = { open: tokens[0], children: [] };
  const stack: Block[] = [root];
  for (const token of tokens) {
    const top = stack[stack.length - 1];
    if (token.type === LCurly) {
      const block: Block = { open: token, children: [] };
      top.children.push({ block });
      stack.push(block);
    } else if (token.type === RCurly && stack.length > 1) {
      top.close = token;
      stack.pop();
    } else {
      top.children.push({ token });
    }
  }
  return root;
}

function firstToken(node: Node): LayoutToken {
  return 'token' in node ? node.token : node.block.open;
}

/** Splits a block's children into items; comments on their own line are items of their own,
 * comments after code on the same line stay with it. */
function splitItems(children: Node[], kind: BlockKind): { items: Item[]; afterOpen: LayoutToken[] } {
  const items: Item[] = [];
  const afterOpen: LayoutToken[] = [];
  let current: Item | undefined;
  let previous: LayoutToken | undefined;
  children.forEach((node, i) => {
    const following = children[i + 1];
    const next = following && 'token' in following ? following.token : undefined;
    const first = firstToken(node);
    const ownLine = lineBreaks(first.gapBefore) > 0 || first.index === 0;
    const blankBefore = lineBreaks(first.gapBefore) > 1;
    if ('token' in node && isComment(node.token)) {
      if (ownLine) {
        items.push({ nodes: [node], blankBefore });
        current = undefined;
      } else if (items.length > 0) {
        items[items.length - 1].nodes.push(node);
      } else {
        afterOpen.push(node.token);
      }
    } else if (!current || ('token' in node && startsItem(kind, node.token, previous, next))) {
      current = { nodes: [node], blankBefore };
      items.push(current);
    } else {
      current.nodes.push(node);
    }
    if (!('token' in node && isComment(node.token))) previous = 'token' in node ? node.token : node.block.close ?? node.block.open;
  });
  return { items, afterOpen };
}

function startsItem(kind: BlockKind, token: LayoutToken, previous: LayoutToken | undefined, next: LayoutToken | undefined): boolean {
  switch (kind) {
    case 'stages':
    case 'timeline':
      return token.type === Identifier;
    case 'tiers':
      // The high end of a range (`22% to 26% up to 500M`) is part of its tier.
      return token.type === PercentLiteral && previous?.type !== kw('to');
    case 'sales':
      // A year is a number followed by `:` (`2016: 150M`).
      return token.type === NumberLiteral && next?.type === Colon;
    case 'payments':
    case 'group':
      if (token.type === kw('milestone') && previous?.type === kw('sales')) return false;
      break;
    case 'option':
      if (token.type === kw('exercise') && previous?.type === kw('on')) return false;
      break;
  }
  return itemKeywords[kind]?.has(token.type) ?? false;
}

function nestedKind(kind: BlockKind, nodes: Node[]): BlockKind {
  const head = nodes.find((n) => 'token' in n && !isComment(n.token));
  if (!head || !('token' in head)) return 'other';
  return nestedKinds[kind]?.get(head.token.type) ?? 'other';
}
