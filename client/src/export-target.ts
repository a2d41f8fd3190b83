// Where an exported term sheet can be opened. Imports nothing from VS Code, so it is tested alone.

/** Where VS Code runs: in the browser (`env.uiKind` Web), and over a remote connection (`env.remoteName`). */
export interface Workbench { web: boolean; remote: boolean }

/**
 * Whether the system browser can open an exported page at this address: only a file on this
 * machine, in desktop VS Code. In VS Code in the browser (code-server, Codespaces) or over a
 * remote connection the file lies on another machine (`vscode-remote://…`), which no browser can
 * open: the export is then opened in the editor.
 */
export function browserCanOpen(scheme: string, workbench: Workbench): boolean {
  return scheme === 'file' && !workbench.web && !workbench.remote;
}
