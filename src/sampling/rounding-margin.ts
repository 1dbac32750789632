const UNIT_ROUNDOFF = Number.EPSILON / 2;

/**
 * The largest projected partial sum a row can have while its exact distance is still at most
 * `worst`. Projections of a difference are at most its length times sqrt(1 + gramError); each
 * projected coordinate carries an absolute rounding error below (cols + 1) u times the largest
 * distance from the mean; sums of squares carry relative errors below (cols + axes + 4) u. The
 * factors below are generous multiples of these; the last term covers underflow in squares. (A
 * class, not a closure: a fresh closure per search would deoptimize the code that calls it.)
 */
export class RoundingMargin {
  /** 1 + the relative error allowed on a root and on a square. */
  readonly scale: number;
  /** The absolute error allowed on a root. */
  readonly absolute: number;

  constructor(cols: number, axes: number, gramError: number, radius: number) {
    const relative = 8 * (cols + axes + 4) * UNIT_ROUNDOFF + gramError;
    this.scale = 1 + relative;
    this.absolute = 4 * Math.sqrt(axes) * (cols + 2) * UNIT_ROUNDOFF * radius * this.scale;
  }

  widen(worst: number): number {
    const root = this.scale * Math.sqrt(worst) + this.absolute;
    return root * root * this.scale + 1e-300;
  }
}

/**
 * The largest rounding error of a projected squared distance computed in Gram form,
 * |zq|^2 + |zr|^2 - 2 zq.zr, over `axes` coordinates whose squared norms are at most `maxNorm`:
 * each of the three sums is within (axes + 2) u of its value, each at most 2 maxNorm; four times
 * that covers the two final operations. (Underflow in the products is covered by `widen`'s last
 * term.) Infinity once |zq|^2 + |zr|^2 could overflow, where the form would read +Infinity for a
 * finite distance: every pair is then measured.
 */
export function gramSlack(axes: number, maxNorm: number): number {
  if (!(maxNorm <= Number.MAX_VALUE / 8)) return Infinity;
  return 16 * (axes + 4) * UNIT_ROUNDOFF * maxNorm;
}
