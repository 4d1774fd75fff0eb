// Every quote the product shows must be verbatim from a seed article: the
// whole point of the hovers is to put the experts' own words in front of the
// user. This test reads the seeds (when they are present) and checks each
// quote, in knowledge.ts and in the blockquotes of docs/rules/*.md.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { STANCES } from '../server/src/engine/types';
import {
  QUOTES,
  ROLES,
  RULE_RATIONALE,
  STAGE_INFO,
  STANCE_INFO,
  attribution,
  formatQuote,
  quotesFor,
  quotesForStance,
  type Topic,
} from '../server/src/engine/knowledge';
import { SPEC_RULE_IDS as RULE_IDS } from './helpers/spec';

const REPO_ROOT = path.resolve(__dirname, '..');
const SEEDS_DIR = process.env.PRODUCTTEAM_SEEDS_DIR
  ? path.resolve(process.env.PRODUCTTEAM_SEEDS_DIR)
  : path.resolve(REPO_ROOT, '../shared/seeds');
const DOCS_DIR = path.join(REPO_ROOT, 'docs', 'rules');


const TOPICS: Topic[] = [
  'product-manager',
  'product-owner',
  'owner',
  'scrum-master',
  'single-owner',
  'backlog',
  'decision-authority',
  'vision',
  'overload',
  'team-domain',
  'customer-contact',
  'core-team',
  'outcomes',
  'role-split',
  'stage',
  'lifecycle',
];

/** The only liberties a quote may take: ASCII quotes and dashes, and whitespace. */
function normalise(text: string): string {
  return text
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\u201C\u201D]/g, '"')
    .replace(/[\u2013\u2014]/g, '-')
    .replace(/\s+/g, ' ')
    .trim();
}

function seedsAvailable(): boolean {
  return fs.existsSync(SEEDS_DIR) && fs.statSync(SEEDS_DIR).isDirectory();
}

function skipMessage(): string {
  const where = process.env.PRODUCTTEAM_SEEDS_DIR ? SEEDS_DIR : '../shared/seeds';
  return `seeds folder ${where} not found; quote check skipped (set PRODUCTTEAM_SEEDS_DIR to check)`;
}

const seedCache = new Map<string, string>();
function seedText(seed: string): string {
  let text = seedCache.get(seed);
  if (text === undefined) {
    text = normalise(fs.readFileSync(path.join(SEEDS_DIR, seed), 'utf8'));
    seedCache.set(seed, text);
  }
  return text;
}

function allSeedTexts(): string[] {
  return fs
    .readdirSync(SEEDS_DIR)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map(seedText);
}

/** Blockquotes of a markdown file, each joined into one line; attribution lines left out. */
function blockquotes(markdown: string): string[] {
  const quotes: string[] = [];
  let current: string[] = [];
  const flush = (): void => {
    if (current.length > 0) quotes.push(current.join(' '));
    current = [];
  };
  for (const line of markdown.split(/\r?\n/)) {
    const isAttribution = line.startsWith('> —') || line.startsWith('> -- ');
    if (line.startsWith('> ') && !isAttribution) {
      current.push(line.slice(2));
    } else {
      flush();
    }
  }
  flush();
  return quotes.filter((q) => q.trim() !== '');
}

describe('knowledge: the experts’ positions', () => {
  describe('quotes are verbatim from the seeds', function () {
    before(function () {
      if (!seedsAvailable()) this.skip();
    });

    for (const q of QUOTES) {
      it(`${q.id} (${q.source.seed})`, function () {
        if (!seedsAvailable()) {
          this.skip();
        }
        const haystack = seedText(q.source.seed);
        const needle = normalise(q.text);
        assert.ok(needle.length > 0, 'empty quote');
        assert.ok(haystack.includes(needle), `quote ${q.id} is not verbatim in ${q.source.seed}:\n${q.text}`);
      });
    }
  });

  it('reports why the seed check is skipped', function () {
    if (!seedsAvailable()) {
      console.warn(`    ${skipMessage()}`);
      this.skip();
    }
  });

  it('quote ids are unique', () => {
    const seen = new Set<string>();
    for (const q of QUOTES) {
      assert.ok(!seen.has(q.id), `duplicate quote id ${q.id}`);
      seen.add(q.id);
    }
  });

  it('every referenced quote id exists', () => {
    const ids = new Set(QUOTES.map((q) => q.id));
    const refs: [string, string[]][] = [
      ...Object.entries(ROLES).map(([k, v]): [string, string[]] => [`ROLES.${k}`, v.quoteIds]),
      ...Object.entries(STANCE_INFO).map(([k, v]): [string, string[]] => [`STANCE_INFO.${k}`, v.quoteIds]),
      ...Object.entries(STAGE_INFO).map(([k, v]): [string, string[]] => [`STAGE_INFO.${k}`, v.quoteIds]),
      ...Object.entries(RULE_RATIONALE).map(([k, v]): [string, string[]] => [`RULE_RATIONALE.${k}`, v.quoteIds]),
    ];
    for (const [where, quoteIds] of refs) {
      for (const id of quoteIds) assert.ok(ids.has(id), `${where} refers to unknown quote ${id}`);
    }
  });

  it('every stance has champions, and its info quotes support it', () => {
    for (const stance of STANCES) {
      assert.ok(quotesForStance(stance).length > 0, `no quote for stance ${stance}`);
      assert.ok(STANCE_INFO[stance].quoteIds.length > 0, `STANCE_INFO.${stance} has no quotes`);
    }
  });

  it('role-split quotes cover both sides of the debate', () => {
    const stances = new Set(RULE_RATIONALE['role-split']!.quoteIds.map((id) => QUOTES.find((q) => q.id === id)?.stance));
    for (const stance of STANCES) assert.ok(stances.has(stance), `role-split rationale lacks a ${stance} quote`);
  });

  it('every topic has a quote', () => {
    for (const topic of TOPICS) assert.ok(quotesFor(topic).length > 0, `no quote on ${topic}`);
  });

  it('RULE_RATIONALE covers exactly the rule ids of SPEC section 3', () => {
    assert.deepEqual(Object.keys(RULE_RATIONALE).sort(), [...RULE_IDS].sort());
    for (const id of RULE_IDS) assert.ok(RULE_RATIONALE[id]!.why.length > 0, `${id} has no why`);
  });

  it('attributes quotes to their speaker and article', () => {
    const perri = QUOTES.find((q) => q.id === 'perri-role-vs-job')!;
    assert.equal(
      attribution(perri),
      '— Melissa Perri, quoted in Stijn Schutyser, "Your product manager should be facing inward AND outward" (2018)',
    );
    const runyan = QUOTES.find((q) => q.id === 'runyan-or')!;
    assert.equal(attribution(runyan), '— Kristin Runyan, "Product Owner OR Product Manager?"');
    assert.equal(formatQuote(runyan), `> ${runyan.text}\n>\n> ${attribution(runyan)}`);
  });

  describe('docs/rules', () => {
    it('has a page for every rule id, and an index', () => {
      for (const id of RULE_IDS) {
        const file = path.join(DOCS_DIR, `${id}.md`);
        assert.ok(fs.existsSync(file), `missing ${path.relative(REPO_ROOT, file)}`);
        assert.ok(fs.readFileSync(file, 'utf8').startsWith(`# ${id}\n`), `${id}.md must start with "# ${id}"`);
      }
      const index = fs.readFileSync(path.join(DOCS_DIR, 'README.md'), 'utf8');
      for (const id of RULE_IDS) assert.ok(index.includes(`(${id}.md)`), `README.md does not link ${id}.md`);
    });

    it('every blockquote in the rule pages is verbatim from a seed', function () {
      if (!seedsAvailable()) {
        console.warn(`    ${skipMessage()}`);
        this.skip();
      }
      const seeds = allSeedTexts();
      const pages = fs.readdirSync(DOCS_DIR).filter((f) => f.endsWith('.md'));
      let checked = 0;
      for (const page of pages) {
        for (const quote of blockquotes(fs.readFileSync(path.join(DOCS_DIR, page), 'utf8'))) {
          const needle = normalise(quote);
          assert.ok(
            seeds.some((s) => s.includes(needle)),
            `docs/rules/${page}: blockquote is not verbatim from any seed:\n${quote}`,
          );
          checked++;
        }
      }
      assert.ok(checked > 0, 'no blockquotes found in docs/rules');
    });
  });
});
