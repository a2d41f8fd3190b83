// Moving what an edit shifted: every text offset in a tree, a model or a derived value is inside
// a `{ start, end }` span, so moving them moves it all.
import type { Span } from '../language/ast';
import { FacetStore } from '../model/facets';

/**
 * Moves every span reachable from `roots` (syntax trees, models, totals) by `delta`, each span
 * object once however many nodes share it. Spans are the only plain objects with numeric
 * `start` and `end`; decimals and other class instances hold none and are not entered.
 */
export function moveSpans(roots: unknown[], delta: number): void {
  const seen = new Set<object>();
  const stack: unknown[] = [...roots];
  while (stack.length > 0) {
    const value = stack.pop();
    if (typeof value !== 'object' || value === null || seen.has(value)) continue;
    seen.add(value);
    if (Array.isArray(value)) {
      for (const item of value) if (typeof item === 'object') stack.push(item);
      continue;
    }
    if (value instanceof FacetStore) {
      // What was derived from the deal moves with it (see model/facets).
      for (const item of value.computed()) if (typeof item === 'object') stack.push(item);
      continue;
    }
    if (value instanceof Map) {
      for (const item of value.values()) if (typeof item === 'object') stack.push(item);
      continue;
    }
    if (Object.getPrototypeOf(value) !== Object.prototype) continue;
    const record = value as Record<string, unknown>;
    if (typeof record.start === 'number' && typeof record.end === 'number') {
      record.start += delta;
      record.end += delta;
      continue;
    }
    for (const key in record) {
      const item = record[key];
      if (typeof item === 'object' && item !== null) stack.push(item);
    }
  }
}

/**
 * Moves the spans of syntax trees by `delta`, and the spans in `also` (which may be the trees'
 * own: a diagnostic points at a node's span), each span once. A syntax tree shares no object
 * between its nodes, so it is walked without remembering what was seen: the quick way to move
 * the rest of a long deal after an edit inside it.
 */
export function moveTreeSpans(trees: unknown[], also: readonly Span[], delta: number): void {
  const moved = new Set<Span>(also);
  for (const span of moved) { span.start += delta; span.end += delta; }
  const stack: unknown[] = trees.slice();
  while (stack.length > 0) {
    const value = stack.pop() as Record<string, unknown>;
    if (Array.isArray(value)) {
      for (const item of value) if (typeof item === 'object' && item !== null) stack.push(item);
      continue;
    }
    if (Object.getPrototypeOf(value) !== Object.prototype) continue;
    if (typeof value.start === 'number' && typeof value.end === 'number') {
      if (!moved.has(value as unknown as Span)) { value.start += delta; value.end += delta; }
      continue;
    }
    for (const key in value) {
      const item = value[key];
      if (typeof item === 'object' && item !== null) stack.push(item);
    }
  }
}
