/**
 * scikit-learn's `WeightedFenwickTree` (1-based binary indexed tree of weights and weight·y), used
 * by the absolute-error criterion to find weighted medians of growing prefixes. `search` reports
 * its secondary outputs in `cumulWeight`, `cumulWeightedY` and `prevIndex`.
 */
export class WeightedFenwickTree {
  private readonly treeW: Float64Array;
  private readonly treeWY: Float64Array;
  private size = 0;
  private maxPow2 = 0;
  totalW = 0;
  totalWY = 0;
  cumulWeight = 0;
  cumulWeightedY = 0;
  prevIndex = 0;

  constructor(capacity: number) {
    this.treeW = new Float64Array(capacity + 1);
    this.treeWY = new Float64Array(capacity + 1);
  }

  reset(size: number): void {
    this.size = size;
    this.treeW.fill(0, 0, size + 1);
    this.treeWY.fill(0, 0, size + 1);
    this.totalW = 0;
    this.totalWY = 0;
    let p = 1;
    while (p <= size) p <<= 1;
    this.maxPow2 = p >> 1;
  }

  add(index: number, y: number, weight: number): void {
    const wy = weight * y;
    for (let k = index + 1; k <= this.size; k += k & -k) {
      this.treeW[k] += weight;
      this.treeWY[k] += wy;
    }
    this.totalW += weight;
    this.totalWY += wy;
  }

  /**
   * The smallest index whose cumulative weight reaches `target`; `prevIndex` is the largest with
   * cumulative weight below it (they differ on an exact hit, where the median is a midpoint).
   */
  search(target: number): number {
    const { treeW, treeWY, size } = this;
    let current = 0;
    let cumulW = 0;
    let cumulWY = 0;
    let bit = this.maxPow2;
    let equalBit = 0;
    let equalTarget = 0;
    while (bit !== 0) {
      const next = current + bit;
      if (next <= size) {
        const nodeW = treeW[next];
        if (target === nodeW) {
          equalTarget = target;
          equalBit = bit;
          break;
        } else if (target > nodeW) {
          target -= nodeW;
          current = next;
          cumulW += nodeW;
          cumulWY += treeWY[next];
        }
      }
      bit >>= 1;
    }
    if (bit === 0) {
      this.cumulWeight = cumulW;
      this.cumulWeightedY = cumulWY;
      this.prevIndex = current;
      return current;
    }
    let prev = current;
    while (bit !== 0) {
      const next = prev + bit;
      if (next <= size) {
        const nodeW = treeW[next];
        if (target > nodeW) {
          target -= nodeW;
          prev = next;
        }
      }
      bit >>= 1;
    }
    bit = equalBit;
    target = equalTarget;
    while (bit !== 0) {
      const next = current + bit;
      if (next <= size) {
        const nodeW = treeW[next];
        if (target >= nodeW) {
          target -= nodeW;
          current = next;
          cumulW += nodeW;
          cumulWY += treeWY[next];
        }
      }
      bit >>= 1;
    }
    this.cumulWeight = cumulW;
    this.cumulWeightedY = cumulWY;
    this.prevIndex = prev;
    return current;
  }
}
