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
 * Like numpy's `aintroselect`, it permutes only `index[0 .. num)`, entries of `values` that are
 * read through it. Afterwards `values[index[kth]]` is the kth smallest (0-based), nothing larger
 * before it and nothing smaller after it.
 *
 * With `approximate`, `values` holds approximations of the keys and the selection is the one the
 * exact keys give: whenever two approximations are too close to be ordered with certainty, both
 * are replaced by their exact keys before comparing (so only the few close calls pay for them).
 */
export function argIntroselect(values: Float64Array, index: Int32Array, num: number, kth: number, approximate: ApproximateKeys | null = null): void {
  introselect({ values, index, approximate, stops: new Int32Array(2 * BLOCK), scanEnd: 0 }, 0, num, kth);
}

/** Keys known to within a margin, with a way to get each one exactly. */
export interface ApproximateKeys {
  /** Two keys more than `margin` apart are in the same order as their exact keys. */
  margin: number;
  /** Stores the exact key of `entry` into `values[entry]` and returns it. */
  exact(entry: number): number;
}

interface Selection {
  values: Float64Array;
  index: Int32Array;
  approximate: ApproximateKeys | null;
  /** The stops `partition` lists a block at a time: the left scan's in the first half, the right scan's in the second. */
  stops: Int32Array;
  /** Where `partition` left its left scan. */
  scanEnd: number;
}

/** Positions `partition` examines at a time. */
const BLOCK = 64;

function introselect(s: Selection, start: number, num: number, kth: number): void {
  let low = 0;
  let high = num - 1;
  if (kth - low < 3) {
    dumbSelect(s, start, num, kth);
    return;
  }
  if (kth === num - 1) {
    // numpy's shortcut for the maximum: the last of the largest values.
    let maxAt = low;
    for (let k = low + 1; k < num; k++) if (!less(s, start + k, start + maxAt)) maxAt = k;
    swap(s.index, start + kth, start + maxAt);
    return;
  }
  let depthLimit = msb(num) * 2;
  while (low + 1 < high) {
    let ll = low + 1;
    let hh = high;
    if (depthLimit > 0 || hh - ll < 5) {
      const mid = low + ((high - low) >> 1);
      // median of 3: the median moves to low, the smallest to low + 1
      if (less(s, start + high, start + mid)) swap(s.index, start + high, start + mid);
      if (less(s, start + high, start + low)) swap(s.index, start + high, start + low);
      if (less(s, start + low, start + mid)) swap(s.index, start + low, start + mid);
      swap(s.index, start + mid, start + low + 1);
    } else {
      const mid = ll + medianOfMedians5(s, start + ll, hh - ll);
      swap(s.index, start + mid, start + low);
      ll--;
      hh++;
    }
    depthLimit--;
    hh = partition(s, start + low, start + ll, start + hh) - start;
    ll = s.scanEnd - start;
    if (hh >= kth) high = hh - 1;
    if (hh <= kth) low = ll;
  }
  if (high === low + 1 && less(s, start + high, start + low)) swap(s.index, start + high, start + low);
}

/**
 * numpy's unguarded Hoare partition around the key at `pivot`, its scans starting after `ll` and
 * before `hh`; returns where the pivot ends up and leaves the left scan's end in `s.scanEnd`.
 *
 * The scans swap the m-th position the left one stops at (a key not below the pivot) with the
 * m-th the right one stops at (a key not above it) until they meet, and the positions neither has
 * reached still hold their original keys. So while a block is left between them, the stops of a
 * whole block are listed first, with no branch on the comparisons (which the processor would
 * mispredict half the time), and paired after; the scans then finish key by key from the last
 * swapped pair.
 */
function partition(s: Selection, pivot: number, ll: number, hh: number): number {
  const { values, index, stops } = s;
  // Keys outside [below, above] compare with the pivot for certain; the rest go through `less`.
  const margin = s.approximate === null ? 0 : s.approximate.margin;
  const below = values[index[pivot]] - margin;
  const above = values[index[pivot]] + margin;
  // Positions next .. last are not examined yet; pending stops are at stops[leftHead .. leftEnd) and stops[rightHead .. rightEnd).
  let next = ll + 1;
  let last = hh - 1;
  let leftHead = 0;
  let leftEnd = 0;
  let rightHead = BLOCK;
  let rightEnd = BLOCK;
  for (;;) {
    if (leftHead === leftEnd && last - next + 1 >= BLOCK) {
      leftHead = leftEnd = 0;
      for (let p = next; p < next + BLOCK; p++) {
        const key = values[index[p]];
        const under = Number(key < below);
        const over = Number(key > above);
        stops[leftEnd] = p;
        if (under + over !== 0) leftEnd += over;
        else if (!less(s, p, pivot)) leftEnd++;
      }
      next += BLOCK;
    }
    if (rightHead === rightEnd && last - next + 1 >= BLOCK) {
      rightHead = rightEnd = BLOCK;
      for (let p = last; p > last - BLOCK; p--) {
        const key = values[index[p]];
        const under = Number(key < below);
        const over = Number(key > above);
        stops[rightEnd] = p;
        if (under + over !== 0) rightEnd += under;
        else if (!less(s, pivot, p)) rightEnd++;
      }
      last -= BLOCK;
    }
    if (leftHead === leftEnd || rightHead === rightEnd) break;
    for (; leftHead < leftEnd && rightHead < rightEnd; leftHead++, rightHead++) {
      ll = stops[leftHead];
      hh = stops[rightHead];
      swap(index, ll, hh);
    }
  }
  for (;;) {
    do ll++;
    while (values[index[ll]] < below || (!(values[index[ll]] > above) && less(s, ll, pivot)));
    do hh--;
    while (values[index[hh]] > above || (!(values[index[hh]] < below) && less(s, pivot, hh)));
    if (hh < ll) break;
    swap(index, ll, hh);
  }
  swap(index, pivot, hh);
  s.scanEnd = ll;
  return hh;
}

/** Whether the key at position i comes before the one at position j in numpy's float order (NaN after every number). */
function less(s: Selection, i: number, j: number): boolean {
  const { values, index, approximate } = s;
  let a = values[index[i]];
  let b = values[index[j]];
  if (approximate !== null && Math.abs(a - b) <= approximate.margin) {
    a = approximate.exact(index[i]);
    b = approximate.exact(index[j]);
  }
  return a < b || (b !== b && a === a);
}

function swap(index: Int32Array, i: number, j: number): void {
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
function dumbSelect(s: Selection, start: number, num: number, kth: number): void {
  for (let i = 0; i <= kth; i++) {
    let minAt = i;
    for (let k = i + 1; k < num; k++) if (less(s, start + k, start + minAt)) minAt = k;
    swap(s.index, start + i, start + minAt);
  }
}

/** Position (relative to `start`) of the median of five, after numpy's compare-swap network. */
function median5(s: Selection, start: number): number {
  const lessAt = (i: number, j: number) => less(s, start + i, start + j);
  if (lessAt(1, 0)) swap(s.index, start + 1, start);
  if (lessAt(4, 3)) swap(s.index, start + 4, start + 3);
  if (lessAt(3, 0)) swap(s.index, start + 3, start);
  if (lessAt(4, 1)) swap(s.index, start + 4, start + 1);
  if (lessAt(2, 1)) swap(s.index, start + 2, start + 1);
  if (lessAt(3, 2)) return lessAt(3, 1) ? 1 : 3;
  return 2;
}

/** Moves the medians of blocks of 5 to the front and selects their median (numpy's median_of_median5). */
function medianOfMedians5(s: Selection, start: number, num: number): number {
  const count = Math.floor(num / 5);
  for (let i = 0, sub = 0; i < count; i++, sub += 5) {
    const m = median5(s, start + sub);
    swap(s.index, start + sub + m, start + i);
  }
  if (count > 2) introselect(s, start, count, count >> 1);
  return count >> 1;
}
