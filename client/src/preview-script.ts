// The preview's only script, run in the webview under its nonce: it swaps in a re-rendered term
// sheet without reloading (no flicker, the scroll position stays), keeps the scroll position
// across reloads of the same file, and asks the editor to reveal the source line of a clicked
// row. It never evaluates anything it receives: an update is parsed as HTML and only its
// <main> is taken, and every message is checked on both sides.

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

/** Plain JavaScript, as the webview runs it. */
export const previewScript = `(() => {
  'use strict';
  const vscode = acquireVsCodeApi();
  const source = (document.currentScript && document.currentScript.dataset.source) || '';
  const saved = vscode.getState();
  if (saved && saved.source === source && typeof saved.scrollY === 'number') window.scrollTo(0, saved.scrollY);

  let saving = false;
  window.addEventListener('scroll', () => {
    if (saving) return;
    saving = true;
    requestAnimationFrame(() => { saving = false; vscode.setState({ source, scrollY: window.scrollY }); });
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

/** The rendered page with the script added under the page's nonce (the server's policy allows only that). */
export function withPreviewScript(html: string, nonce: string, source: string): string {
  const attr = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  const script = `<script nonce="${attr(nonce)}" data-source="${attr(source)}">${previewScript}</script>\n`;
  const end = html.lastIndexOf('</body>');
  return end < 0 ? html + script : html.slice(0, end) + script + html.slice(end);
}
