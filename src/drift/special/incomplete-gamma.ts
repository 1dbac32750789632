import { logGamma } from "./gamma.js";

const EPSILON = 2.220446049250313e-16;
const TINY = 1e-300;
const HALF_LOG_2PI = 0.9189385332046728;
/** Above this `a`, the prefactor is computed around x = a (see `prefactor`). */
const LARGE_A = 100;

/** Both expansions need about 9√a terms when x is near a; the bound leaves a wide margin. */
const maxIterations = (a: number): number => 100_000 + Math.ceil(20 * Math.sqrt(a));

/** log(1 + u) - u without the cancellation of the two terms near u = 0. */
function log1pmx(u: number): number {
  if (Math.abs(u) > 0.25) return Math.log1p(u) - u;
  // -u²/2 + u³/3 - ...: terms fall by a factor |u| <= 1/4, so 30 reach the double precision.
  let power = u;
  let sum = 0;
  for (let k = 2; k < 30; k++) {
    power *= -u;
    const term = power / k;
    sum += term;
    if (Math.abs(term) < Math.abs(sum) * EPSILON) break;
  }
  return sum;
}

/** log Γ(a) - ((a - ½) log a - a + ½ log 2π): Stirling's series, accurate to 1e-17 for a >= 100. */
function stirlingCorrection(a: number): number {
  const r = 1 / (a * a);
  return (1 / 12 - r * (1 / 360 - r * (1 / 1260 - r / 1680))) / a;
}

/**
 * x^a e^-x / Γ(a). For large a, a log x - x - log Γ(a) cancels terms of size a log a and loses
 * about log10(a log a) digits, so it is rewritten around x = a, with u = (x - a) / a and Stirling's
 * series for log Γ(a): a (log(1 + u) - u) + ½ log a - ½ log 2π - correction(a) (as Cephes' igam_fac).
 */
function prefactor(a: number, x: number): number {
  if (a < LARGE_A) return Math.exp(a * Math.log(x) - x - logGamma(a));
  return Math.exp(a * log1pmx((x - a) / a) + 0.5 * Math.log(a) - HALF_LOG_2PI - stirlingCorrection(a));
}

/** Series for P(a, x), accurate for x < a + 1. */
function lowerSeries(a: number, x: number): number {
  let term = 1 / a;
  let sum = term;
  const limit = maxIterations(a);
  for (let n = 1; n < limit; n++) {
    term *= x / (a + n);
    sum += term;
    if (Math.abs(term) < Math.abs(sum) * EPSILON) break;
  }
  return sum * prefactor(a, x);
}

/** Continued fraction (modified Lentz) for Q(a, x), accurate for x >= a + 1. */
function upperFraction(a: number, x: number): number {
  let b = x + 1 - a;
  let c = 1 / TINY;
  let d = 1 / b;
  let h = d;
  const limit = maxIterations(a);
  for (let i = 1; i < limit; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < TINY) d = TINY;
    c = b + an / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < EPSILON) break;
  }
  return h * prefactor(a, x);
}

/** The regularized lower incomplete gamma function P(a, x) (scipy `gammainc`). */
export function gammaP(a: number, x: number): number {
  if (Number.isNaN(a) || Number.isNaN(x) || a <= 0 || x < 0) return NaN;
  if (x === 0) return 0;
  if (x === Infinity) return 1;
  return x < a + 1 ? lowerSeries(a, x) : 1 - upperFraction(a, x);
}

/** The regularized upper incomplete gamma function Q(a, x) = 1 - P(a, x) (scipy `gammaincc`). */
export function gammaQ(a: number, x: number): number {
  if (Number.isNaN(a) || Number.isNaN(x) || a <= 0 || x < 0) return NaN;
  if (x === 0) return 1;
  if (x === Infinity) return 0;
  return x < a + 1 ? 1 - lowerSeries(a, x) : upperFraction(a, x);
}

/** Survival function of the chi-square distribution with `df` degrees of freedom (scipy `chi2.sf`). */
export function chiSquareSf(statistic: number, df: number): number {
  if (Number.isNaN(statistic) || !(df > 0)) return NaN;
  if (statistic <= 0) return 1;
  return gammaQ(df / 2, statistic / 2);
}
