// Format knowledge, said once: which keys hold person ids and which hold team
// ids, and on what. The model (model.ts) reads references from this table,
// completion offers ids where it says, navigation and rename follow the
// model's references, and `npm run generate` writes the TextMate grammar's
// key list from it (syntaxes/productteam.tmLanguage.json).

export type ReferenceHolder = 'product' | 'domain' | 'team';

export const REFERENCE_FIELDS = [
  { holder: 'product', key: 'owner', kind: 'person' },
  { holder: 'domain', key: 'productManager', kind: 'person' },
  { holder: 'domain', key: 'productOwner', kind: 'person' },
  { holder: 'domain', key: 'owner', kind: 'person' },
  { holder: 'domain', key: 'teams', kind: 'team' },
  { holder: 'domain', key: 'stakeholders', kind: 'person' },
  { holder: 'team', key: 'scrumMaster', kind: 'person' },
  { holder: 'team', key: 'members', kind: 'person' },
] as const satisfies readonly { holder: ReferenceHolder; key: string; kind: 'person' | 'team' }[];

export type ReferenceField = (typeof REFERENCE_FIELDS)[number];

/** Every key that holds references, each once, in table order. */
export const REFERENCE_KEYS: readonly string[] = [...new Set(REFERENCE_FIELDS.map((f) => f.key))];

export function referenceFieldsOf<H extends ReferenceHolder>(holder: H): Extract<ReferenceField, { holder: H }>[] {
  return REFERENCE_FIELDS.filter((f): f is Extract<ReferenceField, { holder: H }> => f.holder === holder);
}

/** What holds the value at a YAML path (`products/p`, `products/p/domains/d`, `teams/t`), if anything does. */
export function holderAt(path: readonly (string | number)[]): ReferenceHolder | undefined {
  if (path[0] === 'products' && path.length === 2) return 'product';
  if (path[0] === 'products' && path.length === 4 && path[2] === 'domains') return 'domain';
  if (path[0] === 'teams' && path.length === 2) return 'team';
  return undefined;
}

/** The reference field at a YAML path ending in its key, if the format has one there. */
export function referenceFieldAt(path: readonly (string | number)[]): ReferenceField | undefined {
  const holder = holderAt(path.slice(0, -1));
  const key = path[path.length - 1];
  return holder && REFERENCE_FIELDS.find((f) => f.holder === holder && f.key === key);
}
