// Bundle-time stand-in for `crypto` as vscode-jsonrpc requires it: the protocol library loads
// Node's crypto module at start-up only to name a pipe with random bytes (a client's, which the
// server never makes). Loading it costs the server several milliseconds of its start-up, so the
// library gets a module whose `randomBytes` loads the real one when first called.
export const lazyCrypto = {
  name: 'lazy-crypto',
  setup(build) {
    build.onResolve({ filter: /^(node:)?crypto$/ }, (args) =>
      /[\\/]vscode-jsonrpc[\\/]/.test(args.importer) ? { path: 'crypto', namespace: 'lazy-crypto' } : undefined);
    build.onLoad({ filter: /.*/, namespace: 'lazy-crypto' }, () => ({
      contents: 'module.exports = { randomBytes: (...args) => require("node:crypto").randomBytes(...args) };',
      loader: 'js',
    }));
  },
};
