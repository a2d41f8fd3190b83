// The term sheet's stylesheet. Colours come from VS Code's theme variables when the preview
// runs in a webview, with light fallbacks so an exported file reads well in any browser; the
// print rules give black on white with tables kept whole.
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
}
* { box-sizing: border-box; }
body {
  margin: 0; padding: 24px 32px; color: var(--fg); background: var(--bg);
  font-family: var(--vscode-font-family, system-ui, -apple-system, "Segoe UI", Roboto, sans-serif);
  font-size: var(--vscode-font-size, 14px); line-height: 1.45;
}
main { max-width: 1100px; margin: 0 auto; }
h1 { font-size: 1.7em; margin: 0 0 4px; }
h2 { font-size: 1.2em; margin: 28px 0 10px; padding-bottom: 4px; border-bottom: 1px solid var(--border); }
h3 { font-size: 1.05em; margin: 18px 0 8px; }
.deal + .deal { margin-top: 48px; padding-top: 24px; border-top: 3px double var(--border); }
.subtitle, .note, caption { color: var(--muted); }
caption { text-align: left; caption-side: top; padding: 4px 0; font-style: italic; }
.facts { display: grid; grid-template-columns: max-content 1fr; gap: 4px 16px; margin: 12px 0; }
.facts dt { color: var(--muted); }
.facts dd { margin: 0; }
.parties { list-style: none; padding: 0; margin: 0; }
.role { display: inline-block; margin-left: 6px; padding: 0 6px; border: 1px solid var(--border); border-radius: 8px; font-size: 0.85em; color: var(--muted); }
table { border-collapse: collapse; width: 100%; margin: 8px 0 16px; }
.table-wrap { overflow-x: auto; }
table.compact { width: auto; min-width: 420px; }
th, td { border: 1px solid var(--border); padding: 5px 8px; text-align: left; vertical-align: top; }
thead th { background: var(--head-bg); font-weight: 600; }
tfoot td { font-weight: 600; border-top: 2px solid var(--fg); }
.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
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
@media print {
  :root { --fg: #000; --bg: #fff; --muted: #444; --border: #999; --head-bg: #eee; --accent: #000; }
  body { padding: 0; font-size: 10.5pt; }
  main { max-width: none; }
  section, table, .card { break-inside: avoid; }
  .table-wrap { overflow: visible; }
  h2, h3 { break-after: avoid; }
  .deal + .deal { break-before: page; border-top: none; }
}
`;
