import { DataError } from "../../core/errors.js";

/**
 * Population stability index Σ (r - c) ln(r / c) over bins of reference and current shares (no
 * normalization; fill empty bins first, e.g. with `fillZeroShares`, or the index is infinite).
 */
export function psi(reference: ArrayLike<number>, current: ArrayLike<number>): number {
  if (reference.length !== current.length) throw new DataError(`psi: reference has ${reference.length} bins but current has ${current.length}`);
  if (reference.length === 0) throw new DataError("psi: there are no bins; reference and current need at least one");
  let sum = 0;
  for (let i = 0; i < reference.length; i++) {
    const r = reference[i];
    const c = current[i];
    if (!(r >= 0 && c >= 0)) throw new DataError(`psi: bin ${i} has a negative or NaN share (${r}, ${c})`);
    sum += (r - c) * Math.log(r / c);
  }
  return sum;
}

/**
 * Evidently's empty-bin filling for PSI and KL: every zero share becomes 0.0001, or the smallest
 * non-zero share / 10⁶ when that is already at most 0.0001. Returns a new array (not renormalized).
 */
export function fillZeroShares(shares: ArrayLike<number>): Float64Array {
  const out = Float64Array.from(shares);
  let min = Infinity;
  for (let i = 0; i < out.length; i++) {
    if (!(out[i] >= 0 && out[i] < Infinity)) throw new DataError(`fillZeroShares: share ${i} is ${out[i]}; shares must be finite and non-negative`);
    if (out[i] !== 0 && out[i] < min) min = out[i];
  }
  const fill = min <= 0.0001 ? min / 1e6 : 0.0001;
  for (let i = 0; i < out.length; i++) if (out[i] === 0) out[i] = fill;
  return out;
}
