// The schema's validators, compiled when first needed. The bundles built by
// scripts/build.mjs replace this module with the same validators compiled
// ahead of time (ajv's standalone code), so that the first open does not
// spend its time compiling the schema; tests that run the TypeScript source
// compile here, and test/schema-validators.test.ts checks both agree.
import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020';
import { AJV_OPTIONS, SCHEMA, skeletonSchema, validatorRefs, type EntryKind } from './schemaParts';

export type Validators = Record<'root' | EntryKind, ValidateFunction>;

/** An ajv instance holding the schema and its skeleton (`code` options for the build's standalone code). */
export function schemaAjv(code?: { source: boolean }): Ajv2020 {
  const ajv = new Ajv2020(code ? { ...AJV_OPTIONS, code } : AJV_OPTIONS);
  ajv.addSchema(SCHEMA);
  ajv.addSchema(skeletonSchema());
  return ajv;
}

let compiled: Validators | undefined;

export function loadValidators(): Validators {
  if (!compiled) {
    const ajv = schemaAjv();
    const refs = validatorRefs();
    const get = (ref: string) => {
      const v = ajv.getSchema(ref);
      if (!v) throw new Error(`schema ${ref} not found`);
      return v;
    };
    compiled = { root: get(refs.root), person: get(refs.person), product: get(refs.product), team: get(refs.team) };
  }
  return compiled;
}
