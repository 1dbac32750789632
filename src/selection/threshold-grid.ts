/** numpy's `linspace(start, stop, num)`: `start + i * step`, the last point set exactly to stop. */
export function linspace(start: number, stop: number, num: number): Float64Array {
  const out = new Float64Array(num);
  if (num === 1) {
    out[0] = start;
    return out;
  }
  const step = (stop - start) / (num - 1);
  if (step === 0) for (let i = 0; i < num; i++) out[i] = ((i / (num - 1)) * (stop - start)) + start;
  else for (let i = 0; i < num; i++) out[i] = i * step + start;
  out[num - 1] = stop;
  return out;
}

/**
 * numpy's `interp(x, xp, fp)` for increasing `xp`: clamped to the end values outside, exact at
 * knots, otherwise `slope * (x - xp[j]) + fp[j]`.
 */
export function interp(x: ArrayLike<number>, xp: ArrayLike<number>, fp: ArrayLike<number>): Float64Array {
  const n = xp.length;
  const out = new Float64Array(x.length);
  for (let i = 0; i < x.length; i++) {
    const v = x[i];
    if (v < xp[0]) out[i] = fp[0];
    else if (v > xp[n - 1]) out[i] = fp[n - 1];
    else {
      // Largest j with xp[j] <= v.
      let lo = 0;
      let hi = n - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (xp[mid] <= v) lo = mid;
        else hi = mid - 1;
      }
      const j = lo;
      if (j === n - 1 || xp[j] === v) out[i] = fp[j];
      else {
        const slope = (fp[j + 1] - fp[j]) / (xp[j + 1] - xp[j]);
        let r = slope * (v - xp[j]) + fp[j];
        if (Number.isNaN(r)) {
          r = slope * (v - xp[j + 1]) + fp[j + 1];
          if (Number.isNaN(r) && fp[j] === fp[j + 1]) r = fp[j];
        }
        out[i] = r;
      }
    }
  }
  return out;
}

/** numpy's `isclose(a, b)` with its default tolerances. */
export function isClose(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-8 + 1e-5 * Math.abs(b);
}
