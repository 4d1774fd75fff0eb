// Format knowledge is said once: the enums in types.ts are the schema's, the
// reference fields (referenceFields.ts) are the schema's id-valued properties,
// the model reads every one of them, and the grammar colours every key.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyze, DISCIPLINES, FRAMEWORKS, LIFECYCLES, REFERENCE_FIELDS, REFERENCE_KEYS, STAGES, STANCES, TEAM_TYPES } from '../../server/src/engine';

const ROOT = path.join(__dirname, '..', '..');
type Node = { enum?: string[]; $ref?: string; type?: string; items?: Node; oneOf?: Node[]; anyOf?: Node[]; properties?: Record<string, Node> };
const schema = JSON.parse(fs.readFileSync(path.join(ROOT, 'schemas', 'productteam.schema.json'), 'utf8')) as { $defs: Record<string, Node> };
const defs = schema.$defs;

/** Every enum anywhere under a node (one value or a list of values). */
function enumOf(node: Node): string[] {
  if (node.enum) return node.enum;
  for (const n of [...(node.oneOf ?? []), ...(node.anyOf ?? []), ...(node.items ? [node.items] : [])]) {
    const e = enumOf(n);
    if (e.length) return e;
  }
  return [];
}

describe('format knowledge, said once', () => {
  it('the enums in types.ts are the schema enums', () => {
    assert.deepEqual([...STANCES], enumOf(defs.organization.properties!.stance));
    assert.deepEqual([...STAGES], enumOf(defs.organization.properties!.stage));
    assert.deepEqual([...FRAMEWORKS], enumOf(defs.organization.properties!.framework));
    assert.deepEqual([...LIFECYCLES], enumOf(defs.product.properties!.lifecycle));
    assert.deepEqual([...TEAM_TYPES], enumOf(defs.team.properties!.type));
    assert.deepEqual([...DISCIPLINES], enumOf(defs.person.properties!.discipline));
  });

  it('every reference field is a property of its holder in the schema, and the model reads each one', () => {
    for (const f of REFERENCE_FIELDS) assert.ok(defs[f.holder].properties![f.key], `${f.holder}.${f.key} is not in the schema`);
    // The schema's person-id properties ($ref personRef) are all in the table.
    for (const holder of ['product', 'domain', 'team'] as const) {
      for (const [key, node] of Object.entries(defs[holder].properties!)) {
        if (node.$ref === '#/$defs/personRef')
          assert.ok(
            REFERENCE_FIELDS.some((f) => f.holder === holder && f.key === key),
            `${holder}.${key} takes person ids but is not in the table`,
          );
      }
    }
    const text = [
      'version: 1',
      'organization: { name: Acme }',
      'people: { p: { name: P } }',
      'teams:',
      '  t: { name: T, scrumMaster: p, members: [p] }',
      'products:',
      '  x:',
      '    name: X',
      '    owner: p',
      '    domains:',
      '      d: { productManager: p, productOwner: p, owner: p, teams: [t], stakeholders: [p] }',
      '',
    ].join('\n');
    const roles = new Set(analyze(text).model.refs.map((r) => `${'product' in r.holder ? 'domain' : 'domains' in r.holder ? 'product' : 'team'}.${r.role}`));
    assert.deepEqual([...roles].sort(), REFERENCE_FIELDS.map((f) => `${f.holder}.${f.key}`).sort());
  });

  it('the grammar colours every reference key (it is generated from the table)', () => {
    const grammar = fs.readFileSync(path.join(ROOT, 'syntaxes', 'productteam.tmLanguage.json'), 'utf8');
    const alternations = grammar.match(/\(owner(?:\|[A-Za-z]+)+\)/g) ?? [];
    assert.ok(alternations.length > 0);
    for (const a of alternations) assert.deepEqual(a.slice(1, -1).split('|').sort(), [...REFERENCE_KEYS].sort());
    assert.ok(grammar.includes('stakeholders'));
  });
});
