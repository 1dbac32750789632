/**
 * numpy's scalar `introselect` for `np.argpartition(values, kth)` on float64 (numpy 2.x,
 * `npysort/selection.cpp`), ported operation for operation so that ties land where numpy puts
 * them: median-of-3 pivots, an unguarded Hoare partition, median-of-medians-of-5 once the depth
 * limit is spent, and a selection sort when kth is within 3 of the low end. NaN sorts last.
 *
 * On x86 CPUs with AVX2 or AVX-512, numpy dispatches `argpartition` to x86-simd-sort instead,
 * which picks differently among equal values; this port reproduces the scalar path (numpy on
 * other CPUs, or with those features disabled through `NPY_DISABLE_CPU_FEATURES`).
 *
 * `keys[0 .. num)` are the values to partition and `index` their positions; both are permuted
 * together in place (numpy permutes only the positions and reads the values through them, which
 * takes the same decisions). Afterwards `keys[kth]` is the kth smallest (0-based), nothing
 * larger before it and nothing smaller after it, and `index` says where each key came from.
 */
export function argIntroselect(keys: Float64Array, index: Int32Array, num: number, kth: number): void {
  introselect(keys, index, 0, num, kth);
}

function introselect(values: Float64Array, index: Int32Array, start: number, num: number, kth: number): void {
  let low = 0;
  let high = num - 1;
  if (kth - low < 3) {
    dumbSelect(values, index, start, num, kth);
    return;
  }
  if (kth === num - 1) {
    // numpy's shortcut for the maximum: the last of the largest values.
    let maxAt = low;
    let maxValue = values[start + low];
    for (let k = low + 1; k < num; k++) {
      const v = values[start + k];
      if (!less(v, maxValue)) {
        maxAt = k;
        maxValue = v;
      }
    }
    swap(values, index, start + kth, start + maxAt);
    return;
  }
  let depthLimit = msb(num) * 2;
  while (low + 1 < high) {
    let ll = low + 1;
    let hh = high;
    if (depthLimit > 0 || hh - ll < 5) {
      const mid = low + ((high - low) >> 1);
      // median of 3: the median moves to low, the smallest to low + 1
      if (less(values[start + high], values[start + mid])) swap(values, index, start + high, start + mid);
      if (less(values[start + high], values[start + low])) swap(values, index, start + high, start + low);
      if (less(values[start + low], values[start + mid])) swap(values, index, start + low, start + mid);
      swap(values, index, start + mid, start + low + 1);
    } else {
      const mid = ll + medianOfMedians5(values, index, start + ll, hh - ll);
      swap(values, index, start + mid, start + low);
      ll--;
      hh++;
    }
    depthLimit--;
    const pivot = values[start + low];
    for (;;) {
      do ll++;
      while (less(values[start + ll], pivot));
      do hh--;
      while (less(pivot, values[start + hh]));
      if (hh < ll) break;
      swap(values, index, start + ll, start + hh);
    }
    swap(values, index, start + low, start + hh);
    if (hh >= kth) high = hh - 1;
    if (hh <= kth) low = ll;
  }
  if (high === low + 1 && less(values[start + high], values[start + low])) swap(values, index, start + high, start + low);
}

/** numpy's float order: NaN after every number. */
function less(a: number, b: number): boolean {
  return a < b || (b !== b && a === a);
}

function swap(values: Float64Array, index: Int32Array, i: number, j: number): void {
  const v = values[i];
  values[i] = values[j];
  values[j] = v;
  const t = index[i];
  index[i] = index[j];
  index[j] = t;
}

/** The index of the most significant set bit (numpy's npy_get_msb). */
function msb(n: number): number {
  let depth = 0;
  while ((n >>= 1) > 0) depth++;
  return depth;
}

/** Selection sort of the kth + 1 smallest, for kth close to the low end. */
function dumbSelect(values: Float64Array, index: Int32Array, start: number, num: number, kth: number): void {
  for (let i = 0; i <= kth; i++) {
    let minAt = i;
    let minValue = values[start + i];
    for (let k = i + 1; k < num; k++) {
      const v = values[start + k];
      if (less(v, minValue)) {
        minAt = k;
        minValue = v;
      }
    }
    swap(values, index, start + i, start + minAt);
  }
}

/** Position (relative to `start`) of the median of five, after numpy's compare-swap network. */
function median5(values: Float64Array, index: Int32Array, start: number): number {
  const at = (i: number) => values[start + i];
  if (less(at(1), at(0))) swap(values, index, start + 1, start);
  if (less(at(4), at(3))) swap(values, index, start + 4, start + 3);
  if (less(at(3), at(0))) swap(values, index, start + 3, start);
  if (less(at(4), at(1))) swap(values, index, start + 4, start + 1);
  if (less(at(2), at(1))) swap(values, index, start + 2, start + 1);
  if (less(at(3), at(2))) return less(at(3), at(1)) ? 1 : 3;
  return 2;
}

/** Moves the medians of blocks of 5 to the front and selects their median (numpy's median_of_median5). */
function medianOfMedians5(values: Float64Array, index: Int32Array, start: number, num: number): number {
  const count = Math.floor(num / 5);
  for (let i = 0, sub = 0; i < count; i++, sub += 5) {
    const m = median5(values, index, start + sub);
    swap(values, index, start + sub + m, start + i);
  }
  if (count > 2) introselect(values, index, start, count, count >> 1);
  return count >> 1;
}
