/**
 * The rows sorted by value, largest first, ties kept in the given order: numpy's stable
 * descending argsort. An LSD radix sort on the float bits (four 16-bit digits) keeps it linear;
 * short inputs use a comparison sort.
 */
export function descendingOrder(values: Float64Array, rows: Uint32Array): Uint32Array {
  const n = rows.length;
  if (n < 512) return Uint32Array.from(Array.from(rows).sort((a, b) => values[b] - values[a] || a - b));
  const view = new DataView(new ArrayBuffer(8));
  const high = new Uint32Array(values.length);
  const low = new Uint32Array(values.length);
  for (let k = 0; k < n; k++) {
    const i = rows[k];
    // + 0 turns -0 into +0 so that both zeros share one key.
    view.setFloat64(0, values[i] + 0);
    const h = view.getUint32(0);
    const l = view.getUint32(4);
    // Descending keys: negatives keep their bits; non-negatives flip every bit but the sign.
    if (h >>> 31 === 1) {
      high[i] = h;
      low[i] = l;
    } else {
      high[i] = h ^ 0x7fffffff;
      low[i] = ~l >>> 0;
    }
  }
  let order = Uint32Array.from(rows);
  let spare = new Uint32Array(n);
  const counts = new Uint32Array(65536);
  for (let pass = 0; pass < 4; pass++) {
    const keys = pass < 2 ? low : high;
    const shift = pass % 2 === 0 ? 0 : 16;
    counts.fill(0);
    for (let k = 0; k < n; k++) counts[(keys[order[k]] >>> shift) & 0xffff]++;
    if (counts[(keys[order[0]] >>> shift) & 0xffff] === n) continue; // every key shares this digit
    let total = 0;
    for (let d = 0; d < 65536; d++) {
      const c = counts[d];
      counts[d] = total;
      total += c;
    }
    for (let k = 0; k < n; k++) {
      const i = order[k];
      spare[counts[(keys[i] >>> shift) & 0xffff]++] = i;
    }
    [order, spare] = [spare, order];
  }
  return order;
}
