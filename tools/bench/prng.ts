/** One deterministic random source: floats in [0, 1), integers in [min, max], picks from a list, a p-chance. */
export type Random = ReturnType<typeof createRandom>;

/** A seeded PRNG (mulberry32 on the FNV-1a hash of `seed`): the same corpus on every machine and run. */
export function createRandom(seed: string) {
  let state = 0x811c9dc5;
  for (let i = 0; i < seed.length; i++) state = Math.imul(state ^ seed.charCodeAt(i), 0x01000193);
  state >>>= 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    /** Any item, all equally likely (the lists are constants, never empty). */
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T,
    /** An item with probability falling as 1/rank (Zipf's law): the first few everywhere, most rare. */
    zipf: <T>(items: readonly T[]): T =>
      items[Math.min(items.length - 1, Math.floor(Math.exp(next() * Math.log(items.length + 1))) - 1)] as T,
    chance: (p: number) => next() < p,
  };
}
