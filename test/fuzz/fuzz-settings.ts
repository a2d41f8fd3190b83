// How much fuzzing a run does: a fast, fixed amount in `npm test`, much more with FUZZ_LONG=1
// (`npm run fuzz`). Every case is seeded, so a failure names its seed and replays exactly:
// FUZZ_SEED=1234 picks another base seed for a long exploratory run.

export const long = process.env.FUZZ_LONG === '1';
export const baseSeed = Number(process.env.FUZZ_SEED ?? 20240611) >>> 0;

export const settings = long
  ? { mutationsPerExample: 4000, generatedDeals: 600, truncationStep: 1, bigFileBytes: 10_000_000, mutatedGenerated: 300 }
  : { mutationsPerExample: 150, generatedDeals: 60, truncationStep: 9, bigFileBytes: 1_000_000, mutatedGenerated: 20 };

/** mulberry32: small, well mixed and seedable, so no case depends on Math.random. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface Rng {
  next(): number;
  int(min: number, max: number): number;
  pick<T>(list: readonly T[]): T;
}

export function rng(seed: number): Rng {
  const next = random(seed);
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick: (list) => list[Math.floor(next() * list.length)],
  };
}
