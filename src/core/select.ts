/**
 * Moves the k-th smallest of `values[lo..hi]` (k a 0-based index into `values`, lo ≤ k ≤ hi) to
 * index k, with nothing larger before it and nothing smaller after it within the range, and
 * returns it: quickselect with median-of-three pivots, linear on average and on sorted, reversed
 * or repetitive input. The range defaults to the whole array; `values` must not hold NaN there.
 */
export function selectKth(values: Float64Array, k: number, lo = 0, hi = values.length - 1): number {
  // The smallest or largest of a range is one scan (common after an earlier selection split it).
  if (k === lo || k === hi) return selectExtreme(values, k, lo, hi);
  while (hi > lo) {
    const mid = (lo + hi) >> 1;
    if (values[mid] < values[lo]) swap(values, mid, lo);
    if (values[hi] < values[lo]) swap(values, hi, lo);
    if (values[hi] < values[mid]) swap(values, hi, mid);
    const pivot = values[mid];
    let i = lo;
    let j = hi;
    // Hoare partition: equal values are swapped too, which splits runs of duplicates evenly.
    while (i <= j) {
      while (values[i] < pivot) i++;
      while (values[j] > pivot) j--;
      if (i <= j) swap(values, i++, j--);
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else break;
  }
  return values[k];
}

/** selectKth for k at either end of the range: the first minimum (k = lo) or maximum (k = hi) swapped into place. */
function selectExtreme(values: Float64Array, k: number, lo: number, hi: number): number {
  let best = k;
  if (k === lo) {
    for (let i = lo + 1; i <= hi; i++) if (values[i] < values[best]) best = i;
  } else {
    for (let i = lo; i < hi; i++) if (values[i] > values[best]) best = i;
  }
  swap(values, best, k);
  return values[k];
}

function swap(values: Float64Array, i: number, j: number): void {
  const t = values[i];
  values[i] = values[j];
  values[j] = t;
}
