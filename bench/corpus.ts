// The benchmark's deals: portfolio files of generated deals at about 200, 5,000 and 50,000
// lines, one single platform deal of the same lengths (hundreds of milestone groups), and a
// workspace of single-deal files. Seeded, so every run measures the same text.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateDeal } from '../test/generate-deal';

/** A portfolio file (many deals one after another) or one single deal of the same length. */
export type Shape = 'portfolio' | 'single deal';

/** `target`: the line count asked for; `lines`: what the seeded text came to. */
export interface Corpus { name: string; lines: number; text: string; shape?: Shape; target?: number }

/** Deals one after another (a company's portfolio in one file) until `lines` is reached. */
export function portfolioText(lines: number, seed = 1000): string {
  const deals: string[] = [];
  let count = 0;
  for (let i = 0; count < lines; i++) {
    const deal = generateDeal(seed + i, { notes: true });
    deals.push(deal);
    count += lineCount(deal);
  }
  return deals.join('\n');
}

export function lineCount(text: string): number {
  let n = 1;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) n++;
  return text.endsWith('\n') ? n - 1 : n;
}

/** One platform deal with as many milestone groups as it takes to reach about `lines` lines:
 * the generator is asked for a payment count, then once more with that count scaled by how
 * far the first try landed from the target. */
export function singleDealText(lines: number, seed = 7): string {
  const linesPerPayment = 1.2;
  const first = generateDeal(seed, { payments: Math.round(lines / linesPerPayment), notes: true });
  const payments = Math.round((lines / linesPerPayment) * (lines / lineCount(first)));
  return generateDeal(seed, { payments, notes: true });
}

export function corpora(sizes: number[], shape: Shape = 'portfolio'): Corpus[] {
  return sizes.map((target) => {
    const text = shape === 'portfolio' ? portfolioText(target) : singleDealText(target);
    return { name: shape === 'portfolio' ? label(target) : `${label(target)}, single deal`, lines: lineCount(text), text, shape, target };
  });
}

export function label(lines: number): string {
  return lines >= 1000 ? `${lines / 1000}k lines` : `${lines} lines`;
}

/** A folder of `files` single-deal files, as a team's portfolio repository would hold them. */
export function writeWorkspace(dir: string, files: number, seed = 5000): void {
  rmSync(dir, { recursive: true, force: true });
  for (let i = 0; i < files; i++) {
    const sub = join(dir, `area-${i % 10}`);
    if (i < 10) mkdirSync(sub, { recursive: true });
    writeFileSync(join(sub, `deal-${seed + i}.deal`), generateDeal(seed + i, { notes: true }));
  }
}

/** The first digit of the first milestone amount after the middle of the text: changing that
 * one character is a realistic keystroke that keeps the deal readable. */
export function middleEdit(text: string): { offset: number; original: string; replacement: string } {
  const line = text.indexOf('\n      milestone ', Math.floor(text.length / 2));
  const titleEnd = text.indexOf('"', text.indexOf('"', line) + 1);
  const pattern = /\d/g;
  pattern.lastIndex = titleEnd + 1;
  const match = line < 0 || titleEnd < 0 ? null : pattern.exec(text);
  if (!match) throw new Error('no milestone amount after the middle of the text');
  const original = match[0];
  return { offset: match.index, original, replacement: original === '9' ? '8' : String(Number(original) + 1) };
}

/** The text with one character replaced. */
export function withEdit(text: string, offset: number, char: string): string {
  return text.slice(0, offset) + char + text.slice(offset + 1);
}
