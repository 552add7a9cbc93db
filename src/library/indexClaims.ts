/**
 * How the index thread and the main thread share out the paragraphs without either indexing one twice: one 64-bit
 * word holds how many paragraphs the thread has claimed (low half) and how many it may claim (high half). The
 * thread claims the next paragraph only while below the limit, by compare-and-swap; the main thread sets the limit
 * the same way. A claim and the limit can then never cross: whatever the timing, the thread indexes exactly the
 * first `limit` paragraphs.
 */
export const NO_LIMIT = 0x7fffffff;

export const withLimit = (claimed: number, limit: number): bigint => (BigInt(limit) << 32n) | BigInt(claimed);
export const claimedOf = (word: bigint): number => Number(word & 0xffffffffn);
export const limitOf = (word: bigint): number => Number(word >> 32n);

/** Claims the next paragraph: its number, or null once the limit is reached. */
export function claimNext(claims: BigInt64Array): number | null {
  for (;;) {
    const current = Atomics.load(claims, 0);
    const claimed = claimedOf(current);
    if (claimed >= limitOf(current)) return null;
    if (Atomics.compareExchange(claims, 0, current, current + 1n) === current) return claimed;
  }
}
