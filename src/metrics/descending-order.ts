import { radixOrder } from "../core/radix-order.js";

/**
 * The rows sorted by value, largest first, ties kept in the given order: numpy's stable
 * descending argsort. A radix sort on keys made from the float bits keeps it linear; short
 * inputs use a comparison sort.
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
  return radixOrder(rows, [high, low]);
}
