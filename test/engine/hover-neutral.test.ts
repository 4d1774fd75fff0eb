// SPEC section 5, "Neutral": a quote tagged with a stance appears only in the
// hovers that show every stance side by side (a role-split finding and a
// `stance` value). This walks every hover position of every fixture (every
// key, every value, every finding's range) under each of the five stance
// settings (the four, and none declared) and checks each hover section: no
// tagged quote outside those two (and the stance-declared preview, which sets
// every stance side by side too), every blockquote verbatim from a seed with
// its attribution, finding hovers short, the whole hover at one position under
// 2,500 characters, and the role-split hover fair: each stance by its named
// quote (SPEC 5, revision 3). With no stance declared, role-split never runs.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { isMap, isPair, isScalar, isSeq, visit, type Node } from 'yaml';
import { STANCES, type AnalyzeOptions, type Stance } from '../../server/src/engine';
// This test walks the YAML tree, which the facade's Analysis hides: it reads the engine's own.
import { analyze, type Analysis } from '../../server/src/engine/host/analyze';
import { HOVER_SEPARATOR, MAX_DEBATE_HOVER_LENGTH, MAX_FINDING_HOVER_LENGTH, MAX_HOVER_LENGTH } from '../../server/src/engine/services/hoverContent';
import { EVERY_STANCE_NOTE_ID, QUOTES, STANCE_INFO, attribution, quoteById, type Quote } from '../../server/src/engine/knowledge/knowledge';
import { hover as hoverAt } from '../../server/src/engine';
import { parseHeader } from '../helpers/fixtures';
import { allSeedTexts, blockquotes, normalise } from '../helpers/seeds';

const FIXTURES = path.join(__dirname, '..', 'fixtures');
const seeds: string[] = allSeedTexts();

function fixtureFiles(): string[] {
  const out: string[] = [];
  for (const dir of fs.readdirSync(FIXTURES, { withFileTypes: true })) {
    if (!dir.isDirectory()) continue;
    for (const f of fs.readdirSync(path.join(FIXTURES, dir.name))) if (f.endsWith('.productteam.yaml')) out.push(path.join(dir.name, f));
  }
  return out.sort();
}

/** Every place a hover can be asked for: each key, each value, each item, each finding's start. */
function hoverOffsets(a: Analysis): number[] {
  const at = new Set<number>();
  const add = (n: unknown): void => {
    const r = (n as Node | null)?.range;
    if (r) {
      at.add(r[0]);
      if (r[1] > r[0] + 1) at.add(r[0] + 1);
    }
  };
  visit(a.doc, {
    Pair(_, pair) {
      if (isPair(pair)) {
        add(pair.key);
        if (isScalar(pair.value)) add(pair.value);
      }
    },
    Scalar(_, node) {
      add(node);
    },
    Seq(_, node) {
      if (isSeq(node)) add(node);
    },
    Map(_, node) {
      if (isMap(node)) add(node);
    },
  });
  for (const p of a.problems) {
    at.add(p.start);
    if (p.end > p.start + 1) at.add(p.end - 1);
  }
  return [...at].sort((x, y) => x - y);
}

type Setting = Stance | 'none';
const SETTINGS: Setting[] = [...STANCES, 'none'];

function analyseUnder(text: string, setting: Setting): Analysis {
  const options = parseHeader(text).options as AnalyzeOptions;
  if (setting !== 'none') return analyze(text, { ...options, stance: setting });
  // No stance anywhere: not in the file, not from the editor or the CLI.
  const withoutStance = text.replace(/^( +)stance:.*(\r?\n)/m, '');
  const rest = { ...options };
  delete rest.stance;
  return analyze(withoutStance, rest);
}

const TAGGED = QUOTES.filter((q) => q.stance !== undefined);

function quoteOf(text: string): Quote | undefined {
  return QUOTES.find((q) => q.text === text);
}

interface Stats {
  hovers: number;
  roleSplit: number;
  stance: number;
}

/** The four named debate quotes (SPEC 5, revision 3), by stance. */
const NAMED = new Map(STANCES.map((s) => [s, STANCE_INFO[s].quoteId]));

/** Checks one whole hover (every section at one position). */
export function checkHover(markdown: string, where: string): void {
  assert.ok(markdown.length < MAX_HOVER_LENGTH, `${where}: a whole hover of ${markdown.length} characters`);
}

function checkSection(section: string, where: string, stats: Stats): void {
  const isRoleSplit = section.startsWith('**role-split** (');
  const isPreview = section.startsWith('**stance-declared** (');
  const isStance = section.startsWith('### Stance: ');
  const isFinding = /^\*\*[a-z-]+\*\* \((error|warning|info|hint)\)/.test(section);
  if (isRoleSplit) stats.roleSplit++;
  if (isStance) stats.stance++;
  if (!isRoleSplit && !isStance && !isPreview) {
    for (const q of TAGGED) assert.ok(!section.includes(q.text), `${where}: quote ${q.id} (${q.stance}) outside the role-split and stance hovers:\n${section}`);
  }
  const quotes = blockquotes(section);
  for (const bq of quotes) {
    const q = quoteOf(bq.text);
    assert.ok(q, `${where}: a blockquote that is not in the knowledge base:\n${bq.text}`);
    assert.equal(bq.attribution, attribution(q), `${where}: attribution of ${q.id}`);
    if (seeds.length)
      assert.ok(
        seeds.some((s) => s.includes(normalise(bq.text))),
        `${where}: not verbatim from a seed:\n${bq.text}`,
      );
  }
  if (isFinding) {
    const limit = isRoleSplit || isPreview ? MAX_DEBATE_HOVER_LENGTH : MAX_FINDING_HOVER_LENGTH;
    assert.ok(section.length < limit, `${where}: a finding hover of ${section.length} characters:\n${section}`);
    if (!isRoleSplit && !isPreview) assert.ok(quotes.length <= 1, `${where}: a finding hover with ${quotes.length} quotes`);
  }
  if (isRoleSplit || isPreview) {
    const shown = quotes.map((bq) => quoteOf(bq.text)!);
    // Every stance by its named quote, each once.
    for (const [stance, id] of NAMED)
      assert.equal(shown.filter((q) => q.id === id).length, 1, `${where}: ${stance}'s named quote (${id}) must appear once:\n${section}`);
    // No camp gets more than one quote, except the contextual reason that fired (Peltier's sentence before the thesis).
    const extra = shown.filter((q) => q.id !== EVERY_STANCE_NOTE_ID && ![...NAMED.values()].includes(q.id));
    assert.ok(
      extra.every((q) => q.stance === 'contextual' && q.speaker === 'John Peltier'),
      `${where}: a camp quoted twice:\n${section}`,
    );
    assert.ok(extra.length <= 1, `${where}: more than one reason quote`);
  }
  if (isRoleSplit) {
    const shown = quotes.map((bq) => quoteOf(bq.text)!);
    assert.equal(shown[shown.length - 1].id, EVERY_STANCE_NOTE_ID, `${where}: Aaron's note last`);
    assert.equal(shown.length, 5 + (shown[0].speaker === 'John Peltier' ? 1 : 0), `${where}: the named quotes, the reason, the note`);
  }
}

describe('hovers take no side the file did not take', function () {
  // One test per setting, each walking every fixture: cheap engine calls, no server.
  this.timeout(60000);
  const files = fixtureFiles();
  const totals = new Map<Setting, Stats>();

  for (const setting of SETTINGS) {
    it(`every hover of every fixture, stance ${setting}`, () => {
      const stats: Stats = { hovers: 0, roleSplit: 0, stance: 0 };
      for (const file of files) {
        const a = analyseUnder(fs.readFileSync(path.join(FIXTURES, file), 'utf8'), setting);
        for (const offset of hoverOffsets(a)) {
          const h = hoverAt(a, offset);
          if (!h) continue;
          stats.hovers++;
          const line = a.lines.positionAt(offset).line + 1;
          checkHover(h.markdown, `${file}:${line} (${setting})`);
          for (const section of h.markdown.split(HOVER_SEPARATOR)) checkSection(section, `${file}:${line} (${setting})`, stats);
        }
        if (setting === 'none') {
          // No stance, no judgement (SPEC 1 and 3, revision 3): role-split does not run at all.
          const roleSplit = a.problems.filter((x) => x.ruleId === 'role-split');
          assert.deepEqual(
            roleSplit.map((p) => p.message),
            [],
            `${file}: role-split with no stance declared`,
          );
        } else {
          // Advice about the arrangement names the stance it comes from.
          for (const p of a.problems.filter((x) => x.ruleId === 'role-split')) assert.match(p.message, new RegExp(`^Under the ${setting} stance`), file);
        }
      }
      totals.set(setting, stats);
      // The walk must have seen the hovers it is about, or it proves nothing.
      assert.ok(stats.hovers > 1000, `only ${stats.hovers} hovers`);
      if (setting === 'none') assert.equal(stats.roleSplit, 0, 'a role-split hover with no stance');
      else assert.ok(stats.roleSplit > 0 || setting === 'outcomes-first', 'no role-split hover seen');
      assert.ok(stats.stance > 0 || setting === 'none', 'no stance hover seen');
    });
  }

  it('the fixtures as written: with no stance declared, role-split never fires', () => {
    let seen = 0;
    for (const file of files) {
      const text = fs.readFileSync(path.join(FIXTURES, file), 'utf8');
      const a = analyze(text, parseHeader(text).options as AnalyzeOptions);
      if (a.settings.stanceSource !== 'default') continue;
      seen++;
      assert.deepEqual(
        a.problems.filter((x) => x.ruleId === 'role-split').map((p) => p.message),
        [],
        file,
      );
    }
    assert.ok(seen >= 5, `only ${seen} fixtures without a stance`);
  });

  it('the checker notices a debate hover without a named quote, and a whole hover too long', () => {
    const q = (id: string) => `> ${quoteById(id)!.text}\n>\n> ${attribution(quoteById(id)!)}`;
    const debate = (ids: string[]) => [`**role-split** (warning)`, ...ids.map(q)].join('\n\n');
    const stats = { hovers: 0, roleSplit: 0, stance: 0 };
    checkSection(debate(['schutyser-one-person-sub-domain', 'runyan-separating', 'tpm-coexist', 'king-titles', EVERY_STANCE_NOTE_ID]), 'probe', stats);
    // Combined by its old four-word slogan instead of its named quote.
    assert.throws(
      () => checkSection(debate(['schutyser-two-roles', 'runyan-separating', 'tpm-coexist', 'king-titles', EVERY_STANCE_NOTE_ID]), 'probe', stats),
      /named quote/,
    );
    assert.throws(() => checkHover('x'.repeat(2500), 'probe'), /whole hover of 2500/);
  });

  it('the checker notices a tagged quote in a rule hover', () => {
    const tagged = quoteById('schutyser-no-clear-owner')!;
    const section = `**single-owner** (error)\n\n> ${tagged.text}\n>\n> ${attribution(tagged)}`;
    assert.throws(() => checkSection(section, 'probe', { hovers: 0, roleSplit: 0, stance: 0 }), /outside the role-split and stance hovers/);
  });
});
