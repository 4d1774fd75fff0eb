// What is under the cursor: the YAML path to the innermost key or value at an
// offset, and the person/team reference there if any. Hover, completion,
// definition and rename all start here.
import { isMap, isScalar, isSeq, type Node, type Pair } from 'yaml';
import type { Analysis } from '../types';
import type { Ref } from '../model/model';
import type { Span } from '../types';
import { rootNode } from './nodes';

export interface Location {
  /** Keys (and list indexes) from the root to the node at the offset. */
  path: (string | number)[];
  /** Whether the offset is on a mapping key or on a value. */
  on: 'key' | 'value';
  /** The key's or value's span. */
  span: Span;
  /** The reference to a person or team at the offset, if there is one. */
  ref?: Ref;
}

const inside = (node: Node | null | undefined, offset: number): boolean => !!node?.range && node.range[0] <= offset && offset <= node.range[1];

export function locate(analysis: Analysis, offset: number): Location | undefined {
  const path: (string | number)[] = [];
  let node = rootNode(analysis.doc);
  let found: Location | undefined;
  while (node) {
    if (isMap(node)) {
      const pair = (node.items as Pair<Node, Node>[]).find((p) => inside(p.key, offset) || inside(p.value, offset));
      if (!pair) break;
      const k = isScalar(pair.key) ? String(pair.key.value) : '';
      path.push(k);
      if (inside(pair.key, offset)) {
        found = { path: [...path], on: 'key', span: { start: pair.key!.range![0], end: pair.key!.range![1] } };
        break;
      }
      node = pair.value;
      continue;
    }
    if (isSeq(node)) {
      const i = node.items.findIndex((item) => inside(item as Node, offset));
      if (i < 0) break;
      path.push(i);
      node = node.items[i] as Node;
      continue;
    }
    if (isScalar(node) && node.range) {
      found = { path: [...path], on: 'value', span: { start: node.range[0], end: node.range[1] } };
    }
    break;
  }
  if (found) {
    const ref = refAt(analysis, offset);
    if (ref) found.ref = ref;
  }
  return found;
}

/** The reference whose text contains the offset (binary search over model.refs). */
export function refAt(analysis: Analysis, offset: number): Ref | undefined {
  const refs = analysis.model.refs;
  let lo = 0;
  let hi = refs.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const r = refs[mid];
    if (offset < r.start) hi = mid - 1;
    else if (offset > r.end) lo = mid + 1;
    else return r;
  }
  return undefined;
}
