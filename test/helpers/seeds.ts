// The five seed articles (../shared/seeds beside the repository, or
// PRODUCTTEAM_SEEDS_DIR), read once and normalised, for the tests that check
// every quote the product shows is verbatim from them.
import * as fs from 'node:fs';
import * as path from 'node:path';

const REPO_ROOT = path.resolve(__dirname, '..', '..');
export const SEEDS_DIR = process.env.PRODUCTTEAM_SEEDS_DIR ? path.resolve(process.env.PRODUCTTEAM_SEEDS_DIR) : path.resolve(REPO_ROOT, '../shared/seeds');

/** The only liberties a quote may take: ASCII quotes and dashes, and whitespace. */
export function normalise(text: string): string {
  return text
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\u201C\u201D]/g, '"')
    .replace(/[\u2013\u2014]/g, '-')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Whether `quote` appears in a normalised seed text, allowing only the swaps normalise() makes, in either direction. */
export function isVerbatim(quote: string, normalisedSeed: string): boolean {
  return normalisedSeed.includes(normalise(quote));
}

export function seedsAvailable(): boolean {
  return fs.existsSync(SEEDS_DIR) && fs.statSync(SEEDS_DIR).isDirectory();
}

export function seedsSkipMessage(): string {
  const where = process.env.PRODUCTTEAM_SEEDS_DIR ? SEEDS_DIR : '../shared/seeds';
  return `seeds folder ${where} not found; quote check skipped (set PRODUCTTEAM_SEEDS_DIR to check)`;
}

const cache = new Map<string, string>();

/** One seed's text, normalised. */
export function seedText(seed: string): string {
  let text = cache.get(seed);
  if (text === undefined) {
    text = normalise(fs.readFileSync(path.join(SEEDS_DIR, seed), 'utf8'));
    cache.set(seed, text);
  }
  return text;
}

/** Every seed's text, normalised, in file order; empty when the folder is missing. */
export function allSeedTexts(): string[] {
  if (!seedsAvailable()) return [];
  return fs
    .readdirSync(SEEDS_DIR)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map(seedText);
}

/** The blockquotes of a markdown text: each quote joined into one line, with its `> —` attribution line (without `> `) when one follows. */
export function blockquotes(md: string): { text: string; attribution: string }[] {
  const out: { text: string; attribution: string }[] = [];
  const lines = md.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    if (!lines[i].startsWith('> ') || lines[i].startsWith('> —')) continue;
    const text: string[] = [];
    while (i < lines.length && lines[i].startsWith('>') && !lines[i].startsWith('> —')) {
      if (lines[i].length > 2) text.push(lines[i].slice(2));
      i++;
    }
    if (text.length) out.push({ text: text.join(' '), attribution: lines[i]?.startsWith('> —') ? lines[i].slice(2) : '' });
  }
  return out;
}
