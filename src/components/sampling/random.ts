/** @module A seeded random generator for the sampling transformations (same seed, same input → same sample). */

/** mulberry32: a small, fast, seedable generator of numbers in [0, 1). Seed 0 = seeded from the clock, as SSIS does. */
export function seededRandom(seed: number): () => number {
  let a = (seed === 0 ? Date.now() : seed) >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
