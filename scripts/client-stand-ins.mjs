// Bundle-time stand-ins for the parts of vscode-languageclient the Deal Terms client never uses,
// so dist/extension.js stays small. vscode-languageclient is CommonJS, so esbuild cannot drop
// what is unused by itself: every client feature is required and registered whether or not the
// server offers it.
//
// A client feature only acts when the server announces its capability at `initialize` (or
// registers it later). The Deal Terms server announces none of those below (a test checks its
// `initialize` result against `leftOutCapabilities`), so each is replaced by an inert feature
// that asks for nothing and, should a server ever announce the capability, says so in the
// client's output instead of failing silently. A dynamic registration of one of them is refused
// by the client ("No feature implementation … found"), as for any unknown method.

/** Client feature module → its exported feature classes → the server capability each serves. */
export const leftOutFeatures = {
  notebook: { NotebookDocumentSyncFeature: 'notebookDocumentSync' },
  diagnostic: { DiagnosticFeature: 'diagnosticProvider' },
  fileOperations: {
    DidCreateFilesFeature: 'workspace.fileOperations.didCreate',
    DidRenameFilesFeature: 'workspace.fileOperations.didRename',
    DidDeleteFilesFeature: 'workspace.fileOperations.didDelete',
    WillCreateFilesFeature: 'workspace.fileOperations.willCreate',
    WillRenameFilesFeature: 'workspace.fileOperations.willRename',
    WillDeleteFilesFeature: 'workspace.fileOperations.willDelete',
  },
  callHierarchy: { CallHierarchyFeature: 'callHierarchyProvider' },
  typeHierarchy: { TypeHierarchyFeature: 'typeHierarchyProvider' },
  colorProvider: { ColorProviderFeature: 'colorProvider' },
  inlineValue: { InlineValueFeature: 'inlineValueProvider' },
  inlineCompletion: { InlineCompletionItemFeature: 'inlineCompletionProvider' },
  linkedEditingRange: { LinkedEditingFeature: 'linkedEditingRangeProvider' },
  implementation: { ImplementationFeature: 'implementationProvider' },
  typeDefinition: { TypeDefinitionFeature: 'typeDefinitionProvider' },
  declaration: { DeclarationFeature: 'declarationProvider' },
  signatureHelp: { SignatureHelpFeature: 'signatureHelpProvider' },
  documentLink: { DocumentLinkFeature: 'documentLinkProvider' },
  // Server-side commands (workspace/executeCommand): every Deal Terms command runs in the client.
  executeCommand: { ExecuteCommandFeature: 'executeCommandProvider' },
};

/** Every server capability the bundled client leaves out (dotted paths into ServerCapabilities). */
export const leftOutCapabilities = Object.values(leftOutFeatures).flatMap((classes) => Object.values(classes));

/** Besides the features: `diagnostic.js` exports these namespaces, re-exported by the client's API. */
const diagnosticExtras = 'exports.vsdiag = { DocumentDiagnosticReportKind: { full: "full", unChanged: "unChanged" } }; exports.DiagnosticPullMode = { onType: "onType", onSave: "onSave" };';

/** One inert feature class for a capability; the stand-in modules share it. */
const leftOutFeature = `"use strict";
module.exports = (capability) => class {
  constructor(client) { this._client = client; }
  fillClientCapabilities() {}
  initialize(capabilities) {
    if (capability.split('.').reduce((at, key) => at?.[key], capabilities)) {
      this._client.warn(\`The server offers \${capability}, which this build of the Deal Terms client leaves out.\`);
    }
  }
  getState() { return { kind: 'static' }; }
  clear() {}
};`;

function featureStandIn(module) {
  const classes = Object.entries(leftOutFeatures[module])
    .map(([name, capability]) => `exports.${name} = leftOut(${JSON.stringify(capability)});`);
  return ['"use strict";', 'const leftOut = require("left-out-feature");', ...classes, module === 'diagnostic' ? diagnosticExtras : ''].join('\n');
}

/**
 * esbuild plugin: the left-out feature modules, and `semver`. The client bundles `semver`
 * (20 KB) only to check the VS Code version at start-up; VS Code already enforces
 * `engines.vscode` (^1.100, above the client's ^1.82) before activating, so a two-line stand-in
 * does.
 */
export const clientStandIns = {
  name: 'client-stand-ins',
  setup(build) {
    const modules = Object.keys(leftOutFeatures).join('|');
    build.onResolve({ filter: new RegExp(`^\\./(${modules})$`) }, (args) => (
      /[\\/]vscode-languageclient[\\/]lib[\\/]common$/.test(args.resolveDir)
        ? { path: args.path.slice(2), namespace: 'client-feature-stand-in' }
        : undefined
    ));
    build.onResolve({ filter: /^left-out-feature$/ }, (args) => ({ path: args.path, namespace: 'client-feature-stand-in' }));
    build.onLoad({ filter: /.*/, namespace: 'client-feature-stand-in' }, (args) => ({
      contents: args.path === 'left-out-feature' ? leftOutFeature : featureStandIn(args.path),
    }));

    build.onResolve({ filter: /^semver\/functions\/(parse|satisfies)$/ }, (args) => ({ path: args.path, namespace: 'semver-stand-in' }));
    build.onLoad({ filter: /.*/, namespace: 'semver-stand-in' }, (args) => ({
      contents: args.path.endsWith('parse')
        ? 'module.exports = (v) => /^\\d+\\.\\d+\\.\\d+/.test(v) ? { prerelease: [] } : null;'
        : 'module.exports = () => true;',
    }));
  },
};
