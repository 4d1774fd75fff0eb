// The schema cut where a keystroke lands: one validator per kind of entry
// (`$defs/person`, `product`, `team`) and one for the root's skeleton (the
// file with every entry of `people`, `products` and `teams` left to those).
// A keystroke then validates the entry it changed and the skeleton; the
// other entries' results are cached by their value (schema.ts). The errors
// are ajv's own for the whole schema: inside a `$ref`, ajv's schemaPath is
// relative to the referenced schema, so only the instancePath needs its
// prefix. Shared by the runtime compile (validators.ts) and the build, which
// compiles the same validators ahead of time (scripts/build.mjs).
import schemaJson from '../../../../schemas/productteam.schema.json';

export const SCHEMA = schemaJson as Record<string, unknown>;

/** The sections whose entries are validated one by one, and the `$defs` each entry is. */
export const ENTRY_DEFS = { people: 'person', products: 'product', teams: 'team' } as const;
export type EntryKind = (typeof ENTRY_DEFS)[keyof typeof ENTRY_DEFS];

/** The ajv options every validator is compiled with (errors carry the data and schema the messages read). */
export const AJV_OPTIONS = { allErrors: true, strict: false, verbose: true } as const;

/** The id under which the skeleton is added to ajv (its `$ref`s still reach the schema's `$defs`). */
const SKELETON_ID = 'https://productteam.dev/schemas/productteam.skeleton.json';

/** The root schema without the sections' `additionalProperties` (each entry is validated on its own). */
export function skeletonSchema(): Record<string, unknown> {
  const id = String(SCHEMA.$id);
  const properties = { ...(SCHEMA.properties as Record<string, Record<string, unknown>>) };
  for (const section of Object.keys(ENTRY_DEFS)) {
    const rest = { ...properties[section] };
    delete rest.additionalProperties;
    properties[section] = rest;
  }
  // `$defs` references are made absolute: the skeleton is a schema of its own.
  const absolute = (v: unknown): unknown =>
    Array.isArray(v)
      ? v.map(absolute)
      : v && typeof v === 'object'
        ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, k === '$ref' && typeof x === 'string' && x.startsWith('#') ? id + x : absolute(x)]))
        : v;
  const root: Record<string, unknown> = { ...SCHEMA, $id: SKELETON_ID, properties };
  delete root.$defs;
  return absolute(root) as Record<string, unknown>;
}

/** Validator name → the schema id it compiles (for ajv's getSchema and its standalone code). */
export function validatorRefs(): Record<'root' | EntryKind, string> {
  const id = String(SCHEMA.$id);
  return { root: SKELETON_ID, person: `${id}#/$defs/person`, product: `${id}#/$defs/product`, team: `${id}#/$defs/team` };
}
