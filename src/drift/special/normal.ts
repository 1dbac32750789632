import { gammaP, gammaQ } from "./incomplete-gamma.js";

/** erfc(x) through the incomplete gamma function: erfc(x) = Q(1/2, x²) for x >= 0. */
export function erfc(x: number): number {
  if (Number.isNaN(x)) return NaN;
  if (x >= 0) return gammaQ(0.5, x * x);
  return 1 + gammaP(0.5, x * x);
}

/** The standard normal CDF Φ(z) (scipy `norm.cdf`). */
export function normalCdf(z: number): number {
  return 0.5 * erfc(-z / Math.SQRT2);
}

/** The standard normal survival function 1 - Φ(z), without cancellation in the upper tail. */
export function normalSf(z: number): number {
  return 0.5 * erfc(z / Math.SQRT2);
}
