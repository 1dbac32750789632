import { DataError } from "../../core/errors.js";

/**
 * Hellinger distance sqrt(1 - clip(BC, 0, 1)) from the Bhattacharyya coefficient BC = Σ √(p q) of
 * two discrete distributions given as shares (Evidently's categorical form). For densities on
 * bins pass `binWidth`: BC = Σ √(h1 h2) × width (Evidently's numeric form).
 */
export function hellingerDistance(p: ArrayLike<number>, q: ArrayLike<number>, binWidth = 1): number {
  if (p.length !== q.length) throw new DataError(`hellingerDistance: p has ${p.length} entries but q has ${q.length}`);
  let bc = 0;
  for (let i = 0; i < p.length; i++) {
    if (!(p[i] >= 0 && q[i] >= 0)) throw new DataError(`hellingerDistance: entry ${i} is negative or NaN (${p[i]}, ${q[i]})`);
    bc += Math.sqrt(p[i] * q[i]) * binWidth;
  }
  return Math.sqrt(1 - Math.min(1, Math.max(0, bc)));
}
