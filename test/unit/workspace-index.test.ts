// The portfolio index: which files it finds under a workspace folder, and the summary it keeps
// for each (deal names and positions, exact totals, problem counts), and the files it leaves out
// (a FIFO, a file over 64 MB, a file the analysis fails on) without stopping.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { analyzeDealText } from '../../server/src/document/analyze';
import { PortfolioIndex } from '../../server/src/workspace/portfolio-index';
import { WorkspaceIndex } from '../../server/src/workspace/workspace-index';

const alpha = `// Alpha: a licence with one itemized milestone under its cap.
deal Alpha "Alpha licence" {
  currency USD
  party Acme "Acme Bio, Inc." licensor
  party Globex "Globex Pharma AG" licensee
  payments from Globex to Acme {
    upfront 10M on signing
    milestones Dev up to 50M { milestone D1 5M at phase1 }
  }
}
`;

const twoDeals = `deal Beta {
  currency EUR
  party Initech "Initech" licensor
  party Hooli "Hooli" licensee
  payments from Hooli to Initech { upfront 2.5M on signing  fee Access 1,250,000 on 2025-01-15 }
}

deal Gamma {
  party Initech "Initech" licensor
  party Hooli "Hooli" licensee
  payments from Hooli to Nobody { upfront 1M on signing }
}
`;

describe('workspace index', () => {
  let root: string;
  const uri = (path: string) => pathToFileURL(join(root, path)).href;

  before(() => {
    root = mkdtempSync(join(tmpdir(), 'deal-index-'));
    mkdirSync(join(root, 'licences', 'old'), { recursive: true });
    mkdirSync(join(root, 'node_modules', 'pkg'), { recursive: true });
    writeFileSync(join(root, 'licences', 'alpha.deal'), alpha);
    writeFileSync(join(root, 'licences', 'old', 'beta-gamma.deal'), twoDeals);
    writeFileSync(join(root, 'licences', 'notes.txt'), 'deal Ignored { }');
    writeFileSync(join(root, 'node_modules', 'pkg', 'vendored.deal'), alpha);
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  it('finds the .deal files under the folder, skipping node_modules and other files', async () => {
    const index = new WorkspaceIndex();
    const result = await index.indexFolders([root]);
    assert.equal(result.files, 2);
    assert.equal(result.deals, 3);
    assert.deepEqual(result.unreadable, []);
    assert.deepEqual(index.all().map((f) => f.uri), [uri('licences/alpha.deal'), uri('licences/old/beta-gamma.deal')]);
  });

  it('keeps each deal\'s name, position, parties and exact totals', async () => {
    const index = new WorkspaceIndex();
    await index.indexFolders([root]);
    assert.deepEqual(index.get(uri('licences/alpha.deal')), {
      uri: uri('licences/alpha.deal'),
      deals: [{
        name: 'Alpha', title: 'Alpha licence', currency: 'USD', line: 1, character: 5, parties: ['Acme', 'Globex'],
        committed: '10000000', contingent: '50000000', headline: '60000000',
      }],
      problems: { error: 0, warning: 0, info: 1, hint: 0 },
    });
    const [beta, gamma] = index.get(uri('licences/old/beta-gamma.deal'))!.deals;
    assert.deepEqual(
      [beta.name, beta.currency, beta.line, beta.character, beta.committed, beta.contingent, beta.headline],
      ['Beta', 'EUR', 0, 5, '3750000', '0', '3750000'],
    );
    assert.deepEqual([gamma.name, gamma.currency, gamma.line, gamma.headline], ['Gamma', 'USD', 7, '1000000']);
  });

  it('counts a file\'s problems by severity', async () => {
    const index = new WorkspaceIndex();
    await index.indexFolders([root]);
    // Gamma pays an undeclared party (an error), so its Initech takes part in nothing (a warning);
    // Alpha's one milestone leaves most of its cap undisclosed (a note).
    assert.deepEqual(index.get(uri('licences/old/beta-gamma.deal'))!.problems, { error: 1, warning: 1, info: 0, hint: 0 });
    assert.deepEqual(index.get(uri('licences/alpha.deal'))!.problems, { error: 0, warning: 0, info: 1, hint: 0 });
  });

  it('takes an open file\'s text over what is on disk, and forgets a removed file', async () => {
    const index = new WorkspaceIndex();
    await index.indexFolders([root]);
    const alphaUri = uri('licences/alpha.deal');
    index.setText(alphaUri, alpha.replace('upfront 10M', 'upfront 12.5M'));
    assert.equal(index.get(alphaUri)!.deals[0].headline, '62500000');
    index.remove(alphaUri);
    assert.equal(index.get(alphaUri), undefined);
    assert.equal(index.dealCount(), 2);
  });

  it('lists a file it cannot analyse as not indexed, and indexes the others', async () => {
    class FailingOnAlpha extends WorkspaceIndex {
      override setText(fileUri: string, text: string) {
        if (fileUri.endsWith('alpha.deal')) throw new RangeError('Maximum call stack size exceeded');
        return super.setText(fileUri, text);
      }
    }
    const index = new FailingOnAlpha();
    const result = await index.indexFolders([root]);
    assert.deepEqual([result.files, result.deals], [1, 2]);
    assert.deepEqual(result.unreadable, [{ uri: uri('licences/alpha.deal'), reason: 'could not be analysed (internal error: Maximum call stack size exceeded)' }]);
    assert.deepEqual(index.all().map((f) => f.uri), [uri('licences/old/beta-gamma.deal')]);
  });

  it('indexes nothing from a folder that does not exist', async () => {
    const index = new WorkspaceIndex();
    const result = await index.indexFolders([join(root, 'missing')]);
    assert.deepEqual([result.files, result.deals, index.all()], [0, 0, []]);
  });
});

describe('workspace index and files it cannot use', () => {
  let root: string;
  const uri = (path: string) => pathToFileURL(join(root, path)).href;
  const posix = process.platform !== 'win32';
  const failingOn = (marker: string) => (text: string) => {
    if (text.includes(marker)) throw new RangeError('Maximum call stack size exceeded');
    return analyzeDealText(text);
  };
  /** The promise, or a failure after 5 s: reading a FIFO would otherwise wait for ever. */
  const soon = <T>(promise: Promise<T>) => Promise.race([
    promise, new Promise<never>((_, reject) => setTimeout(() => reject(new Error('still waiting after 5 s')), 5_000).unref()),
  ]);

  before(() => {
    root = mkdtempSync(join(tmpdir(), 'deal-index-files-'));
    writeFileSync(join(root, 'alpha.deal'), alpha);
    writeFileSync(join(root, 'beta-gamma.deal'), twoDeals);
    writeFileSync(join(root, 'huge.deal'), '');
    truncateSync(join(root, 'huge.deal'), 70 * 1024 * 1024);
    if (posix) assert.equal(spawnSync('mkfifo', [join(root, 'pipe.deal')]).status, 0);
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  it('leaves out a FIFO and a file over 64 MB with the reason, and indexes the rest', async () => {
    const index = new WorkspaceIndex();
    const result = await soon(index.indexFolders([root]));
    assert.deepEqual([result.files, result.deals], [2, 3]);
    assert.deepEqual(result.unreadable, [
      { uri: uri('huge.deal'), reason: 'is 70 MB; the limit is 64 MB' },
      ...(posix ? [{ uri: uri('pipe.deal'), reason: 'is not a regular file (a FIFO)' }] : []),
    ]);
    assert.deepEqual(index.all().map((f) => f.uri), [uri('alpha.deal'), uri('beta-gamma.deal')]);
  });

  it('leaves out a file the analysis fails on, and indexes the others', async () => {
    const index = new WorkspaceIndex(failingOn('deal Alpha'));
    const result = await soon(index.indexFolders([root]));
    assert.deepEqual([result.files, result.deals], [1, 2]);
    assert.deepEqual(result.unreadable[0], {
      uri: uri('alpha.deal'), reason: 'could not be analysed (internal error: Maximum call stack size exceeded)',
    });
    assert.deepEqual(index.all().map((f) => f.uri), [uri('beta-gamma.deal')]);
  });

  it('a FIFO or a failing file changed on disk is left out with the reason, and later changes still come in', { skip: !posix }, async () => {
    const index = new PortfolioIndex(failingOn('deal Beta'));
    await soon(index.indexFolders([root]));
    assert.equal(await soon(index.updateFromDisk(uri('pipe.deal'), false)), 'is not a regular file (a FIFO)');
    assert.equal(await soon(index.updateFromDisk(uri('beta-gamma.deal'), false)),
      'could not be analysed (internal error: Maximum call stack size exceeded)');
    writeFileSync(join(root, 'delta.deal'), alpha.replace('deal Alpha', 'deal Delta'));
    assert.equal(await soon(index.updateFromDisk(uri('delta.deal'), false)), undefined);
    await soon(index.settled());
    assert.deepEqual(index.portfolioFilesAll().map((f) => [f.uri, f.deals.map((d) => d.id)]), [
      [uri('alpha.deal'), ['Alpha']],
      [uri('delta.deal'), ['Delta']],
    ]);
  });
});
