/// <reference lib="dom" />
// The term sheet as people see it, measured in Chromium: the preview (as the editor renders it,
// with source links) at the side-by-side widths, the exported page at a browser window and at
// A4 print width, and the portfolio page — for every bundled example. Nothing may run off to
// the right: the page never scrolls sideways, every table ends inside its box, and the exact
// figures stay on the page or in a tooltip. Chart labels are measured as drawn. A screenshot
// per example and width goes to test-results/layout/. Needs Debian's chromium: skipped without it.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import { browserForTests } from '../headless-chromium';
import { analyzeDealText } from '../../server/src/document/analyze';
import { renderHtml } from '../../server/src/exports';
import { renderPortfolioHtml } from '../../server/src/exports/portfolio';
import { rollupPortfolio } from '../../server/src/engine/portfolio';

const repo = fileURLToPath(new URL('../../', import.meta.url));
const out = join(repo, 'test-results/layout');
const skip = existsSync('/usr/bin/chromium') ? false : 'needs /usr/bin/chromium (Debian chromium) to lay the pages out';
const examples = readdirSync(join(repo, 'examples')).filter((f) => f.endsWith('.deal')).sort();
const text = (file: string) => readFileSync(join(repo, 'examples', file), 'utf8');

/** What runs off to the right of its box, as the browser lays the page out. */
interface Overflow { page: { scrollWidth: number; clientWidth: number }; tables: string[]; others: string[] }

async function overflows(page: Page): Promise<Overflow> {
  return page.evaluate(() => {
    const root = document.documentElement;
    const describe = (e: Element) => {
      const caption = e.querySelector('caption')?.textContent ?? e.closest('section')?.querySelector('h2')?.textContent ?? '';
      return `${e.tagName.toLowerCase()}.${e.className} "${caption}" ${Math.round(e.getBoundingClientRect().right)}`;
    };
    const tables = Array.from(document.querySelectorAll('table')).filter((t) => {
      const box = t.parentElement!.getBoundingClientRect();
      return t.getBoundingClientRect().right > box.right + 0.5 || t.parentElement!.scrollWidth > t.parentElement!.clientWidth;
    }).map(describe);
    const main = document.querySelector('main')!.getBoundingClientRect();
    const others = Array.from(document.querySelectorAll('main *')).filter((e) => e.getBoundingClientRect().right > main.right + 0.5
      && !(e.closest('table') && e.closest('.table-wrap'))).slice(0, 5).map(describe);
    return { page: { scrollWidth: root.scrollWidth, clientWidth: root.clientWidth }, tables, others };
  });
}

function assertFits(found: Overflow, where: string): void {
  assert.deepEqual(found.tables, [], `${where}: tables run past their box`);
  assert.deepEqual(found.others, [], `${where}: elements run past the page`);
  assert.ok(found.page.scrollWidth <= found.page.clientWidth, `${where}: the page is ${found.page.scrollWidth}px wide in a ${found.page.clientWidth}px window`);
}

/** Every compact figure shown carries the exact figure as its tooltip, and the exact figure is the one in the markup. */
async function compactFiguresHaveTooltips(page: Page): Promise<{ shown: number; bare: string[] }> {
  return page.evaluate(() => {
    const shown = (e: Element | null) => !!e && e.getClientRects().length > 0;
    const compact = Array.from(document.querySelectorAll('.fig')).filter((e) => shown(e.querySelector('.mc')) && !shown(e.querySelector('.mf')));
    const bare = compact.filter((e) => {
      const title = e.getAttribute('title') ?? '';
      const full = e.querySelector('.mf')?.textContent ?? '';
      return !title || title !== full;
    }).map((e) => e.textContent ?? '');
    return { shown: compact.length, bare };
  });
}

const browser = browserForTests(out, skip);

async function open(html: string, file: string, width: number): Promise<Page> {
  const path = join(out, file);
  writeFileSync(path, html);
  const page = await browser().newPage({ viewport: { width, height: 900 } });
  // The functions measured in the page are compiled with their names kept: give them the helper.
  await page.addInitScript({ content: 'window.__name = (f) => f;' });
  await page.goto(pathToFileURL(path).href);
  return page;
}

describe('the term sheet fits the width it is shown at', { skip }, () => {
  for (const file of examples) {
    const name = file.replace(/\.deal$/, '');
    it(`${name}: the preview at 420, 520 and 1000 px, the export at 1000 px and A4 print`, async () => {
      const document = analyzeDealText(text(file));
      const preview = renderHtml(document, { sourceLinks: true });
      for (const width of [420, 520, 1000]) {
        const page = await open(preview, `${name}.preview.html`, width);
        assertFits(await overflows(page), `${name} preview at ${width}px`);
        const tips = await compactFiguresHaveTooltips(page);
        assert.deepEqual(tips.bare, [], `${name} preview at ${width}px: compact figures without their exact figure`);
        await page.screenshot({ path: join(out, `${name}.preview-${width}.png`), fullPage: true });
        await page.close();
      }
      const exported = renderHtml(document);
      const page = await open(exported, `${name}.html`, 1000);
      assertFits(await overflows(page), `${name} export at 1000px`);
      await page.screenshot({ path: join(out, `${name}.export-1000.png`), fullPage: true });
      // A4 with the browser's default margins leaves about 718 px: laid out at that width as print.
      await page.setViewportSize({ width: 718, height: 1000 });
      await page.emulateMedia({ media: 'print' });
      assertFits(await overflows(page), `${name} export printed on A4`);
      // On paper there is no tooltip: every figure is printed in full.
      assert.equal((await compactFiguresHaveTooltips(page)).shown, 0, `${name} printed: no compact figure stands alone`);
      await page.screenshot({ path: join(out, `${name}.print-a4.png`), fullPage: true });
      await page.pdf({ path: join(out, `${name}.pdf`), format: 'A4', printBackground: true });
      await page.close();
    });
  }

  it('chart labels are at least 11 px when a chart is shown 500 px wide', async () => {
    for (const file of ['immunogen-biotest-2006.deal', 'acme-globex-2024.deal', 'kestrel-norland-2025.deal']) {
      const page = await open(renderHtml(analyzeDealText(text(file))), `charts-${file}.html`, 1000);
      const sizes = await page.evaluate(() => {
        for (const box of Array.from(document.querySelectorAll<HTMLElement>('.chart-box'))) {
          box.style.flex = 'none';
          box.style.width = '500px';
        }
        return Array.from(document.querySelectorAll<SVGTextElement>('svg.chart text')).map((t) => {
          const svg = t.ownerSVGElement!;
          return { shown: svg.getBoundingClientRect().width, px: parseFloat(getComputedStyle(t).fontSize) * svg.getScreenCTM()!.a, text: t.textContent };
        });
      });
      assert.ok(sizes.length > 10, `${file}: ${sizes.length} labels`);
      assert.deepEqual(sizes.filter((s) => Math.round(s.shown) !== 500), [], `${file}: every chart shown 500 px wide`);
      const small = sizes.filter((s) => s.px < 11);
      assert.deepEqual(small, [], `${file}: labels under 11 px`);
      await page.locator('.charts').first().screenshot({ path: join(out, `charts-${file.replace(/\.deal$/, '')}-500.png`) });
      await page.close();
    }
  });

  it('the portfolio of every example at 420, 520 and 1000 px', async () => {
    const inputs = examples.flatMap((file) => {
      const document = analyzeDealText(text(file));
      return document.deals.map((deal) => ({ uri: `file:///deals/${file}`, deal, lines: document.lines }));
    });
    const html = renderPortfolioHtml(rollupPortfolio(inputs));
    for (const width of [420, 520, 1000]) {
      const page = await open(html, 'portfolio.html', width);
      assertFits(await overflows(page), `portfolio at ${width}px`);
      assert.deepEqual((await compactFiguresHaveTooltips(page)).bare, []);
      await page.screenshot({ path: join(out, `portfolio-${width}.png`), fullPage: true });
      await page.close();
    }
  });
});
