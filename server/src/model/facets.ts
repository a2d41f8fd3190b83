// What the tools derive from one analysed deal (its symbols, scenario rollups, rNPV, semantic
// tokens, folding, CodeLens, inlay hints…), computed on first use and kept on the deal's model
// until the deal changes: an edit makes a new model for the edited deal only, so every other
// deal keeps what was derived from it. Nothing is kept in module-level tables.
//
// A deal that moves in the text (an edit before it) has its facets moved with it: re-analysis
// moves every `{ start, end }` span reachable from a facet's value, as it moves the syntax tree.
// So a facet holds text offsets only inside such spans, or inside a class instance (which is not
// entered) whose offsets count from the deal's own start.

export class FacetStore {
  /** Made on first use: a file of many deals most of which nobody asks about keeps no map each. */
  private values?: Map<object, unknown>;
  /** What the deal's previous model had derived, when this model is of the same deal after an
   * edit inside one of its terms: facets built term by term take over what the terms the edit did
   * not touch gave (their nodes are shared by both trees). Only one model back is kept. */
  private earlier?: Map<object, unknown>;

  /** The value kept under `key`, computed now if it is not kept yet. */
  get<T>(key: object, compute: () => T): T {
    if (this.values?.has(key)) return this.values.get(key) as T;
    const value = compute();
    (this.values ??= new Map()).set(key, value);
    return value;
  }

  /** The value kept under `key`, if it has been computed. */
  peek<T>(key: object): T | undefined {
    return this.values?.get(key) as T | undefined;
  }

  /** Takes over, for `carried`, what `previous` (the deal's model before an edit inside one
   * term) has derived so far. */
  inherit(previous: FacetStore): void {
    this.earlier = previous.values;
  }

  /** The value the previous model kept under `key`, if it had computed one. */
  carried<T>(key: object): T | undefined {
    return this.earlier?.get(key) as T | undefined;
  }

  /** Keeps `value` under `key`, as if computed (a value carried over from an earlier model). */
  set(key: object, value: unknown): void {
    (this.values ??= new Map()).set(key, value);
  }

  /** Every value computed so far (re-analysis moves their spans with the deal). */
  computed(): unknown[] {
    return this.values ? [...this.values.values()] : [];
  }
}

/**
 * Values derived term by term (per payment item, by its node or its resolved item): `of` takes
 * over what the previous analysis derived for a term the edit did not touch (`earlier`: its
 * `kept`, while what the values depend on stands), or derives it now; either way it is kept for
 * the next analysis. Only the map is handed on, so nothing older than one analysis is held.
 */
export class TermValues<K extends object, V> {
  readonly kept = new Map<K, V>();
  constructor(private readonly earlier?: ReadonlyMap<K, V>) {}

  of(term: K, derive: (term: K) => V): V {
    let value = this.earlier?.get(term);
    if (value === undefined) value = derive(term);
    this.kept.set(term, value);
    return value;
  }
}

/**
 * Values derived item by item over a list of a deal's parts (its payment items, or its payments
 * as resolved, always in the same order), handed from one analysis to the next. After an edit
 * inside one term the items are the very objects they were, in the same order, but the edited
 * one: the list before and the list after agree on a beginning and an end, found by comparing
 * references alone, and only the items between are derived again (all of them when there is no
 * `earlier`, or what the values depend on has changed). Nothing reads the items to find this:
 * in a long deal, touching each of ten thousand items costs more than the edit. Only the lists
 * are handed on, so nothing older than one analysis is held.
 */
export class ItemValues<K extends object, V> {
  private constructor(readonly items: readonly K[], readonly values: readonly V[]) {}

  static of<K extends object, V>(items: readonly K[], derive: (item: K, index: number) => V, earlier?: ItemValues<K, V>): ItemValues<K, V> {
    const before = earlier?.items ?? [];
    const shorter = Math.min(items.length, before.length);
    let same = 0;
    while (same < shorter && items[same] === before[same]) same++;
    let sameAtEnd = 0;
    while (sameAtEnd < shorter - same && items[items.length - 1 - sameAtEnd] === before[before.length - 1 - sameAtEnd]) sameAtEnd++;
    const values = new Array<V>(items.length);
    const moved = before.length - items.length;
    for (let i = 0; i < same; i++) values[i] = earlier!.values[i];
    for (let i = same; i < items.length - sameAtEnd; i++) values[i] = derive(items[i], i);
    for (let i = items.length - sameAtEnd; i < items.length; i++) values[i] = earlier!.values[i + moved];
    return new ItemValues(items, values);
  }
}

/** A derived value of a deal model, computed once per model: `const rnpvOf = modelFacet(computeRnpv)`. */
export function modelFacet<M extends { facets: FacetStore }, T>(compute: (model: M) => T): (model: M) => T {
  const key = {};
  return (model) => model.facets.get(key, () => compute(model));
}
