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
  STANCE_INFO,
  ROLE_SPLIT_REASONS,
  EVERY_STANCE_NOTE_ID,
  attribution,
  formatQuote,
  quoteById,
  quotesById,
  quotesFor,
  quotesForStance,
  type Topic,
} from '../server/src/engine/knowledge/knowledge';
import { RULES } from '../server/src/engine';
import { allSeedTexts, blockquotes, isVerbatim, normalise, seedText, seedsAvailable, seedsSkipMessage } from './helpers/seeds';

/** Each rule's rationale, declared in its own file. */
const RULE_RATIONALE = Object.fromEntries(RULES.map((r) => [r.id, r.rationale]));
const RULE_IDS = RULES.map((r) => r.id);

const REPO_ROOT = path.resolve(__dirname, '..');
const DOCS_DIR = path.join(REPO_ROOT, 'docs', 'rules');
/** Pages that show a stance's words beside the others', or say whose side they are. */
const PAGES_WITH_STANCES = ['role-split.md', 'stance-declared.md', 'single-owner.md', 'outcomes-defined.md'];

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
  'framework',
];

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
        assert.ok(normalise(q.text).length > 0, 'empty quote');
        assert.ok(isVerbatim(q.text, seedText(q.source.seed)), `quote ${q.id} is not verbatim in ${q.source.seed}:\n${q.text}`);
      });
    }
  });

  it('reports why the seed check is skipped', function () {
    if (!seedsAvailable()) {
      console.warn(`    ${seedsSkipMessage()}`);
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
      ...Object.entries(STANCE_INFO).map(([k, v]): [string, string[]] => [`STANCE_INFO.${k}`, [v.quoteId]]),
      ...Object.entries(ROLE_SPLIT_REASONS).map(([k, v]): [string, string[]] => [`ROLE_SPLIT_REASONS.${k}`, v.quoteIds]),
      ...Object.entries(RULE_RATIONALE).map(([k, v]): [string, string[]] => [`RULE_RATIONALE.${k}`, v.quoteIds]),
      ['EVERY_STANCE_NOTE_ID', [EVERY_STANCE_NOTE_ID]],
    ];
    for (const [where, quoteIds] of refs) {
      for (const id of quoteIds) assert.ok(ids.has(id), `${where} refers to unknown quote ${id}`);
    }
  });

  it('every stance has champions, and its strongest quote supports it', () => {
    for (const stance of STANCES) {
      assert.ok(quotesForStance(stance).length > 0, `no quote for stance ${stance}`);
      assert.equal(quoteById(STANCE_INFO[stance].quoteId)?.stance, stance, `STANCE_INFO.${stance}.quoteId`);
    }
    // SPEC 5 (revision 3): the four debate quotes, by name, each a whole sentence.
    assert.equal(quoteById(STANCE_INFO.combined.quoteId)?.text, 'Have one person responsible for both roles, within the boundaries of their own sub-domain.');
    assert.equal(
      quoteById(STANCE_INFO.separated.quoteId)?.text,
      'By separating the roles between the Product Owner and the Product Manager, you can position both for success and create something to be proud of.',
    );
    assert.equal(
      quoteById(STANCE_INFO.contextual.quoteId)?.text,
      'However, depending on the size and maturity of the business, the development framework in use, and/or the kind of product offered to users, the two roles can coexist, overlap, or be mutually exclusive.',
    );
    assert.equal(
      quoteById(STANCE_INFO['outcomes-first'].quoteId)?.text,
      'Titles are not as important as understanding the outcomes that you would like to achieve, and the weaknesses in your current structure and process.',
    );
  });

  it('each role-split reason quotes its own stance', () => {
    for (const [reason, r] of Object.entries(ROLE_SPLIT_REASONS)) {
      for (const id of r.quoteIds) assert.equal(quoteById(id)?.stance, r.stance, `${reason}: ${id}`);
    }
    // Contextual fires on Peltier's advice only, his sentence first, then the stance's own thesis (SPEC 5).
    assert.deepEqual(ROLE_SPLIT_REASONS.scrum.quoteIds, ['peltier-scrum-shared-role', 'tpm-coexist']);
    assert.deepEqual(ROLE_SPLIT_REASONS.v1.quoteIds, ['peltier-v1', 'tpm-coexist']);
    assert.deepEqual(Object.keys(ROLE_SPLIT_REASONS).sort(), ['combined', 'scrum', 'separated', 'v1']);
  });

  it("the words a finding message quotes are verbatim from the reason's seed", function () {
    if (!seedsAvailable()) this.skip();
    for (const [reason, r] of Object.entries(ROLE_SPLIT_REASONS)) {
      const fragments = [...r.words.matchAll(/"([^"]+)"/g)].map((m) => m[1]);
      assert.ok(fragments.length > 0, `${reason}: no quoted words`);
      for (const f of fragments) assert.ok(isVerbatim(f, seedText(quoteById(r.quoteIds[0])!.source.seed)), `${reason}: "${f}"`);
    }
  });

  it('role-split quotes cover all four stances and the note', () => {
    const stances = new Set(RULE_RATIONALE['role-split']!.quoteIds.map((id) => quoteById(id)?.stance));
    for (const stance of STANCES) assert.ok(stances.has(stance), `role-split rationale lacks a ${stance} quote`);
    assert.ok(RULE_RATIONALE['role-split']!.quoteIds.includes(EVERY_STANCE_NOTE_ID));
  });

  it("Aaron's note belongs to no camp", () => {
    const note = quoteById(EVERY_STANCE_NOTE_ID)!;
    assert.equal(note.stance, undefined);
    assert.match(note.text, /^It doesn.t matter .* as long as the person filling the Product Owner role has the authority/);
  });

  it('role and rule hovers draw only on quotes tagged with no stance', () => {
    for (const [k, v] of Object.entries(ROLES)) {
      for (const q of quotesById(v.quoteIds)) assert.equal(q.stance, undefined, `ROLES.${k}: ${q.id} is tagged ${q.stance}`);
    }
    for (const [k, v] of Object.entries(RULE_RATIONALE)) {
      if (k === 'role-split') continue;
      for (const q of quotesById(v.quoteIds)) assert.equal(q.stance, undefined, `RULE_RATIONALE.${k}: ${q.id} is tagged ${q.stance}`);
    }
  });

  it('champions are who the articles say they are (issue 11)', () => {
    // Cagan is quoted in 000 to back one responsible person, not outcomes over titles.
    for (const q of QUOTES.filter((x) => x.speaker === 'Marty Cagan')) assert.equal(q.stance, 'combined', q.id);
    // LeMay is only mentioned by the 002 author ("even if ..."): no outcomes-first champion.
    assert.ok(!QUOTES.some((q) => /LeMay/.test(q.text) || /LeMay/.test(q.speaker)));
    for (const q of quotesForStance('outcomes-first')) assert.equal(q.source.seed, '003_ac3b7604d2ffb3c6.txt', q.id);
    // "Requirements should not just be cascaded" is the 002 author's own sentence, not Perri's.
    const cascade = QUOTES.find((q) => q.text.includes('Requirements should not just be cascaded'))!;
    assert.equal(cascade.speaker, cascade.source.author);
    // Perri's own words are quoted only in 000 (002 paraphrases her).
    for (const q of QUOTES.filter((x) => x.speaker === 'Melissa Perri')) assert.equal(q.source.seed, '000_afd94fb3940db4b8.txt');
    for (const [k, v] of Object.entries(RULE_RATIONALE)) assert.doesNotMatch(v.why, /every article/i, k);
  });

  it('every topic has a quote', () => {
    for (const topic of TOPICS) assert.ok(quotesFor(topic).length > 0, `no quote on ${topic}`);
  });

  it('every rule says why it exists', () => {
    for (const id of RULE_IDS) assert.ok(RULE_RATIONALE[id]!.why.length > 0, `${id} has no why`);
  });

  it('attributes quotes to their speaker and article (SPEC section 5)', () => {
    const perri = quoteById('perri-role-vs-job')!;
    assert.equal(attribution(perri), '— Melissa Perri, quoted in Stijn Schutyser, "Your product manager should be facing inward AND outward" (2018)');
    const runyan = quoteById('runyan-or')!;
    assert.equal(attribution(runyan), '— Kristin Runyan, "Product Owner OR Product Manager?"');
    assert.equal(formatQuote(runyan), `> ${runyan.text}\n>\n> ${attribution(runyan)}`);
    assert.equal(attribution(quoteById('peltier-v1')!), '— John Peltier, replying to Kristin Runyan, "Product Owner OR Product Manager?"');
    // Productboard's seed gives no title: its label is not put in quotation marks.
    assert.equal(attribution(quoteById('productboard-sole-backlog-owner')!), '— Productboard, Product owner vs. product manager');
    assert.equal(attribution(quoteById('king-titles')!), '— Rosemary King, quoted in Productboard, Product owner vs. product manager');
    assert.equal(attribution(quoteById('aaron-authority')!), '— Aaron, "Product Owner or Product Manager?" (2017)');
  });

  describe('the verbatim check itself', () => {
    const seed = normalise('He said: “It’s an “or” – you are either”. Done.');
    it('accepts straight quotes and dashes for typographic ones', () => {
      assert.ok(isVerbatim('It\'s an "or" - you are either', seed));
    });
    it('accepts typographic quotes and dashes for straight ones', () => {
      const straightSeed = normalise('He said: "It\'s an "or" - you are either". Done.');
      assert.ok(isVerbatim('It’s an “or” – you are either', straightSeed));
    });
    it('rejects any other change', () => {
      assert.ok(!isVerbatim('It is an "or" - you are either', seed));
      assert.ok(!isVerbatim('It\'s an "or" - you are both', seed));
      assert.ok(!isVerbatim("It's an or - you are either", seed));
    });
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
        console.warn(`    ${seedsSkipMessage()}`);
        this.skip();
      }
      const seeds = allSeedTexts();
      const pages = fs.readdirSync(DOCS_DIR).filter((f) => f.endsWith('.md'));
      let checked = 0;
      for (const page of pages) {
        for (const { text: quote } of blockquotes(fs.readFileSync(path.join(DOCS_DIR, page), 'utf8'))) {
          assert.ok(
            seeds.some((s) => isVerbatim(quote, s)),
            `docs/rules/${page}: blockquote is not verbatim from any seed:\n${quote}`,
          );
          checked++;
        }
      }
      assert.ok(checked > 0, 'no blockquotes found in docs/rules');
    });

    it('every blockquote in the rule pages is a known quote, attributed as SPEC section 5 says', () => {
      for (const page of fs.readdirSync(DOCS_DIR).filter((f) => f.endsWith('.md'))) {
        for (const bq of blockquotes(fs.readFileSync(path.join(DOCS_DIR, page), 'utf8'))) {
          const q = QUOTES.find((x) => normalise(x.text) === normalise(bq.text));
          assert.ok(q, `docs/rules/${page}: a quote that is not in knowledge.ts:\n${bq.text}`);
          assert.equal(bq.attribution, attribution(q), `docs/rules/${page}: attribution of ${q.id}`);
          // A stance's words stand only on the pages that set them beside the other stances or say whose side they are.
          if (q.stance) assert.ok(PAGES_WITH_STANCES.includes(page), `docs/rules/${page}: ${q.id} takes the ${q.stance} side`);
        }
      }
    });

    it('pages say what the articles say (issue 11)', () => {
      const page = (id: string): string => fs.readFileSync(path.join(DOCS_DIR, `${id}.md`), 'utf8');
      assert.doesNotMatch(page('single-owner'), /every article/i);
      assert.match(page('single-owner'), /Schutyser's position; no article argues against it/);
      assert.match(page('scrum-master-not-product-owner'), /inference/);
      assert.match(page('scrum-master-not-product-owner'), /How can the CSM coach the CSPO on things the CSM is not taught\?/);
      assert.match(page('scrum-master-not-product-owner'), /Default severity:\*\* info/);
      assert.ok(page('role-split').includes(quoteById('runyan-answer-is-no')!.text));
      assert.ok(page('role-split').includes(quoteById('peltier-scrumban')!.text));
      assert.ok(page('role-split').includes(quoteById(EVERY_STANCE_NOTE_ID)!.text));
      assert.match(page('overloaded-person'), /setting, not a figure from the articles/);
    });
  });
});
