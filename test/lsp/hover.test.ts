// Hovers over the wire (SPEC section 5): roles and stances quoted from the
// seeds, findings with both sides of the role-split debate, people, schema.
import * as assert from 'node:assert/strict';
import { ruleDocsUrl } from '../../server/src/engine';
import {
  EVERY_STANCE_NOTE_ID,
  QUOTES,
  ROLES,
  STANCE_INFO,
  attribution,
  quoteById,
  quotesForStance,
  type Quote,
} from '../../server/src/engine/knowledge/knowledge';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { LspClient, ROOT, positionOf, type Position } from './client';
import { CLEAN, variant } from './texts';

interface Hover {
  contents: { kind: string; value: string };
  range?: { start: Position; end: Position };
}

let n = 0;

/** The quotes (text and attribution) that a markdown string contains verbatim. */
function quotesIn(markdown: string, pool: readonly Quote[] = QUOTES): Quote[] {
  return pool.filter((q) => markdown.includes(q.text) && markdown.includes(attribution(q)));
}

describe('lsp: hover', function () {
  let client: LspClient;
  before(async () => {
    client = await LspClient.start();
  });
  after(async () => {
    await client?.stop();
  });

  async function hover(text: string, at: Position): Promise<Hover | null> {
    const uri = `file:///work/hover-${++n}.productteam.yaml`;
    client.open(uri, text);
    await client.diagnostics(uri, 1);
    return client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: at });
  }

  for (const role of ['productManager', 'owner', 'scrumMaster'] as const) {
    it(`explains the ${role} role with verbatim, attributed quotes`, async () => {
      const needle = role === 'owner' ? '    owner: alice' : role;
      const h = (await hover(CLEAN, positionOf(CLEAN, needle, role === 'owner' ? 5 : 2)))!;
      assert.equal(h.contents.kind, 'markdown');
      const md = h.contents.value;
      assert.ok(md.includes(ROLES[role].title), md);
      const quoted = quotesIn(md);
      assert.ok(quoted.length >= 1 && quoted.length <= 3, `1-3 quotes, got ${quoted.length}:\n${md}`);
      for (const q of quoted) assert.equal(q.stance, undefined, `a role hover takes no side: ${q.id}`);
    });
  }

  it('explains productOwner on a domain', async () => {
    const text = variant('        productManager: alice\n', '        productManager: alice\n        productOwner: alice\n');
    const h = (await hover(text, positionOf(text, 'productOwner', 3)))!;
    assert.ok(h.contents.value.includes(ROLES.productOwner.title));
    assert.ok(quotesIn(h.contents.value).length >= 1);
  });

  it("on a role-split finding: why it fired first, one quote per stance, Aaron's note and the rule page", async () => {
    const text = variant('        productManager: alice\n', '        productManager: alice\n        productOwner: bob\n');
    const h = (await hover(text, positionOf(text, 'productOwner: bob', 15)))!;
    const md = h.contents.value;
    const finding = md.split('\n\n---\n\n')[0];
    assert.match(finding, /^\*\*role-split\*\* \(warning\)/);
    const order = [
      STANCE_INFO.combined.quoteId,
      STANCE_INFO.separated.quoteId,
      STANCE_INFO.contextual.quoteId,
      STANCE_INFO['outcomes-first'].quoteId,
      EVERY_STANCE_NOTE_ID,
    ];
    const at = order.map((id) => finding.indexOf(quoteById(id)!.text));
    for (const [i, id] of order.entries()) assert.ok(at[i] >= 0 && finding.includes(attribution(quoteById(id)!)), `${id} in\n${finding}`);
    assert.deepEqual(
      [...at].sort((x, y) => x - y),
      at,
      'the combined stance made it fire, so its quote comes first',
    );
    assert.equal(quotesIn(finding).length, 5, finding);
    assert.ok(finding.includes(ruleDocsUrl('role-split')), 'links the rule page');
    assert.ok(finding.length < 1500, `${finding.length} characters`);
    // The finding comes first, then what the reference is.
    assert.ok(md.indexOf('role-split') < md.indexOf('Bob Chen'), md);
    assert.deepEqual(h.range, { start: { line: 31, character: 22 }, end: { line: 31, character: 25 } });
  });

  it('on another finding: the finding, why it matters and the rule page', async () => {
    const text = variant('productManager: alice', 'productManager: alcie');
    const h = (await hover(text, positionOf(text, 'alcie', 1)))!;
    assert.match(h.contents.value, /unknown-reference/);
    assert.match(h.contents.value, /Why it matters/);
    assert.ok(h.contents.value.includes(ruleDocsUrl('unknown-reference')));
  });

  it('on a stance value: the school of thought first, then the other three, one quote each, and what the rules do', async () => {
    for (const stance of ['combined', 'separated', 'contextual', 'outcomes-first'] as const) {
      const text = variant('stance: combined', `stance: ${stance}`);
      const h = (await hover(text, positionOf(text, `stance: ${stance}`, 9)))!;
      const md = h.contents.value;
      assert.ok(md.startsWith(`### Stance: ${STANCE_INFO[stance].label}`), md);
      assert.ok(md.includes(STANCE_INFO[stance].rules), 'what the rules will do');
      const quoted = quotesIn(md);
      assert.deepEqual(quoted.map((q) => q.stance).sort(), ['combined', 'contextual', 'outcomes-first', 'separated'], md);
    }
  });

  it('on a stage, lifecycle or framework value: what the rules do, in plain words', async () => {
    for (const [from, to, needle] of [
      ['stage: scaleup', 'stage: enterprise', 'enterprise'],
      ['    name: Acme Payments\n', '    name: Acme Payments\n    lifecycle: mature\n', 'mature'],
      ['  stage: scaleup\n', '  stage: scaleup\n  framework: scrum\n', 'scrum'],
    ] as const) {
      const text = variant(from, to);
      const h = (await hover(text, positionOf(text, needle, 2)))!;
      assert.ok(h, needle);
      assert.ok(h.contents.value.includes(`\`${needle}\``), h.contents.value);
      assert.match(h.contents.value, /role-split/);
      assert.equal(quotesIn(h.contents.value).length, 0, h.contents.value);
    }
  });

  it('on a person reference: name, title, discipline and every role held', async () => {
    const h = (await hover(CLEAN, positionOf(CLEAN, 'productManager: alice', 17)))!;
    const md = h.contents.value;
    for (const s of ['Alice Moreau', 'Head of Product', 'product', 'Accountable owner of product', 'Product manager of domain', 'Product owner of domain']) {
      assert.ok(md.includes(s), `${s} in\n${md}`);
    }
    const member = (await hover(CLEAN, positionOf(CLEAN, 'members: [bob', 10)))!;
    assert.match(member.contents.value, /Bob Chen/);
    assert.match(member.contents.value, /Member of team/);
  });

  it('on a team reference: the team, its people and the domains it serves', async () => {
    const h = (await hover(CLEAN, positionOf(CLEAN, 'teams: [checkout-squad]', 9)))!;
    assert.match(h.contents.value, /Checkout Squad/);
    assert.match(h.contents.value, /Erin Fox/);
  });

  it('on any other key: the schema description', async () => {
    const schema = JSON.parse(fs.readFileSync(path.join(ROOT, 'schemas', 'productteam.schema.json'), 'utf8')) as {
      properties: Record<string, { markdownDescription?: string; description?: string }>;
    };
    const h = (await hover(CLEAN, positionOf(CLEAN, 'people:', 1)))!;
    const people = schema.properties.people;
    assert.ok(h.contents.value.includes((people.markdownDescription ?? people.description)!), h.contents.value);
  });

  it('on keys: schema descriptions for vision, outcomes, decisionAuthority', async () => {
    for (const [key, expected] of [
      ['vision', /vision/i],
      ['outcomes', /outcome/i],
      ['decisionAuthority', /decision/i],
    ] as const) {
      const h = (await hover(CLEAN, positionOf(CLEAN, `${key}:`, 1)))!;
      assert.ok(h, key);
      assert.match(h.contents.value, expected);
      assert.equal(quotesIn(h.contents.value).length, 0);
    }
  });

  it('on the examples: role keys and role-split findings', async function () {
    const dir = path.join(ROOT, 'examples');
    const files = fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith('.productteam.yaml')) : [];
    for (const f of files) {
      const text = fs.readFileSync(path.join(dir, f), 'utf8');
      const uri = `file:///work/examples/${++n}-${f}`;
      client.open(uri, text);
      const ds = await client.diagnostics(uri, 1);
      const pm = /^ +productManager:/m.exec(text);
      if (pm && !ds.some((d) => d.code === 'yaml-syntax')) {
        const h = (await client.request<Hover>('textDocument/hover', { textDocument: { uri }, position: positionOf(text, pm[0], pm[0].length - 3) }))!;
        assert.ok(quotesIn(h.contents.value).length >= 1, `${f}: productManager hover`);
      }
      for (const d of ds.filter((x) => x.code === 'role-split')) {
        const h = (await client.request<Hover>('textDocument/hover', { textDocument: { uri }, position: d.range.start }))!;
        assert.ok(quotesIn(h.contents.value, quotesForStance('combined')).length >= 1, f);
        assert.ok(quotesIn(h.contents.value, quotesForStance('separated')).length >= 1, f);
      }
    }
    if (files.length === 0) this.skip();
  });

  it('returns null where there is nothing to say', async () => {
    const h = await hover(CLEAN, { line: 1, character: 0 });
    assert.equal(h, null);
  });
});
