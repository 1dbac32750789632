/**
 * A stable LSD radix argsort: `rows` reordered so that their keys ascend, equal keys keeping
 * their given order. A row's key is the unsigned integer whose 32-bit words are
 * `words[0][row]` (most significant), `words[1][row]`, ... Digits are 8 bits for short inputs
 * (fewer buckets to clear and sum) and 16 bits for long ones; a digit every row shares costs one
 * counting pass and no move.
 */
export function radixOrder(rows: Uint32Array, words: readonly Uint32Array[]): Uint32Array {
  const n = rows.length;
  let order = Uint32Array.from(rows);
  if (n < 2) return order;
  const digitBits = n < 1 << 14 ? 8 : 16;
  const buckets = 1 << digitBits;
  const mask = buckets - 1;
  let spare = new Uint32Array(n);
  const counts = new Uint32Array(buckets);
  for (let w = words.length - 1; w >= 0; w--) {
    const keys = words[w];
    for (let shift = 0; shift < 32; shift += digitBits) {
      counts.fill(0);
      for (let k = 0; k < n; k++) counts[(keys[order[k]] >>> shift) & mask]++;
      if (counts[(keys[order[0]] >>> shift) & mask] === n) continue;
      let total = 0;
      for (let d = 0; d < buckets; d++) {
        const c = counts[d];
        counts[d] = total;
        total += c;
      }
      for (let k = 0; k < n; k++) {
        const i = order[k];
        spare[counts[(keys[i] >>> shift) & mask]++] = i;
      }
      [order, spare] = [spare, order];
    }
  }
  return order;
}
