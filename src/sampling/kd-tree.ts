/**
 * A balanced k-d tree over the first `dims` of a set of coordinates (stored axis-major,
 * `coords[t * rows + i]`): node n has children 2n + 1 and 2n + 2, each node splits its rows at the
 * median of its widest coordinate, and every node keeps the bounding box of its rows.
 */
export interface KdTree {
  /** Rows in tree order: node n holds `order[start[n] .. end[n])`. */
  order: Int32Array;
  start: Int32Array;
  end: Int32Array;
  /** Box of node n: `lo[n * dims + t] .. hi[n * dims + t]`. */
  lo: Float64Array;
  hi: Float64Array;
  dims: number;
  /** Nodes from this index on are leaves. */
  firstLeaf: number;
}

export function buildKdTree(coords: Float64Array, rows: number, dims: number, leafSize: number): KdTree {
  let levels = 1;
  while (rows >> levels >= leafSize && levels < 24) levels++;
  const nodes = (1 << levels) - 1;
  const firstLeaf = (1 << (levels - 1)) - 1;
  const start = new Int32Array(nodes);
  const end = new Int32Array(nodes);
  const lo = new Float64Array(nodes * dims);
  const hi = new Float64Array(nodes * dims);
  const order = Int32Array.from({ length: rows }, (_, i) => i);
  end[0] = rows;
  for (let n = 0; n < nodes; n++) {
    const s = start[n];
    const e = end[n];
    let widest = 0;
    let spread = -1;
    for (let t = 0; t < dims; t++) {
      let min = Infinity;
      let max = -Infinity;
      for (let i = s; i < e; i++) {
        const v = coords[t * rows + order[i]];
        if (v < min) min = v;
        if (v > max) max = v;
      }
      lo[n * dims + t] = min;
      hi[n * dims + t] = max;
      if (max - min > spread) {
        spread = max - min;
        widest = t;
      }
    }
    if (n >= firstLeaf) continue;
    const mid = (s + e) >> 1;
    selectNth(order, coords.subarray(widest * rows, (widest + 1) * rows), s, e - 1, mid);
    start[2 * n + 1] = s;
    end[2 * n + 1] = mid;
    start[2 * n + 2] = mid;
    end[2 * n + 2] = e;
  }
  return { order, start, end, lo, hi, dims, firstLeaf };
}

/** Squared distance from a point to node n's box along the tree's dims (0 inside). */
export function boxDistance(tree: KdTree, n: number, point: Float64Array): number {
  const { lo, hi, dims } = tree;
  let sum = 0;
  for (let t = 0; t < dims; t++) {
    const below = lo[n * dims + t] - point[t];
    const above = point[t] - hi[n * dims + t];
    const gap = below > 0 ? below : above > 0 ? above : 0;
    sum += gap * gap;
  }
  return sum;
}

/** Hoare quickselect: afterwards no row in [left, nth) has a larger key than any row in [nth, right]. */
function selectNth(order: Int32Array, key: Float64Array, left: number, right: number, nth: number): void {
  while (right > left) {
    const pivot = key[order[(left + right) >> 1]];
    let i = left;
    let j = right;
    while (i <= j) {
      while (key[order[i]] < pivot) i++;
      while (key[order[j]] > pivot) j--;
      if (i <= j) {
        const t = order[i];
        order[i] = order[j];
        order[j] = t;
        i++;
        j--;
      }
    }
    if (nth <= j) right = j;
    else if (nth >= i) left = i;
    else break;
  }
}
