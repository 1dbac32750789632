import { DataError, ValidationError } from "../../core/errors.js";

/**
 * Hellinger distance sqrt(1 - clip(BC, 0, 1)) from the Bhattacharyya coefficient BC = Σ √(p q) of
 * two discrete distributions given as shares (Evidently's categorical form). For densities on
 * bins pass `binWidth`: BC = Σ √(h1 h2) × width (Evidently's numeric form).
 */
export function hellingerDistance(p: ArrayLike<number>, q: ArrayLike<number>, binWidth = 1): number {
  if (!(Number.isFinite(binWidth) && binWidth > 0)) throw new ValidationError(`hellingerDistance: binWidth must be a finite number > 0, got ${String(binWidth)}`, [{ path: "binWidth", message: "must be > 0" }]);
  if (p.length !== q.length) throw new DataError(`hellingerDistance: p has ${p.length} entries but q has ${q.length}`);
  if (p.length === 0) throw new DataError("hellingerDistance: p and q are empty; they need at least one entry");
  let bc = 0;
  for (let i = 0; i < p.length; i++) {
    if (!(p[i] >= 0 && q[i] >= 0 && p[i] < Infinity && q[i] < Infinity)) throw new DataError(`hellingerDistance: entry ${i} is negative or not finite (${p[i]}, ${q[i]})`);
    bc += Math.sqrt(p[i] * q[i]) * binWidth;
  }
  return Math.sqrt(1 - Math.min(1, Math.max(0, bc)));
}
