// The engine host (SPEC section 9, "The engine owns the state"): its caches are
// invisible. After random sequences of edits across the files of an
// organisation, every answer of the host's snapshot (diagnostics, hovers,
// fixes, organisations) equals that of a fresh host given the same texts; and
// an old snapshot keeps answering for its own texts after later edits.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as path from 'node:path';
import { analyze, EngineHost, type HostOptions, type Snapshot } from '../../server/src/engine';
import { reuseChecks } from '../../server/src/engine/rules';
import { hostFor } from '../helpers/multi-file';
import { modelsBefore, peopleChange } from '../../server/src/engine/model/model';

const CASE = path.join(__dirname, '..', 'fixtures', 'multi-file', 'basic');

/** A small seeded generator (mulberry32), so a failure can be replayed. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Everything a snapshot answers about its files, as plain data. */
function answers(snap: Snapshot): unknown {
  return snap
    .fileKeys()
    .sort()
    .map((k) => {
      const text = snap.text(k)!;
      const problems = snap.diagnostics(k);
      const offsets = [0, Math.floor(text.length / 3), Math.floor(text.length / 2), text.length - 1].filter((o) => o >= 0);
      return {
        k,
        organisations: snap.organisationsOf(k),
        problems: problems.map((p) => ({ ...p })),
        fixes: problems.map((p) => snap.fixes(k, p).map((f) => ({ title: f.title, kind: f.kind, edits: f.edits }))),
        hovers: [...offsets, ...problems.map((p) => p.start)].map((o) => snap.hover(k, o) ?? null),
        definitions: offsets.map((o) => snap.definition(k, o) ?? null),
      };
    });
}

const EDITS = ['alice', 'alcie', 'bob', 'zed', 'carol', '\n', ' ', ':', '[', 'x', '#', 'owner: dan\n', '  ', '-'];

function edit(text: string, rnd: () => number): string {
  const at = Math.floor(rnd() * (text.length + 1));
  const r = rnd();
  if (r < 0.4) return text.slice(0, at) + EDITS[Math.floor(rnd() * EDITS.length)] + text.slice(at);
  if (r < 0.7) return text.slice(0, at) + text.slice(Math.min(text.length, at + 1 + Math.floor(rnd() * 6)));
  // Swap one id for another: the kind of edit that changes findings in other files.
  return text.replace(/\b(alice|bob|carol|dan|gina)\b/, EDITS[Math.floor(rnd() * 5)]);
}

function fresh(snap: Snapshot, options: HostOptions): Snapshot {
  const host = new EngineHost();
  for (const k of snap.fileKeys()) host.setFile(k, snap.text(k)!);
  host.setOptions(options);
  return host.snapshot();
}

/** Edits of the fields the rules read (names, disciplines, dates, roles, team lists), and now and then anything anywhere. */
function fieldEdit(text: string, rnd: () => number): string {
  const fields = [
    ...text.matchAll(/^ +(name|discipline|until|customerContact|decisionAuthority|owner|productManager|productOwner|members|teams|vision|type): ?(.*)$/gm),
  ];
  const VALUES: Record<string, string[]> = {
    discipline: ['product', 'technology', 'ux', 'business', '[product, ux]'],
    until: ['2020-01-01', '2030-12-31'],
    customerContact: ['never', 'weekly'],
    decisionAuthority: ['needs-approval', 'full'],
    type: ['stream-aligned', 'platform'],
  };
  const r = rnd();
  if (r < 0.12) {
    // A field the generated file lacks: a leaving date, on a person written in flow style.
    const people = [...text.matchAll(/^ {2}[\w-]+: \{ /gm)];
    if (people.length) {
      const at = people[Math.floor(rnd() * people.length)];
      const end = at.index + at[0].length;
      return `${text.slice(0, end)}until: ${rnd() < 0.5 ? '2020-01-01' : '2030-12-31'}, ${text.slice(end)}`;
    }
  }
  if (fields.length === 0 || r < 0.22) {
    const at = Math.floor(rnd() * (text.length + 1));
    return text.slice(0, at) + ['x', 'alice', ' # note'][Math.floor(rnd() * 3)] + text.slice(at);
  }
  const m = fields[Math.floor(rnd() * fields.length)];
  const start = m.index + m[0].length - m[2].length;
  const choices = VALUES[m[1]];
  if (choices) return text.slice(0, start) + choices[Math.floor(rnd() * choices.length)] + text.slice(start + m[2].length);
  if (r < 0.6) return text.slice(0, start + m[2].length) + 'x' + text.slice(start + m[2].length); // typing at the end of the value
  if (r < 0.8) return text.slice(0, start) + text.slice(start + 1); // deleting its first character
  const line = text.lastIndexOf('\n', m.index) + 1;
  return text.slice(0, line) + text.slice(text.indexOf('\n', m.index) + 1); // deleting the line
}

/** A generated organisation of `lines` lines (scripts/generate-config.mjs), its key, and a host with today's date set. */
function generatedHost(lines: number, seed: number): { generated: string; key: string; options: HostOptions; host: EngineHost } {
  const script = path.join(__dirname, '..', '..', 'scripts', 'generate-config.mjs');
  const generated = execFileSync(process.execPath, [script, '--lines', String(lines), '--seed', String(seed)], { encoding: 'utf8' });
  const options: HostOptions = { today: '2026-06-01' };
  const host = new EngineHost();
  host.setOptions(options);
  return { generated, key: '/gen/org.productteam.yaml', options, host };
}

describe('engine host', () => {
  // Seed 13 readies the file in idle time (prepareForEdits) after opening it and now and then between edits, as the server does.
  for (const [seed, prepare] of [
    [11, false],
    [12, false],
    [13, true],
  ] as const)
    it(`reuses the findings of rules whose part of the model did not change, and they are what running them gives (seed ${seed}${prepare ? ', readied in idle time' : ''})`, () => {
      // The test run checks every reuse (test/support/verify-reuse.ts): a rule whose `reads` leaves something out throws.
      assert.equal(reuseChecks.verify, true);
      const { generated, key, options, host } = generatedHost(600, 3);
      host.setFile(key, generated);
      host.snapshot().diagnostics(key);
      if (prepare) assert.equal(host.prepareForEdits(key), true);
      const rnd = random(seed);
      const before = reuseChecks.reused;
      let text = generated;
      let good = text;
      for (let step = 0; step < 40; step++) {
        const last = text;
        text = fieldEdit(text, rnd);
        host.setFile(key, text);
        // A new text not parsed yet: nothing to ready.
        if (prepare && text !== last) assert.equal(host.prepareForEdits(key), false);
        const snap = host.snapshot();
        if (prepare && step % 3 === 0) assert.equal(host.prepareForEdits(key), true);
        const found = snap.diagnostics(key);
        // Findings at every step (the reused ones checked against running the rule); now and then everything a fresh host answers: findings, fixes, hovers.
        if (step % 8 === 7) assert.deepEqual(answers(snap), answers(fresh(snap, options)), `step ${step}`);
        // An edit that breaks the YAML pauses the rules: go on from the last text that parsed.
        if (found.some((p) => p.ruleId === 'yaml-syntax')) text = good;
        else good = text;
      }
      assert.ok(reuseChecks.reused - before > 100, `only ${reuseChecks.reused - before} rule runs were reused`);
    });

  for (const seed of [1, 2, 3, 4]) {
    it(`answers like a fresh host after random edits across files (seed ${seed})`, () => {
      const rnd = random(seed);
      const { host, keys } = hostFor(CASE);
      let options: HostOptions = { today: '2026-06-01' };
      host.setOptions(options);
      const first = host.snapshot();
      const firstAnswers = answers(first);
      for (let step = 0; step < 12; step++) {
        const key = keys[Math.floor(rnd() * keys.length)];
        const r = rnd();
        if (r < 0.08) host.removeFile(key);
        else if (r < 0.16) {
          options = { ...options, stance: rnd() < 0.5 ? 'separated' : 'combined' };
          host.setOptions(options);
        } else host.setFile(key, edit(host.text(key) ?? first.text(key)!, rnd));
        const snap = host.snapshot();
        assert.deepEqual(answers(snap), answers(fresh(snap, options)), `step ${step}`);
      }
      // The first snapshot still answers for its own texts.
      assert.deepEqual(answers(first), firstAnswers);
    });
  }

  it('answers like a fresh host when an edit types a CR into a file that had none, and when the last CR goes (only the edited stretch is searched for one)', () => {
    const { generated, key, options, host } = generatedHost(300, 5);
    const at = generated.indexOf('\n    name: ', generated.length >> 2) + 1;
    const lineEnd = generated.indexOf('\n', at);
    const steps = [
      generated.slice(0, lineEnd) + 'x' + generated.slice(lineEnd), // no CR yet
      generated.slice(0, lineEnd) + '\r' + generated.slice(lineEnd), // a CR before a LF: CRLF
      generated.slice(0, at + 6) + '\r' + generated.slice(at + 6), // a lone CR: a line break in the middle of a name
      generated.slice(0, lineEnd) + '\r' + generated.slice(lineEnd), // the lone CR gone, a CRLF again
      generated, // the last CR gone
      generated.slice(0, at) + '  ' + generated.slice(at),
    ];
    host.setFile(key, generated);
    host.snapshot().diagnostics(key);
    host.prepareForEdits(key);
    for (const [i, text] of steps.entries()) {
      host.setFile(key, text);
      const snap = host.snapshot();
      assert.deepEqual(answers(snap), answers(fresh(snap, options)), `step ${i}`);
    }
  });

  it('reuses role-split and the stance preview only while products, the stance as written and the framework stay the same', () => {
    const key = 'file:///w/stance.productteam.yaml';
    const domains = Array.from({ length: 6 }, (_, i) => `      d${i}: { name: D${i}, productManager: p${i}, productOwner: p${i % 2 ? i : i + 1} }\n`).join('');
    const people = Array.from({ length: 7 }, (_, i) => `  p${i}: { name: P${i}, discipline: product }\n`).join('');
    let text = `version: 1\norganization:\n  name: A\n  x-note: a\npeople:\n${people}products:\n  app:\n    name: App\n    domains:\n${domains}`;
    const options: HostOptions = { today: '2026-06-01' };
    const host = new EngineHost();
    host.setOptions(options);
    const before = reuseChecks.reused;
    const step = (what: string, next: string) => {
      text = next;
      host.setFile(key, text);
      const snap = host.snapshot();
      assert.deepEqual(answers(snap), answers(fresh(snap, options)), what);
    };
    step('opened, no stance', text);
    // Each edit: what it is, the text it replaces, and with what.
    const edits: [string, string, string][] = [
      ['a name typed', 'name: P3,', 'name: P3x,'],
      ['a note typed in the organisation', 'x-note: a', 'x-note: ab'],
      [
        'a PO changed: the preview counts change',
        'd2: { name: D2, productManager: p2, productOwner: p3 }',
        'd2: { name: D2, productManager: p2, productOwner: p2 }',
      ],
      ['a stance that is not one', '  name: A\n', '  name: A\n  stance: combnied\n'],
      ['another one', 'stance: combnied', 'stance: combnd'],
      ['a stance', 'stance: combnd', 'stance: combined'],
      ['a name typed under it', 'name: P3x,', 'name: P3xy,'],
      ['a PO changed under it', 'd4: { name: D4, productManager: p4, productOwner: p5 }', 'd4: { name: D4, productManager: p4, productOwner: p4 }'],
      ['a framework', 'stance: combined', 'stance: combined\n  framework: scrum'],
      ['another stance', 'stance: combined', 'stance: separated'],
    ];
    for (const [what, from, to] of edits) {
      assert.ok(text.includes(from), what);
      step(what, text.replace(from, to));
    }
    assert.ok(reuseChecks.reused > before, 'some findings were reused');
  });

  it('counts a core team again when a person or team it counted changes, and only gives what a fresh analysis gives', () => {
    const key = 'file:///w/core.productteam.yaml';
    let text = [
      'version: 1',
      'organization: { name: A, stance: combined }',
      'people:',
      '  ann: { name: Ann, discipline: technology }',
      '  bo: { name: Bo, discipline: ux }',
      '  cy: { name: Cy, discipline: business }',
      '  dee: { name: Dee, discipline: product }',
      'products:',
      '  app:',
      '    name: App',
      '    owner: dee',
      '    domains:',
      '      pay: { name: Pay, productManager: dee, teams: [squad] }',
      '      ship: { name: Ship, productManager: dee, teams: [crew] }',
      'teams:',
      '  squad: { name: Squad, members: [ann, bo] }',
      '  crew: { name: Crew, members: [ann, bo, cy] }',
      '',
    ].join('\n');
    let options: HostOptions = { today: '2026-06-01' };
    const host = new EngineHost();
    const coreTeam = (problems: { ruleId: string; message: string; start: number }[]) =>
      problems.filter((p) => p.ruleId === 'core-team').map((p) => `${p.start} ${p.message}`);
    const seen = new Set<string>();
    const step = (what: string, next: string, nextOptions = options) => {
      text = next;
      options = nextOptions;
      host.setOptions(options);
      host.setFile(key, text);
      const got = coreTeam(host.snapshot().diagnostics(key));
      assert.deepEqual(got, coreTeam(analyze(text, options).problems), what);
      seen.add(got.join('\n'));
    };
    step('opened', text);
    step('a counted discipline changes', text.replace('bo: { name: Bo, discipline: ux }', 'bo: { name: Bo, discipline: business }'));
    // Keystrokes that keep every id change the last model's people map in place: core-team then looks again only at the counts of the people replaced,
    // also when a keystroke between did not run it (a name typed: core-team reads no names, its findings are reused).
    step('a name typed', text.replace('name: Bo,', 'name: Bob,'));
    step('the discipline back', text.replace('bo: { name: Bob, discipline: business }', 'bo: { name: Bob, discipline: ux }'));
    step('a name typed again', text.replace('name: Ann,', 'name: Anne,'));
    step('a discipline once more', text.replace('bo: { name: Bob, discipline: ux }', 'bo: { name: Bob, discipline: business }'));
    assert.ok(modelsBefore(host.snapshot().analysis(key)!.model).length >= 2, 'the last models took the people map over');
    step('a team gains a member', text.replace('members: [ann, bo] }', 'members: [ann, bo, cy] }'));
    step('a counted person leaves', text.replace('cy: { name: Cy,', 'cy: { until: 2020-01-01, name: Cy,'));
    step('today moves back before the leaving date', text, { ...options, today: '2019-06-01' });
    step('a counted person is renamed away', text.replace('  cy: {', '  cz: {'));
    step('and someone else takes the id', text.replace('people:\n', 'people:\n  cy: { name: Cyd, discipline: ux }\n'));
    step(
      'the disciplines needed change',
      text.replace('organization: { name: A, stance: combined }', 'organization: { name: A, stance: combined }\nsettings: { coreTeam: [technology, ux] }'),
    );
    step('the options name other disciplines', text, { ...options, coreTeam: ['technology', 'product'] });
    step('a domain changes teams', text.replace('teams: [squad] }', 'teams: [crew] }'));
    assert.ok(seen.size >= 4, `the steps should change the findings: ${[...seen].join(' | ')}`);
  });

  it('parses an edit incrementally, and a snapshot taken before it keeps its own nodes (ranges included)', () => {
    const people = Array.from({ length: 40 }, (_, i) => `  p${i}: { name: P${i}, discipline: product }\n`).join('');
    const before = `version: 1\norganization: { name: A, stance: combined }\npeople:\n${people}products:\n  app:\n    name: App\n    owner: nobody\n`;
    const key = 'file:///w/a.productteam.yaml';
    const host = new EngineHost();
    host.setOptions({ today: '2026-06-01' });
    host.setFile(key, before);
    const first = host.snapshot();
    const firstAnswers = answers(first);
    // A line inserted above every entry: the next parse reuses every cached chunk at a new offset.
    host.setFile(key, before.replace('people:\n', 'people:\n  new: { name: New, discipline: ux }\n'));
    const second = host.snapshot();
    assert.deepEqual(answers(second), answers(fresh(second, { today: '2026-06-01' })));
    assert.deepEqual(answers(first), firstAnswers, 'the earlier snapshot is untouched by the later parse');
    assert.deepEqual(answers(first), answers(fresh(first, { today: '2026-06-01' })));
  });

  it("changes the last model's people map in place after a keystroke that keeps every id, and answers like a fresh host, old snapshots included", () => {
    const people = Array.from(
      { length: 40 },
      (_, i) => `  p${i}:\n    name: P${i}\n    discipline: ${i % 3 ? 'product' : 'ux'}\n${i === 1 ? '    until: 2030-01-01\n' : ''}`,
    ).join('');
    const teams = Array.from({ length: 8 }, (_, i) => `  t${i}: { name: T${i}, members: [p${i * 4}, p${i * 4 + 1}, p${i * 4 + 2}] }\n`).join('');
    const domains = Array.from({ length: 8 }, (_, i) => `      d${i}: { name: D${i}, productManager: p${39 - i}, teams: [t${i}] }\n`).join('');
    let text = `version: 1\norganization: { name: A, stance: combined }\npeople:\n${people}products:\n  app:\n    name: App\n    owner: p39\n    domains:\n${domains}teams:\n${teams}`;
    const key = 'file:///w/people.productteam.yaml';
    const options: HostOptions = { today: '2026-06-01' };
    const host = new EngineHost();
    host.setOptions(options);
    host.setFile(key, text);
    const snaps = [host.snapshot()];
    snaps[0].diagnostics(key);
    host.prepareForEdits(key);
    const expected = [answers(snaps[0])];
    const model = (s: Snapshot) => s.analysis(key)!.model;
    const step = (what: string, next: string, takesOver: boolean) => {
      text = next;
      host.setFile(key, text);
      const snap = host.snapshot();
      const answered = answers(snap);
      assert.deepEqual(answered, answers(fresh(snap, options)), what);
      const change = peopleChange(model(snap));
      assert.equal(change !== undefined && change.replaced.length > 0, takesOver, `${what}: the map taken over and changed`);
      if (takesOver) assert.equal(model(snap).people, change!.since.people);
      snaps.push(snap);
      expected.push(answered);
    };
    step('a discipline', text.replace('  p4:\n    name: P4\n    discipline: product', '  p4:\n    name: P4\n    discipline: technology'), true);
    // The same length: no node moves, only the map's change holds the earlier snapshots out of date.
    step('a leaving date passes', text.replace('until: 2030-01-01', 'until: 2020-01-01'), true);
    step('a name typed into', text.replace('name: P7\n', 'name: P7x\n'), true);
    step('another one', text.replace('name: P7x\n', 'name: P7xy\n'), true);
    step('two people at once', text.replace('name: P1\n', 'name: Q1\n').replace('name: P30\n', 'name: Q30\n'), true);
    step('an id renamed', text.replace('  p9:\n', '  p9b:\n'), false);
    step(
      'and a discipline after it (the map made afresh is taken over)',
      text.replace('name: P2\n    discipline: product', 'name: P2\n    discipline: business'),
      true,
    );
    step('a discipline once more', text.replace('name: P2\n    discipline: business', 'name: P2\n    discipline: ux'), true);
    step('a person written twice: the second is not in the map', text.replace('  p5:\n', '  p0:\n'), false);
    step('the second one changes', text.replace('name: P5\n', 'name: P5z\n'), false);
    // Every earlier snapshot still answers for its own text (its model's map changed in place since: it parses its text again).
    snaps.forEach((s, i) => assert.deepEqual(answers(s), expected[i], `snapshot ${i}`));
    // A snapshot first asked after a later parse changed its map: a date passes, and comes back (the same length, no node moves).
    const unasked = host.snapshot();
    const unaskedText = text;
    step('a leaving date comes back', text.replace('until: 2020-01-01', 'until: 2030-01-01'), true);
    assert.deepEqual(answers(unasked), answers(fresh(unasked, options)), 'a snapshot asked after the map changed');
    assert.equal(unasked.text(key), unaskedText);
    // Models hold on to a few models before them, never to every one: the oldest kept has no change of its own (a session of 2,000 keystrokes grew by 50 kB each).
    for (let i = 0; i < 8; i++)
      step(`typing ${i}`, text.replace('name: P7xy\n', `name: P7xy${'z'.repeat(i + 1)}\n`).replace(/name: P7xyz*\n/, `name: P7xy${'z'.repeat(i + 1)}\n`), true);
    const before = modelsBefore(model(snaps[snaps.length - 1]));
    assert.ok(before.length >= 2 && before.length <= 4, `kept ${before.length} models before`);
    assert.equal(peopleChange(before[before.length - 1]), undefined, 'the oldest model kept holds no change of its own');
  });

  it('re-parses only the file that changed, and an edit in the people file changes findings in a product file', () => {
    const { host } = hostFor(CASE);
    const people = '/basic/people/directory.productteam.yaml';
    const payments = '/basic/products/payments.productteam.yaml';
    const before = host.snapshot();
    assert.ok(before.diagnostics(payments).some((p) => p.ruleId === 'unknown-reference' && p.message.includes("'zed'")));
    host.setFile(people, `${before.text(people)}  zed: { name: Zed Ali, discipline: business }\n`);
    const after = host.snapshot();
    assert.ok(!after.diagnostics(payments).some((p) => p.ruleId === 'unknown-reference'), 'zed is defined now');
    // Files whose text did not change keep the same parse (the same model object).
    assert.equal(after.analysis(payments)!.model, before.analysis(payments)!.model);
    assert.notEqual(after.analysis(people)!.model, before.analysis(people)!.model);
    // And the old snapshot still says what it said.
    assert.ok(before.diagnostics(payments).some((p) => p.ruleId === 'unknown-reference'));
  });

  it('renames a person across three files in one set of edits', () => {
    const { host } = hostFor(CASE);
    const snap = host.snapshot();
    const people = '/basic/people/directory.productteam.yaml';
    const offset = snap.text(people)!.indexOf('alice');
    const result = snap.rename(people, offset, 'alicia');
    assert.ok('changes' in result);
    const files = result.changes.map((c) => c.file).sort();
    assert.deepEqual(files, [
      '/basic/people/directory.productteam.yaml',
      '/basic/products/payments.productteam.yaml',
      '/basic/products/search.productteam.yaml',
    ]);
    for (const c of result.changes)
      host.setFile(
        c.file,
        c.edits.reduceRight((t, e) => t.slice(0, e.start) + e.newText + t.slice(e.end), snap.text(c.file)!),
      );
    const after = host.snapshot();
    for (const f of files) assert.ok(!after.text(f)!.includes('alice'), f);
    const rules = (sn: Snapshot) => files.flatMap((f) => sn.diagnostics(f).map((p) => `${f} ${p.ruleId}`));
    assert.deepEqual(rules(after), rules(snap), 'the same findings after the rename');
    // Renaming to an id that exists elsewhere in the organisation is refused.
    const refused = snap.rename('/basic/products/search.productteam.yaml', snap.text('/basic/products/search.productteam.yaml')!.indexOf('alice'), 'bob');
    assert.ok('reason' in refused && refused.reason === 'invalid-name');
  });

  it('goes to a definition and finds references in other files', () => {
    const { host } = hostFor(CASE);
    const snap = host.snapshot();
    const search = '/basic/products/search.productteam.yaml';
    const def = snap.definition(search, snap.text(search)!.indexOf('alice'));
    assert.equal(def?.file, '/basic/people/directory.productteam.yaml');
    assert.equal(snap.text(def.file)!.slice(def.start, def.end), 'alice');
    const refs = snap.references(search, snap.text(search)!.indexOf('alice'), true);
    assert.deepEqual([...new Set(refs.map((r) => r.file))].sort(), [
      '/basic/people/directory.productteam.yaml',
      '/basic/products/payments.productteam.yaml',
      search,
    ]);
    const hover = snap.hover(search, snap.text(search)!.indexOf('alice'));
    assert.ok(hover, 'a hover on a person defined in another file');
    assert.ok(JSON.stringify(hover).includes('Alice Moreau'));
    const completion = snap.complete(search, snap.text(search)!.indexOf('alice'));
    assert.ok(
      completion.some((c) => c.label === 'gina'),
      'ids from the people file are offered',
    );
  });

  it('a finding at a reference to a person defined in another file points at the definition', () => {
    const { host } = hostFor(CASE);
    const snap = host.snapshot();
    const payments = '/basic/products/payments.productteam.yaml';
    const da = snap.diagnostics(payments).find((p) => p.ruleId === 'decision-authority')!;
    assert.equal(da.related?.[0].file, '/basic/people/directory.productteam.yaml');
    assert.equal(snap.text(da.related[0].file)!.slice(da.related[0].start, da.related[0].end), 'bob');
  });

  it('gives duplicate-id related information at the first definition', () => {
    const { host } = hostFor(path.join(__dirname, '..', 'fixtures', 'duplicate-id', 'two-files'));
    const snap = host.snapshot();
    const dup = snap.diagnostics('/two-files/people.productteam.yaml').find((p) => p.ruleId === 'duplicate-id')!;
    assert.equal(dup.related?.[0].file, '/two-files/root.productteam.yaml');
    assert.equal(snap.text('/two-files/root.productteam.yaml')!.slice(dup.related[0].start, dup.related[0].end), 'alice');
  });

  it('hands callers no YAML tree (checked by the type checker)', () => {
    const a = analyze('version: 1\n');
    // @ts-expect-error the facade's Analysis hides the tree
    assert.equal(typeof a.doc === 'object' || a.doc === undefined, true);
    const host = new EngineHost();
    host.setFile('/a.productteam.yaml', 'version: 1\n');
    const view = host.snapshot().analysis('/a.productteam.yaml')!;
    // @ts-expect-error so does a snapshot's
    assert.ok(view.doc !== null);
  });
});
