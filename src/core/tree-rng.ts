const RAND_R_MAX = 0x7fffffff;

/**
 * scikit-learn's tree-internal xorshift generator (`our_rand_r`), seeded with one draw
 * `randint(0, 2^31 - 1)` from the tree's RandomState. Trees use it to pick features and
 * thresholds, so reproducing it is what makes seeded trees node-for-node identical.
 */
export class TreeRng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** The next value in [0, 2^31 - 1]. */
  next(): number {
    let s = this.state;
    if (s === 0) s = 1;
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    this.state = s;
    return s & RAND_R_MAX;
  }

  /** An integer in [low, high). */
  int(low: number, high: number): number {
    return low + (this.next() % (high - low));
  }

  /** A double in [low, high) as scikit-learn computes it. */
  uniform(low: number, high: number): number {
    return ((high - low) * this.next()) / RAND_R_MAX + low;
  }
}
