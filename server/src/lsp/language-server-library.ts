// The protocol library (vscode-languageserver), imported here once for the whole server: the
// bundle wraps the library's CommonJS exports for ES imports once per importing file, and each
// wrapping copies hundreds of names, so importing it in every file of lsp/ cost a few
// milliseconds of start-up.
export * from 'vscode-languageserver/node';
