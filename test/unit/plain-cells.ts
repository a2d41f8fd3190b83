// The term sheet's table markup as it reads at its widest: each figure as `$36,500,000 ($36.5M)`
// (its tooltip and narrow forms dropped), cells without their column name, tables without their
// layout classes. Tests of what a table says match this; test/unit/table-fit.test.ts and
// test/editor/layout.test.ts check the markup for the narrow layouts itself.
export function plainCells(html: string): string {
  return html
    .replace(/<span class="fig" title="[^"]*"><span class="mf">([^<]*)<\/span>(?:<span class="mw">([^<]*)<\/span>)?<span class="mc">[^<]*<\/span><\/span>/g,
      (_, full: string, paren: string | undefined) => `${full}${paren ?? ''}`)
    .replace(/ data-label="[^"]*"/g, '')
    .replace(/<table class="([^"]*)">/g, (_, classes: string) => {
      const kept = classes.split(' ').filter((c) => c !== 'fit' && !/^[fcs](\d+|all)$/.test(c));
      return kept.length ? `<table class="${kept.join(' ')}">` : '<table>';
    });
}
