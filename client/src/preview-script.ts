// The preview's only script, run in the webview under its nonce: it swaps in a re-rendered term
// sheet without reloading (no flicker, the scroll position stays), keeps the scroll position
// across reloads of the same view, opens a scenario's rollup at that scenario, and asks the
// editor to reveal the source line of a clicked row. It never evaluates anything it receives:
// an update is parsed as HTML and only its <main> is taken, and every message is checked on
// both sides. What it shows (file, scenario, view, scroll) is kept as the webview's state, so
// the preview comes back after a window reload (see DealPreview.restore).

/** Messages from the webview to the extension. */
export type PreviewMessage = { type: 'ready' } | { type: 'reveal'; line: number };

/** A message from the webview, or undefined when it is not one the preview sends. */
export function parsePreviewMessage(value: unknown): PreviewMessage | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const message = value as Record<string, unknown>;
  if (message.type === 'ready' && Object.keys(message).length === 1) return { type: 'ready' };
  if (message.type === 'reveal' && Number.isSafeInteger(message.line) && (message.line as number) >= 0) {
    return { type: 'reveal', line: message.line as number };
  }
  return undefined;
}

/** What the preview shows, kept by the webview across reloads. `view` names one opening of the
 * preview: a page of the same view keeps its scroll position, a new one starts at its scenario. */
export interface PreviewState { source: string; scenario?: string; view?: string; scrollY?: number }

/** The state a restored webview hands back, or undefined when it is not one the preview keeps. */
export function parsePreviewState(value: unknown): PreviewState | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const state = value as Record<string, unknown>;
  if (typeof state.source !== 'string' || !state.source) return undefined;
  const text = (v: unknown) => (typeof v === 'string' && v ? v : undefined);
  const scrollY = typeof state.scrollY === 'number' && Number.isFinite(state.scrollY) && state.scrollY >= 0 ? state.scrollY : undefined;
  return {
    source: state.source,
    ...(text(state.scenario) ? { scenario: text(state.scenario) } : {}),
    ...(text(state.view) ? { view: text(state.view) } : {}),
    ...(scrollY !== undefined ? { scrollY } : {}),
  };
}

/** Plain JavaScript, as the webview runs it. */
export const previewScript = `(() => {
  'use strict';
  const vscode = acquireVsCodeApi();
  const data = (document.currentScript && document.currentScript.dataset) || {};
  const source = data.source || '';
  const scenario = data.scenario || '';
  const view = data.view || '';
  const save = () => vscode.setState({ source, scenario, view, scrollY: window.scrollY });
  const saved = vscode.getState();
  if (saved && saved.source === source && saved.scenario === scenario && saved.view === view && typeof saved.scrollY === 'number') {
    window.scrollTo(0, saved.scrollY);
  } else {
    // A scenario's rollup opens at that scenario; anything else opens at its top.
    const heading = data.anchor ? document.getElementById(data.anchor) : null;
    if (heading) heading.scrollIntoView({ block: 'start' });
    else window.scrollTo(0, 0);
  }
  save();

  let saving = false;
  window.addEventListener('scroll', () => {
    if (saving) return;
    saving = true;
    requestAnimationFrame(() => { saving = false; save(); });
  }, { passive: true });

  window.addEventListener('message', (event) => {
    const message = event.data;
    if (!message || message.type !== 'update' || typeof message.html !== 'string') return;
    const next = new DOMParser().parseFromString(message.html, 'text/html').querySelector('main');
    const current = document.querySelector('main');
    if (!next || !current) return;
    const y = window.scrollY;
    current.replaceWith(document.importNode(next, true));
    window.scrollTo(0, y);
  });

  document.addEventListener('click', (event) => {
    const target = event.target instanceof Element ? event.target.closest('[data-line]') : null;
    if (!target) return;
    event.preventDefault();
    // Selecting text to copy a figure is not a request to jump to the source.
    if (String(window.getSelection() || '') !== '') return;
    const line = Number(target.getAttribute('data-line'));
    if (Number.isSafeInteger(line) && line >= 0) vscode.postMessage({ type: 'reveal', line });
  });

  vscode.postMessage({ type: 'ready' });
})();`;

/** Which part of the page to open at: the scenario, the id of its heading, and the view. */
export interface PreviewPlace { scenario?: string; anchor?: string; view?: string }

/** The rendered page with the script added under the page's nonce (the server's policy allows only that). */
export function withPreviewScript(html: string, nonce: string, source: string, place: PreviewPlace = {}): string {
  const attr = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  const data = [['source', source], ['scenario', place.scenario], ['anchor', place.anchor], ['view', place.view]]
    .filter((pair): pair is [string, string] => typeof pair[1] === 'string' && pair[1] !== '')
    .map(([name, value]) => ` data-${name}="${attr(value)}"`).join('');
  const script = `<script nonce="${attr(nonce)}"${data}>${previewScript}</script>\n`;
  const end = html.lastIndexOf('</body>');
  return end < 0 ? html + script : html.slice(0, end) + script + html.slice(end);
}
