// Reads the published JSON schema for hovers and completion: what a key
// means, which keys an object takes, which values an enum allows. The schema
// file is the single source of those descriptions (other YAML tools read it
// too), so neither the engine nor the server restates them.
import schemaJson from '../../../../schemas/productteam.schema.json';

export interface SchemaNode {
  $ref?: string;
  title?: string;
  description?: string;
  markdownDescription?: string;
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  enumDescriptions?: string[];
  markdownEnumDescriptions?: string[];
  properties?: Record<string, SchemaNode>;
  patternProperties?: Record<string, SchemaNode>;
  additionalProperties?: SchemaNode | boolean;
  items?: SchemaNode;
  anyOf?: SchemaNode[];
  oneOf?: SchemaNode[];
  allOf?: SchemaNode[];
  default?: unknown;
}

const ROOT = schemaJson as unknown as SchemaNode & { $defs?: Record<string, SchemaNode> };

function deref(node: SchemaNode | undefined, depth = 0): SchemaNode | undefined {
  if (!node || depth > 10) return node;
  if (node.$ref) {
    const m = /^#\/(\$defs|definitions)\/(.+)$/.exec(node.$ref);
    const target = m ? (ROOT as unknown as Record<string, Record<string, SchemaNode> | undefined>)[m[1]]?.[m[2]] : undefined;
    if (!target) return node;
    // Keep the referring node's own words (title, descriptions) over the definition's.
    const own: SchemaNode = { ...node };
    delete own.$ref;
    return { ...deref(target, depth + 1), ...own };
  }
  return node;
}

/** A node and the alternatives it allows (anyOf/oneOf/allOf), all dereferenced. */
function alternatives(node: SchemaNode | undefined): SchemaNode[] {
  const n = deref(node);
  if (!n) return [];
  const alts = [...(n.anyOf ?? []), ...(n.oneOf ?? []), ...(n.allOf ?? [])];
  return [n, ...alts.flatMap((a) => alternatives(a))];
}

function child(node: SchemaNode | undefined, segment: string | number): SchemaNode | undefined {
  for (const n of alternatives(node)) {
    if (typeof segment === 'number') {
      if (n.items) return deref(n.items);
      continue;
    }
    const prop = n.properties?.[segment];
    if (prop) return deref(prop);
    for (const [pattern, p] of Object.entries(n.patternProperties ?? {})) {
      if (safeTest(pattern, segment)) return deref(p);
    }
    if (n.additionalProperties && typeof n.additionalProperties === 'object') return deref(n.additionalProperties);
  }
  return undefined;
}

function safeTest(pattern: string, s: string): boolean {
  try {
    return new RegExp(pattern, 'u').test(s);
  } catch {
    return false;
  }
}

/** The schema of the node at a YAML path (keys and list indexes), dereferenced. */
export function schemaAt(path: readonly (string | number)[]): SchemaNode | undefined {
  let node: SchemaNode | undefined = deref(ROOT);
  for (const seg of path) {
    node = child(node, seg);
    if (!node) return undefined;
  }
  return node;
}

/** Markdown that describes a node: its title and its markdownDescription (or description). */
export function describe(node: SchemaNode | undefined): string | undefined {
  if (!node) return undefined;
  const body = node.markdownDescription ?? node.description;
  if (!body && !node.title) return undefined;
  return node.title && body ? `**${node.title}**\n\n${body}` : (body ?? `**${node.title}**`);
}

export interface PropertyInfo {
  name: string;
  node: SchemaNode;
  required: boolean;
}

/** The named properties an object at `path` takes (not ids under additionalProperties). */
export function propertiesAt(path: readonly (string | number)[]): PropertyInfo[] {
  const out: PropertyInfo[] = [];
  const seen = new Set<string>();
  for (const n of alternatives(schemaAt(path))) {
    const required = new Set((n as { required?: string[] }).required ?? []);
    for (const [name, p] of Object.entries(n.properties ?? {})) {
      if (seen.has(name)) continue;
      seen.add(name);
      out.push({ name, node: deref(p) ?? p, required: required.has(name) });
    }
  }
  return out;
}

/** Whether the object at `path` is keyed by user ids (people, products, teams, domains). */
export function isIdMap(path: readonly (string | number)[]): boolean {
  return alternatives(schemaAt(path)).some((n) => typeof n.additionalProperties === 'object');
}

export interface EnumValue {
  value: string | number | boolean;
  description?: string;
  markdownDescription?: string;
}

/** The allowed scalar values at `path` (enum or const), with their descriptions. */
export function enumValuesAt(path: readonly (string | number)[]): EnumValue[] {
  const out: EnumValue[] = [];
  for (const n of alternatives(schemaAt(path))) {
    n.enum?.forEach((v, i) => {
      if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') {
        const e: EnumValue = { value: v };
        const d = n.enumDescriptions?.[i];
        const md = n.markdownEnumDescriptions?.[i];
        if (d) e.description = d;
        if (md) e.markdownDescription = md;
        out.push(e);
      }
    });
    if (n.const !== undefined && (typeof n.const === 'string' || typeof n.const === 'number')) {
      const e: EnumValue = { value: n.const };
      if (n.description) e.description = n.description;
      out.push(e);
    }
  }
  return out;
}

/** Whether values at `path` are objects (a key there opens a block). */
export function isObjectAt(path: readonly (string | number)[]): boolean {
  return alternatives(schemaAt(path)).some((n) => n.type === 'object' || (Array.isArray(n.type) && n.type.includes('object')) || !!n.properties);
}

export function isArrayAt(path: readonly (string | number)[]): boolean {
  return alternatives(schemaAt(path)).some((n) => n.type === 'array');
}
