// yaml-syntax: the file must parse. Duplicate keys count: ids are map keys, so
// a duplicate id is a duplicate key. yaml's own error code travels in `data`.
import type { Rule } from './rule';

export const yamlSyntax: Rule = {
  id: 'yaml-syntax',
  defaultSeverity: 'error',
  description: 'The YAML does not parse (including duplicate keys).',
  seeds: [],
  check(ctx) {
    for (const err of ctx.doc.errors) {
      const start = err.pos[0];
      let end = err.pos[1];
      if (err.code === 'DUPLICATE_KEY') {
        // yaml points at the key's first character; cover the whole key.
        const m = /^(?:"(?:[^"\\\n]|\\.)*"|'(?:[^'\n]|'')*'|[^\s:#,[\]{}]+(?: [^\s:#,[\]{}]+)*)/.exec(ctx.text.slice(start, start + 500));
        if (m) end = start + m[0].length;
      }
      if (end <= start) end = Math.min(ctx.text.length, start + 1);
      const message = err.code === 'DUPLICATE_KEY' ? `Duplicate key '${ctx.text.slice(start, end)}': each id may appear once.` : err.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
      ctx.report({ start, end }, message, { code: err.code });
    }
  },
};
