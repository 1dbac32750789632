/**
 * The k best (distance, row index) pairs found so far for every row of a search, each list sorted
 * nearest first, equal distances by smaller index; a pair enters only if it ranks among the k.
 */
export class NeighborLists {
  readonly dist: Float64Array;
  readonly index: Int32Array;
  readonly filled: Int32Array;
  /** Per row, the k-th distance so far (Infinity until k pairs are in). */
  readonly worst: Float64Array;
  /** Per row, `margin.widen(worst)`: the search's threshold for candidates of that row. */
  readonly bound: Float64Array;

  constructor(
    rows: number,
    readonly k: number,
    private readonly margin: { widen(worst: number): number },
  ) {
    this.dist = new Float64Array(rows * k);
    this.index = new Int32Array(rows * k);
    this.filled = new Int32Array(rows);
    this.worst = new Float64Array(rows).fill(Infinity);
    this.bound = new Float64Array(rows).fill(Infinity);
  }

  /** Offers row `j` at distance `d` to `row`'s list. */
  offer(row: number, d: number, j: number): void {
    const { dist, index, k } = this;
    const base = row * k;
    let p = this.filled[row];
    if (p === k) {
      const w = this.worst[row];
      if (d > w || (d === w && j > index[base + k - 1])) return;
      p = k - 1;
    } else {
      this.filled[row] = p + 1;
    }
    while (p > 0 && (dist[base + p - 1] > d || (dist[base + p - 1] === d && index[base + p - 1] > j))) {
      dist[base + p] = dist[base + p - 1];
      index[base + p] = index[base + p - 1];
      p--;
    }
    dist[base + p] = d;
    index[base + p] = j;
    if (this.filled[row] === k) {
      this.worst[row] = dist[base + k - 1];
      this.bound[row] = this.margin.widen(dist[base + k - 1]);
    }
  }
}
