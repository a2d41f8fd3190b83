// How much fuzzing a run does: a fast, fixed amount in `npm test`, much more with FUZZ_LONG=1
// (`npm run fuzz`). Every case is seeded, so a failure names its seed and replays exactly:
// FUZZ_SEED=1234 picks another base seed for a long exploratory run.

export const long = process.env.FUZZ_LONG === '1';
export const baseSeed = Number(process.env.FUZZ_SEED ?? 20240611) >>> 0;

export const settings = long
  ? { mutationsPerExample: 4000, generatedDeals: 600, truncationStep: 1, bigFileBytes: 10_000_000, mutatedGenerated: 300 }
  : { mutationsPerExample: 150, generatedDeals: 60, truncationStep: 9, bigFileBytes: 1_000_000, mutatedGenerated: 20 };
