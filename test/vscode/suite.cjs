// Extension tests, run inside VS Code by run.mjs. CommonJS because the extension host loads
// the test entry with require(). Everything is asserted through VS Code's public commands and
// events; every wait has a time-out and waits for an event, never a fixed pause.
const assert = require('node:assert/strict');
const path = require('node:path');
const vscode = require('vscode');

const seedPath = path.resolve(__dirname, '../../examples/immunogen-biotest-2006.deal');

/** Resolves when `check()` returns a value, re-checking whenever `event` fires. */
function when(event, check, what, timeoutMs = 20000) {
  return new Promise((resolve, reject) => {
    const found = check();
    if (found) return resolve(found);
    const timer = setTimeout(() => { subscription.dispose(); reject(new Error(`Timed out waiting for ${what}`)); }, timeoutMs);
    const subscription = event(() => {
      const value = check();
      if (!value) return;
      clearTimeout(timer);
      subscription.dispose();
      resolve(value);
    });
  });
}

function offsetOf(text, context, marker = context) {
  const at = text.indexOf(context, text.indexOf('deal ImmunoGenBiotest2006'));
  assert.ok(at >= 0, `${context} not in the example`);
  return at + context.indexOf(marker);
}

function hoverText(hovers) {
  return hovers.flatMap((h) => h.contents).map((c) => (typeof c === 'string' ? c : c.value)).join('\n');
}

const tests = {
  async 'contributes the deal language and its commands'() {
    const commands = await vscode.commands.getCommands(true);
    for (const id of ['deal.showPreview', 'deal.showPreviewToSide', 'deal.showRollup']) assert.ok(commands.includes(id), id);
  },

  async 'hovers on the seed example with its figures'() {
    // Activation resolves once the language server has started.
    await vscode.extensions.getExtension('deal-terms.deal-terms').activate();
    const document = await vscode.workspace.openTextDocument(seedPath);
    assert.equal(document.languageId, 'deal');
    await vscode.window.showTextDocument(document);
    const text = document.getText();

    const group = document.positionAt(offsetOf(text, 'milestones Development', 'Development') + 2);
    const groupHover = hoverText(await vscode.commands.executeCommand('vscode.executeHoverProvider', document.uri, group));
    assert.ok(groupHover.includes('| Cap (up to) | $35,500,000 ($35.5M) |'), groupHover);

    const dealName = document.positionAt(offsetOf(text, 'deal ImmunoGenBiotest2006', 'ImmunoGen'));
    const deal = hoverText(await vscode.commands.executeCommand('vscode.executeHoverProvider', document.uri, dealName));
    assert.ok(deal.includes('Headline **$36,500,000 ($36.5M)**'), deal);
    assert.ok(deal.includes('| ImmunoGen | $36,500,000 ($36.5M) | $0 | $36,500,000 ($36.5M) |'), deal);
  },

  async 'reports a misspelt party where it is written'() {
    const document = await vscode.workspace.openTextDocument(seedPath);
    const editor = await vscode.window.showTextDocument(document);
    const at = offsetOf(document.getText(), 'payments from Biotest', 'Biotest');
    const range = new vscode.Range(document.positionAt(at), document.positionAt(at + 'Biotest'.length));
    const changed = when(vscode.languages.onDidChangeDiagnostics, () => vscode.languages.getDiagnostics(document.uri)
      .find((d) => d.code === 'unknown-reference'), 'the unknown-reference diagnostic');
    await editor.edit((edit) => edit.replace(range, 'Biotset'));
    try {
      const diagnostic = await changed;
      assert.equal(diagnostic.severity, vscode.DiagnosticSeverity.Error);
      assert.equal(diagnostic.source, 'deal');
      assert.ok(diagnostic.range.isEqual(range), JSON.stringify(diagnostic.range));
      assert.match(diagnostic.message, /Did you mean 'Biotest'\?/);
    } finally {
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
    // Back to the file as written: the error goes and no other error takes its place.
    await when(vscode.languages.onDidChangeDiagnostics, () => !vscode.languages.getDiagnostics(document.uri)
      .some((d) => d.code === 'unknown-reference'), 'the error to clear');
    const errors = vscode.languages.getDiagnostics(document.uri).filter((d) => d.severity === vscode.DiagnosticSeverity.Error);
    assert.deepEqual(errors, []);
  },

  async 'opens the preview to the side'() {
    const document = await vscode.workspace.openTextDocument(seedPath);
    await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('deal.showPreviewToSide');
    const previewTab = () => vscode.window.tabGroups.all.flatMap((g) => g.tabs)
      .find((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith('deal.preview'));
    const tab = await when(vscode.window.tabGroups.onDidChangeTabs, previewTab, 'the preview tab');
    assert.equal(tab.label, 'Preview immunogen-biotest-2006.deal');
  },
};

exports.run = async function run() {
  const failures = [];
  for (const [name, test] of Object.entries(tests)) {
    try {
      await test();
      console.log(`ok - ${name}`);
    } catch (error) {
      failures.push(name);
      console.error(`not ok - ${name}\n${error && error.stack ? error.stack : error}`);
    }
  }
  if (failures.length) throw new Error(`${failures.length} VS Code test(s) failed: ${failures.join('; ')}`);
};
