// The term sheet's stylesheet. Colours come from VS Code's theme variables when the preview
// runs in a webview, with light fallbacks so an exported file reads well in any browser; the
// print rules give black on white with tables kept whole. Each kind's colour is its entry in
// the table of payment kinds.
import { kindOrder, paymentKinds } from '../model/payment-kinds';
import { fitCss } from './html-fit';

const kindColours = kindOrder.map((kind) => `.${paymentKinds[kind].style.className} { --c: var(--${paymentKinds[kind].style.colour}); }`).join('\n');

export const termSheetCss = `
:root {
  --fg: var(--vscode-editor-foreground, #1f2328);
  --bg: var(--vscode-editor-background, #ffffff);
  --muted: var(--vscode-descriptionForeground, #59636e);
  --border: var(--vscode-panel-border, #d1d9e0);
  --head-bg: var(--vscode-editorWidget-background, #f6f8fa);
  --accent: var(--vscode-textLink-foreground, #0969da);
  --error: var(--vscode-editorError-foreground, #cf222e);
  --warning: var(--vscode-editorWarning-foreground, #9a6700);
  --info: var(--vscode-editorInfo-foreground, #0969da);
  --positive: var(--vscode-charts-green, #1a7f37);
  --negative: var(--vscode-charts-red, #cf222e);
  --hover: var(--vscode-list-hoverBackground, #eaeef2);
  --c0: var(--vscode-charts-blue, #1f6feb);
  --c1: var(--vscode-charts-orange, #d1700f);
  --c2: var(--vscode-charts-green, #1a7f37);
  --c3: var(--vscode-charts-purple, #8250df);
  --c4: var(--vscode-charts-red, #cf222e);
  --c5: var(--vscode-charts-yellow, #bf8700);
  --c6: #0f8b8d;
  --c7: #6e7781;
  --c8: #bc4c00;
}
/* High-contrast themes: every border drawn in the theme's contrast colour. */
body.vscode-high-contrast, body.vscode-high-contrast-light { --border: var(--vscode-contrastBorder, #6fc3df); --head-bg: transparent; --hover: transparent; }
body.vscode-high-contrast main.linked [data-line]:hover, body.vscode-high-contrast-light main.linked [data-line]:hover { outline: 1px dashed var(--vscode-contrastActiveBorder, #f38518); }
* { box-sizing: border-box; }
body {
  margin: 0; padding: 24px 32px; color: var(--fg); background: var(--bg);
  font-family: var(--vscode-font-family, system-ui, -apple-system, "Segoe UI", Roboto, sans-serif);
  font-size: var(--vscode-font-size, 14px); line-height: 1.45;
}
main { max-width: 1100px; margin: 0 auto; }
@media screen and (max-width: 600px) { body { padding: 12px 14px; } }
h1 { font-size: 1.7em; margin: 0 0 4px; }
h2 { font-size: 1.2em; margin: 28px 0 10px; padding-bottom: 4px; border-bottom: 1px solid var(--border); }
h3 { font-size: 1.05em; margin: 18px 0 8px; }
.deal + .deal { margin-top: 48px; padding-top: 24px; border-top: 3px double var(--border); }
.subtitle, .note, caption { color: var(--muted); }
caption { text-align: left; caption-side: top; padding: 4px 0; font-style: italic; }
.facts { display: grid; grid-template-columns: max-content 1fr; gap: 4px 16px; margin: 12px 0; }
.facts dt { color: var(--muted); }
.facts dd { margin: 0; min-width: 0; overflow-wrap: anywhere; }
.parties { list-style: none; padding: 0; margin: 0; }
.role { display: inline-block; margin-left: 6px; padding: 0 6px; border: 1px solid var(--border); border-radius: 8px; font-size: 0.85em; color: var(--muted); }
table { border-collapse: collapse; width: 100%; margin: 8px 0 16px; }
.table-wrap { overflow-x: auto; }
table.compact { width: auto; min-width: min(420px, 100%); }
th, td { border: 1px solid var(--border); padding: 5px 8px; text-align: left; vertical-align: top; }
thead th { background: var(--head-bg); font-weight: 600; }
tfoot td { font-weight: 600; border-top: 2px solid var(--fg); }
.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
th.num { white-space: normal; }
tr.sub td:first-child { padding-left: 24px; }
tr.rest td { font-style: italic; color: var(--muted); }
.cards { display: flex; flex-wrap: wrap; gap: 12px; margin: 12px 0; }
.card { flex: 1 1 200px; border: 1px solid var(--border); border-radius: 6px; padding: 10px 14px; background: var(--head-bg); }
.card .label { color: var(--muted); font-size: 0.9em; }
.card .value { font-size: 1.25em; font-weight: 600; font-variant-numeric: tabular-nums; }
.card .detail { color: var(--muted); font-size: 0.85em; }
.diagnostics { border: 1px solid var(--border); border-left: 4px solid var(--warning); padding: 8px 14px; margin-bottom: 16px; }
.diagnostics.has-errors { border-left-color: var(--error); }
.diagnostics ul { margin: 4px 0; padding-left: 18px; }
.sev-error { color: var(--error); font-weight: 600; }
.sev-warning { color: var(--warning); font-weight: 600; }
.sev-info, .sev-hint { color: var(--info); font-weight: 600; }
code { font-family: var(--vscode-editor-font-family, ui-monospace, SFMono-Regular, Menlo, Consolas, monospace); font-size: 0.92em; }
.neg { color: var(--negative); }
ul.effects { margin: 4px 0 12px; }
main.linked [data-line] { cursor: pointer; }
main.linked [data-line]:hover, main.linked tr[data-line]:hover td { background: var(--hover); }
a.source-link { color: var(--accent); }
.charts { display: flex; flex-wrap: wrap; gap: 16px; margin: 8px 0 16px; }
.chart-box { flex: 1 1 320px; max-width: 640px; margin: 0; }
.chart-box figcaption { color: var(--muted); font-style: italic; font-size: 0.9em; padding: 4px 0; }
svg.chart { width: 100%; height: auto; overflow: visible; }
svg.chart .grid { stroke: var(--border); stroke-width: 1; }
svg.chart .grid.zero { stroke: var(--fg); }
svg.chart .tick { fill: var(--muted); font-size: 15px; }
svg.chart .grid.apart { stroke-dasharray: 4 3; }
svg.chart .line { fill: none; stroke-width: 2.5; }
.legend { list-style: none; display: flex; flex-wrap: wrap; gap: 4px 14px; padding: 0; margin: 2px 0; font-size: 0.9em; }
.swatch { display: inline-block; width: 10px; height: 10px; margin-right: 5px; border-radius: 2px; }
.p0 { --c: var(--c0); } .p1 { --c: var(--c1); } .p2 { --c: var(--c2); } .p3 { --c: var(--c3); } .p4 { --c: var(--c4); } .p5 { --c: var(--c5); }
${kindColours}
.swatch, svg.chart .bar, svg.chart .dot { fill: var(--c); background: var(--c); }
svg.chart .line { stroke: var(--c); }
${fitCss}
@media print {
  :root { --fg: #000; --bg: #fff; --muted: #444; --border: #999; --head-bg: #eee; --accent: #000; }
  body { padding: 0; font-size: 10.5pt; }
  main { max-width: none; }
  section, table, .card { break-inside: avoid; }
  .table-wrap { overflow: visible; }
  h2, h3 { break-after: avoid; }
  .deal + .deal { break-before: page; border-top: none; }
  .charts, figure { break-inside: avoid; }
  .swatch, svg.chart { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
  main.linked [data-line]:hover, main.linked tr[data-line]:hover td { background: none; }
}
`;
