// The floor for the CLI benchmark: what any YAML linter with a JSON schema must
// do per file, and nothing more: read it, yaml's parseDocument, toJS, and ajv
// (the schema compiled once). Prints the count of files and of schema errors.
//   node bench/cli-floor.cjs <dir>
'use strict';
const { readdirSync, readFileSync } = require('node:fs');
const { join } = require('node:path');
const { parseDocument } = require('yaml');
const Ajv2020 = require('ajv/dist/2020').default;

const dir = process.argv[2];
const validate = new Ajv2020({ allErrors: true, strict: false }).compile(
  JSON.parse(readFileSync(join(__dirname, '../schemas/productteam.schema.json'), 'utf8')),
);
let files = 0;
let errors = 0;
for (const name of readdirSync(dir).sort()) {
  if (!name.endsWith('.productteam.yaml')) continue;
  const doc = parseDocument(readFileSync(join(dir, name), 'utf8'));
  if (!validate(doc.toJS())) errors += validate.errors.length;
  errors += doc.errors.length;
  files++;
}
process.stdout.write(JSON.stringify({ files, errors }) + '\n');
