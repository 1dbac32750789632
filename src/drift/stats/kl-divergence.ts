import { DataError } from "../../core/errors.js";
import { normalizeWeights, relEntr } from "./rel-entr.js";

/** Kullback-Leibler divergence KL(p‖q) after normalizing both, as scipy's `entropy(p, q)` (natural log). */
export function klDivergence(p: ArrayLike<number>, q: ArrayLike<number>): number {
  if (p.length !== q.length) throw new DataError(`klDivergence: p has ${p.length} entries but q has ${q.length}`);
  const pn = normalizeWeights(p, "p", "klDivergence");
  const qn = normalizeWeights(q, "q", "klDivergence");
  let sum = 0;
  for (let i = 0; i < pn.length; i++) sum += relEntr(pn[i], qn[i]);
  return sum;
}
