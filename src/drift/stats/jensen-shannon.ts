import { DataError, ValidationError } from "../../core/errors.js";
import { normalizeWeights, relEntr } from "./rel-entr.js";

/**
 * The Jensen-Shannon distance between two discrete distributions (normalized first), as scipy's
 * `distance.jensenshannon(p, q, base)`: sqrt((KL(p‖m) + KL(q‖m)) / 2) with m the midpoint;
 * natural log unless `base` is given (Evidently uses the natural log, so the maximum is √ln2 ≈ 0.833).
 */
export function jensenShannonDistance(p: ArrayLike<number>, q: ArrayLike<number>, base?: number): number {
  if (base !== undefined && !(Number.isFinite(base) && base > 0 && base !== 1)) {
    throw new ValidationError(`jensenShannonDistance: base must be a finite number > 0 other than 1, got ${String(base)}`, [{ path: "base", message: "must be > 0 and not 1" }]);
  }
  if (p.length !== q.length) throw new DataError(`jensenShannonDistance: p has ${p.length} entries but q has ${q.length}`);
  const pn = normalizeWeights(p, "p", "jensenShannonDistance");
  const qn = normalizeWeights(q, "q", "jensenShannonDistance");
  let left = 0;
  let right = 0;
  for (let i = 0; i < pn.length; i++) {
    const m = (pn[i] + qn[i]) / 2;
    left += relEntr(pn[i], m);
    right += relEntr(qn[i], m);
  }
  let js = left + right;
  if (base !== undefined) js /= Math.log(base);
  return Math.sqrt(js / 2);
}
