/**
 * Exact k nearest neighbours of every row of a point set among the same rows (Euclidean), as
 * scikit-learn's `NearestNeighbors(n_neighbors=k).fit(X).kneighbors(X)` lists them: nearest
 * first, the row itself normally first of all; equal distances rank by row index.
 *
 * Squared distances are summed feature by feature in column order (the KD-tree's `rdist`).
 * The search sorts rows along the widest column and scans outwards from each query, stopping a
 * direction once that one coordinate alone is farther than the current k-th neighbour, and
 * abandons a candidate as soon as its partial sum passes it; both cuts are exact, so the result
 * equals a full brute-force scan.
 */
export function kNeighborsWithin(data: Float64Array, rows: number, cols: number, k: number): Int32Array {
  const out = new Int32Array(rows * k);
  const axis = widestColumn(data, rows, cols);
  // Rows sorted along the widest column and copied in that order, so that scanning outwards
  // from a query walks memory sequentially.
  const order = Int32Array.from({ length: rows }, (_, i) => i).sort((a, b) => data[a * cols + axis] - data[b * cols + axis] || a - b);
  const sorted = new Float64Array(rows * cols);
  for (let r = 0; r < rows; r++) sorted.set(data.subarray(order[r] * cols, order[r] * cols + cols), r * cols);
  const bestD = new Float64Array(k);
  const bestI = new Int32Array(k);
  for (let rq = 0; rq < rows; rq++) {
    const q = order[rq];
    const qBase = rq * cols;
    const pq = sorted[qBase + axis];
    // The query itself is always a candidate at distance 0.
    bestD[0] = 0;
    bestI[0] = q;
    let filled = 1;
    let lo = rq - 1;
    let hi = rq + 1;
    while (lo >= 0 || hi < rows) {
      // Take the side whose coordinate on the axis is closer first.
      const up = hi < rows && (lo < 0 || sorted[hi * cols + axis] - pq <= pq - sorted[lo * cols + axis]);
      const r = up ? hi++ : lo--;
      const rBase = r * cols;
      const gap = sorted[rBase + axis] - pq;
      const full = filled === k;
      const worstD = full ? bestD[k - 1] : Infinity;
      if (gap * gap > worstD) {
        // Every further row on this side is at least as far along the axis.
        if (up) hi = rows;
        else lo = -1;
        continue;
      }
      const j = order[r];
      const worstI = full ? bestI[k - 1] : 0;
      let sum = 0;
      let f = 0;
      let pruned = false;
      while (f < cols) {
        const stop = f + 8 < cols ? f + 8 : cols;
        for (; f < stop; f++) {
          const t = sorted[qBase + f] - sorted[rBase + f];
          sum += t * t;
        }
        if (sum > worstD || (sum === worstD && j > worstI)) {
          pruned = true;
          break;
        }
      }
      if (pruned) continue;
      // Insert (sum, j) into the sorted candidate list.
      let p = full ? k - 1 : filled++;
      while (p > 0 && (bestD[p - 1] > sum || (bestD[p - 1] === sum && bestI[p - 1] > j))) {
        bestD[p] = bestD[p - 1];
        bestI[p] = bestI[p - 1];
        p--;
      }
      bestD[p] = sum;
      bestI[p] = j;
    }
    out.set(bestI.subarray(0, k), q * k);
  }
  return out;
}

function widestColumn(data: Float64Array, rows: number, cols: number): number {
  let best = 0;
  let bestSpread = -1;
  for (let f = 0; f < cols; f++) {
    let mean = 0;
    for (let i = 0; i < rows; i++) mean += data[i * cols + f];
    mean /= rows;
    let variance = 0;
    for (let i = 0; i < rows; i++) {
      const t = data[i * cols + f] - mean;
      variance += t * t;
    }
    if (variance > bestSpread) {
      bestSpread = variance;
      best = f;
    }
  }
  return best;
}

/**
 * The k neighbours SMOTE interpolates towards: imbalanced-learn asks for k + 1 and drops the
 * first column, assumed to be the row itself.
 */
export function classNeighbors(data: Float64Array, rows: number, cols: number, k: number): Int32Array {
  const withSelf = kNeighborsWithin(data, rows, cols, k + 1);
  const out = new Int32Array(rows * k);
  for (let i = 0; i < rows; i++) out.set(withSelf.subarray(i * (k + 1) + 1, (i + 1) * (k + 1)), i * k);
  return out;
}
