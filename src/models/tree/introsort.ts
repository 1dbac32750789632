/** The value arrays the sort handles. */
export type SortValues = Float32Array | Float64Array;

/**
 * scikit-learn's `simultaneous_sort` with the three-way partition the tree partitioner uses:
 * introsort (median-of-3 pivot, heapsort after 2·floor(log2 n) levels, insertion sort below 16
 * elements) that sorts `values[lo, lo + n)` and moves `indices` along. It is not stable, and the
 * order it leaves equal values in decides the order of floating-point sums in the criteria, so
 * it is ported step for step. Feature values are float32; the absolute-error criterion sorts
 * float64 targets with the same code.
 */
export function simultaneousSort(values: SortValues, indices: Int32Array, lo: number, n: number): void {
  if (n === 0) return;
  introsort(values, indices, lo, n, 2 * (31 - Math.clz32(n)));
}

function introsort(v: SortValues, idx: Int32Array, lo: number, n: number, maxd: number): void {
  while (n > 15) {
    if (maxd <= 0) {
      heapsort(v, idx, lo, n);
      return;
    }
    maxd -= 1;
    const pivot = median3(v, lo, n);
    let i = 0;
    let l = 0;
    let r = n;
    while (i < r) {
      const x = v[lo + i];
      if (x < pivot) {
        swap(v, idx, lo + i, lo + l);
        i++;
        l++;
      } else if (x > pivot) {
        r--;
        swap(v, idx, lo + i, lo + r);
      } else {
        i++;
      }
    }
    introsort(v, idx, lo, l, maxd);
    lo += r;
    n -= r;
  }
  insertionSort(v, idx, lo, n);
}

function median3(v: SortValues, lo: number, n: number): number {
  const a = v[lo];
  const b = v[lo + (n >> 1)];
  const c = v[lo + n - 1];
  if (a < b) {
    if (b < c) return b;
    return a < c ? c : a;
  }
  if (b < c) return a < c ? a : c;
  return b;
}

function insertionSort(v: SortValues, idx: Int32Array, lo: number, n: number): void {
  for (let i = 1; i < n; i++) {
    const value = v[lo + i];
    const index = idx[lo + i];
    let j = i;
    while (j > 0 && v[lo + j - 1] > value) {
      v[lo + j] = v[lo + j - 1];
      idx[lo + j] = idx[lo + j - 1];
      j--;
    }
    v[lo + j] = value;
    idx[lo + j] = index;
  }
}

function heapsort(v: SortValues, idx: Int32Array, lo: number, n: number): void {
  let start = (n - 2) >> 1;
  for (;;) {
    siftDown(v, idx, lo, start, n);
    if (start === 0) break;
    start--;
  }
  for (let end = n - 1; end > 0; end--) {
    swap(v, idx, lo, lo + end);
    siftDown(v, idx, lo, 0, end);
  }
}

function siftDown(v: SortValues, idx: Int32Array, lo: number, start: number, end: number): void {
  let root = start;
  for (;;) {
    const child = root * 2 + 1;
    let maxind = root;
    if (child < end && v[lo + maxind] < v[lo + child]) maxind = child;
    if (child + 1 < end && v[lo + maxind] < v[lo + child + 1]) maxind = child + 1;
    if (maxind === root) return;
    swap(v, idx, lo + root, lo + maxind);
    root = maxind;
  }
}

function swap(v: SortValues, idx: Int32Array, i: number, j: number): void {
  const t = v[i];
  v[i] = v[j];
  v[j] = t;
  const k = idx[i];
  idx[i] = idx[j];
  idx[j] = k;
}
