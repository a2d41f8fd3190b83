/// <reference lib="dom" />
// The exported HTML of both examples opened in headless Chromium, as a colleague would open the
// file: it loads nothing, runs nothing, draws its charts, and prints on white. Screenshots and
// a PDF go to test-results/export/ as artifacts. Needs Debian's chromium; in CI it must run,
// elsewhere it is skipped when chromium is missing.
import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { browserForTests } from '../headless-chromium';
import { analyzeDealText } from '../../server/src/document/analyze';
import { renderHtml } from '../../server/src/exports';

const repo = fileURLToPath(new URL('../../', import.meta.url));
const out = join(repo, 'test-results/export');
const skip = !existsSync('/usr/bin/chromium') && !process.env.CI ? 'needs /usr/bin/chromium' : false;

const browser = browserForTests(out, skip);

describe('the exported term sheet in a browser', { skip }, () => {
  for (const name of ['acme-globex-2024', 'immunogen-biotest-2006']) {
    it(`${name}: loads nothing, runs nothing, draws its charts and prints on white`, async () => {
      const html = renderHtml(analyzeDealText(readFileSync(join(repo, 'examples', `${name}.deal`), 'utf8')));
      const file = join(out, `${name}.html`);
      writeFileSync(file, html);
      const page = await browser().newPage({ viewport: { width: 1100, height: 900 } });
      const requests: string[] = [];
      const errors: string[] = [];
      page.on('request', (r) => requests.push(r.url()));
      page.on('pageerror', (e) => errors.push(e.message));
      page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
      await page.goto(pathToFileURL(file).href);

      assert.deepEqual(requests, [pathToFileURL(file).href], 'the page fetches nothing but itself');
      assert.deepEqual(errors, []);
      assert.equal(await page.locator('script').count(), 0);
      const headline = await page.locator('.card .value').first().textContent();
      assert.match(headline!, name.startsWith('acme') ? /^\$412,500,000 \(\$412\.5M\)$/ : /^\$36,500,000 \(\$36\.5M\)$/);

      // Every chart is laid out at a readable size, and every bar has a height.
      const charts = await page.locator('svg.chart').evaluateAll((svgs) => svgs.map((s) => {
        const box = s.getBoundingClientRect();
        return { width: box.width, bars: Array.from(s.querySelectorAll('rect.bar')).map((r) => (r as SVGGraphicsElement).getBBox().height) };
      }));
      assert.ok(charts.length >= 2);
      for (const chart of charts) {
        assert.ok(chart.width >= 300, `a chart ${chart.width}px wide`);
        assert.ok(chart.bars.every((h) => h > 0));
      }
      const bars = charts.flatMap((c) => c.bars).length;
      assert.equal(bars, (html.match(/<rect class="bar /g) ?? []).length);
      // The bars take their colours from the stylesheet: not the default black.
      const fill = await page.locator('svg.chart rect.bar').first().evaluate((r) => getComputedStyle(r).fill);
      assert.notEqual(fill, 'rgb(0, 0, 0)');

      await page.screenshot({ path: join(out, `${name}.png`), fullPage: true });
      await page.emulateMedia({ media: 'print' });
      assert.equal(await page.evaluate(() => getComputedStyle(document.body).backgroundColor), 'rgb(255, 255, 255)');
      await page.pdf({ path: join(out, `${name}.pdf`), format: 'A4', printBackground: true });
      assert.ok(readFileSync(join(out, `${name}.pdf`)).subarray(0, 5).toString() === '%PDF-');
      await page.close();
    });
  }
});
