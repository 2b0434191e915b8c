/*
 * A fixed piece of work timed before and after the measured runs, to show how busy the shared machine was.
 * Its speed changes with what the neighbours do: on 2026-11-29 this loop took from 11.4 ms to
 * 22 ms within minutes (a first version of it varied as much pinned to either core, while a loop
 * of arithmetic alone stayed steady), and the bench's median was 200 ms at a check of 14.7 ms
 * and 328 ms at 30.9 ms. A run's figure means little without knowing which machine it met. The
 * work is like a comparison's: reading characters and hashing them into a table, here 2 MB of
 * them four times over, so that it adds little to the peak memory measured.
 */
const PASSES = 4;
let characters: Uint16Array | null = null;
let table: Int32Array | null = null;

/** How long the fixed work takes now, in milliseconds. */
export function machineCheck(): number {
  characters ??= new Uint16Array(1_000_000).map((_, i) => (i * 7919) & 0xffff);
  table ??= new Int32Array(1 << 15);
  const start = performance.now();
  let hash = 0;
  for (let pass = 0; pass < PASSES; pass++) {
    for (let i = 0; i < characters.length; i++) {
      hash = Math.imul(hash ^ characters[i]!, 16777619);
      table[hash & 32767]!++;
    }
  }
  return performance.now() - start;
}
