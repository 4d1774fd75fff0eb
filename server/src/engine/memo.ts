// What the engine remembers about an object (a YAML node, a document, a plain
// value), kept on the object itself under a symbol of its own, not in a
// module-level WeakMap. V8's young-generation GC treats a WeakMap's entries as
// live, so a WeakMap that outlives the documents pins every node and value it
// holds until the next full GC: the CLI on 2,000 small files promoted 110 MB
// of such garbage and peaked at twice the memory of a bare parse. On the
// object, the memo dies with it.
//
// On a YAML node (`memo`) it is a plain store, as quick as a field; nothing
// copies or compares nodes property by property. On a plain value that other
// code reads (`hiddenMemo`: the data ajv validates) it is not enumerable, so
// ajv, JSON, spreads and deep equality do not see it.

export interface Memo<K extends object, V> {
  get(o: K): V | undefined;
  set(o: K, v: V): V;
}

export function memo<K extends object, V>(name: string): Memo<K, V> {
  const key = Symbol(name);
  return {
    get: (o) => (o as Record<symbol, V | undefined>)[key],
    set: (o, v) => ((o as Record<symbol, V>)[key] = v),
  };
}

export function hiddenMemo<K extends object, V>(name: string): Memo<K, V> {
  const key = Symbol(name);
  return {
    get: (o) => (o as Record<symbol, V | undefined>)[key],
    set: (o, v) => {
      Object.defineProperty(o, key, { value: v, writable: true, configurable: true, enumerable: false });
      return v;
    },
  };
}
