// What a row of the Deals view says, from the server's row: the label (a deal's headline first,
// so a narrow sidebar cuts the title, never the figure), the description, and the tooltip as
// paragraphs, the first (a deal's full title) in bold. Imports nothing from VS Code, so it is
// tested alone; deals-tree.ts turns it into a TreeItem with a MarkdownString tooltip.
import type { DealTreeNode } from '../../server/src/lsp/protocol';

export interface TreeItemText {
  label: string;
  description?: string;
  /** Paragraphs of the tooltip; `bold` marks the first as its heading. */
  tooltip?: { paragraphs: string[]; bold: boolean };
}

export function treeItemText(node: DealTreeNode): TreeItemText {
  const paragraphs = (node.tooltip ?? '').split('\n').filter((line) => line.trim() !== '');
  return {
    label: node.label,
    ...(node.description ? { description: node.description } : {}),
    ...(paragraphs.length ? { tooltip: { paragraphs, bold: paragraphs.length > 1 } } : {}),
  };
}
