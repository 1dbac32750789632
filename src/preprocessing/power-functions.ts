/**
 * The Yeo-Johnson and Box-Cox transforms, their inverses, and the maximum-likelihood lambda search,
 * as scipy 1.17.1 computes them (`scipy.stats.yeojohnson`, `boxcox`, `yeojohnson_normmax`,
 * `boxcox_normmax(method="mle")`, `scipy.special.boxcox`/`inv_boxcox`) and scikit-learn 1.9.1
 * inverts Yeo-Johnson. The operations follow scipy's order. numpy's `log1p`, `expm1` and `log`
 * (SVML on AVX-512 machines) are correctly rounded on all but a tiny share of inputs while V8's
 * fdlibm versions are not, so the Yeo-Johnson lambda search uses the correctly rounded versions
 * (the transform of data, where an ulp does not move a lambda, is yeo-johnson-transform.ts). Box-Cox's
 * likelihood, whose flat maximum turns single ulps into lambda differences of 1e-7, replays
 * numpy's `exp`, `log` and `log1p` bit for bit instead; Python's `math.log` (the C library's) and
 * `scipy.special.boxcox`'s `log` are taken correctly rounded, which they are but for a tiny share.
 *
 * @module
 */
import { firstInfinite } from "../core/all-finite.js";
import { pairwiseSum } from "../core/pairwise-sum.js";
import { varianceAbout } from "./column-sum.js";
import { brent, fminbound } from "./scalar-minimize.js";
import { expm1Rounded, expm1RoundedArray, log1pRounded, logRounded } from "./correctly-rounded.js";
import { distinctValues } from "./distinct-values.js";
import { numpyExp } from "./numpy-exp.js";
import { numpyLog, numpyLog1p, numpyLogArray } from "./numpy-log.js";
import { NumpyArrays } from "./numpy-kernels.js";
import { PowerKernels } from "./power-kernels.js";

/** `np.finfo(np.float64).eps`. */
const EPS = 2.220446049250313e-16;
/** `np.finfo(np.float64).tiny` (smallest normal). */
const TINY = 2.2250738585072014e-308;
/** `(log(tiny) - log(eps)) / 2` and `(log(max) + log(eps)) / 2` as numpy computes them. */
const LOG_TINY_FLOAT = -336.17638257157347;
const LOG_MAX_FLOAT = 336.8695297521334;
/** scipy's Box-Cox overflow limit: `np.finfo(np.float64).max / 10000`. */
export const BOX_COX_YMAX = 1.7976931348623157e308 / 10000;
/** scipy's default tolerance for `brent`, also used for `fminbound` in `yeojohnson_normmax`. */
const TOL_BRENT = 1.48e-8;

/** `scipy.stats.yeojohnson(x, lmbda)` for one value (NaN gives NaN). */
export function yeoJohnson(x: number, lambda: number): number {
  if (x >= 0) return Math.abs(lambda) < EPS ? log1pRounded(x) : expm1Rounded(lambda * log1pRounded(x)) / lambda;
  return Math.abs(lambda - 2) > EPS ? -expm1Rounded((2 - lambda) * log1pRounded(-x)) / (2 - lambda) : -log1pRounded(-x);
}

/** How values given once per distinct entry spread over a column of n entries (`index` null: one per entry). */
interface Spread {
  index: Int32Array | null;
  n: number;
}

/** The column's entries from per-point values (the points themselves when there is no index). */
function spread(perPoint: Float64Array, { index, n }: Spread, out: Float64Array): Float64Array {
  if (index === null) return perPoint;
  for (let i = 0; i < n; i++) out[i] = perPoint[index[i]];
  return out;
}

/**
 * The contract of `yeoJohnsonTransformColumn` (yeo-johnson-transform.ts) for a `transform` from
 * `values` into `out` in JavaScript: checks `values` for ±Infinity before (`out` may be `values`)
 * and the transforms after, then standardizes them.
 */
export function standardizedInJavaScript(values: Float64Array, out: Float64Array, mean: number, scale: number, transform: () => void): boolean {
  const finite = firstInfinite(values) < 0;
  transform();
  const transformsFinite = firstInfinite(out) < 0;
  if (standardizes(mean, scale)) standardizeColumn(out, mean, scale);
  return finite && transformsFinite;
}

/** Whether (y − mean) / scale is applied: mean ±0 and scale 1 leave y as it is (a −0 too), as the kernels do. */
export function standardizes(mean: number, scale: number): boolean {
  return mean !== 0 || scale !== 1;
}

/** values[i] = (values[i] − mean) / scale (scikit-learn's `-=` then `/=`). */
export function standardizeColumn(values: Float64Array, mean: number, scale: number): void {
  for (let i = 0; i < values.length; i++) values[i] = (values[i] - mean) / scale;
}

/** Whether λ is 0 or 2 (to within eps), where one side of the transform is the log itself. */
export function lambdaTakesLogs(lambda: number): boolean {
  return Math.abs(lambda) < EPS || !(Math.abs(lambda - 2) > EPS);
}

/**
 * The Yeo-Johnson transform of fixed points for any lambda: log1p(|x|) is taken once, and each
 * `transform` runs only the exponential step, in WebAssembly where it can (power-kernels.ts),
 * with the same values as in JavaScript.
 */
class YeoJohnsonPoints {
  /** log1p(|x|) correctly rounded, and 1 where x >= 0. */
  readonly logs: Float64Array;
  readonly positive: Uint8Array;
  private readonly kernel: PowerKernels | null;
  private readonly results: Float64Array;
  private readonly scratch: Float64Array | null;

  constructor(points: Float64Array) {
    const n = points.length;
    this.logs = new Float64Array(n);
    this.positive = new Uint8Array(n);
    logsOfMagnitudes(points, this.logs, this.positive);
    this.kernel = PowerKernels.create(n);
    if (this.kernel === null) {
      this.results = new Float64Array(n);
      this.scratch = new Float64Array(n);
    } else {
      signLogs(this.logs, this.positive, this.kernel.input);
      this.results = this.kernel.out.subarray(0, n);
      this.scratch = null;
    }
  }

  /** Each point's transform with `lambda`, in an array that the next call overwrites. */
  transform(lambda: number): Float64Array {
    const { kernel, logs, positive, results } = this;
    if (kernel === null || lambdaTakesLogs(lambda)) {
      yeoJohnsonFromLogs(logs, positive, lambda, results, this.scratch ?? new Float64Array(logs.length));
      return results;
    }
    const undecided = kernel.yeoJohnson(logs.length, lambda);
    for (let u = 0; u < undecided.length; u++) {
      const i = undecided[u];
      results[i] = positive[i] === 1 ? expm1Rounded(lambda * logs[i]) / lambda : -expm1Rounded((2 - lambda) * logs[i]) / (2 - lambda);
    }
    return results;
  }

  /** Hands the WebAssembly instance on; the arrays `transform` returned are not to be used after. */
  release(): void {
    this.kernel?.release();
  }
}

/** signed[i] = logs[i] where positive, −logs[i] elsewhere: the kernel's input. */
function signLogs(logs: Float64Array, positive: Uint8Array, signed: Float64Array): void {
  for (let i = 0; i < logs.length; i++) signed[i] = positive[i] === 1 ? logs[i] : -logs[i];
}

// Each loop below is alone in its function: see docs/benchmarks.md, "Loops that stay optimized".

/** logs[i] = log1p(|values[i]|) correctly rounded, and positive[i] = 1 where values[i] >= 0. */
function logsOfMagnitudes(values: Float64Array, logs: Float64Array, positive: Uint8Array): void {
  for (let i = 0; i < values.length; i++) {
    const x = values[i];
    positive[i] = x >= 0 ? 1 : 0;
    logs[i] = x >= 0 ? log1pRounded(x) : log1pRounded(-x);
  }
}

/**
 * `yeoJohnson` of the values x whose `logs` are log1p(x) where `positive` (x >= 0), else
 * log1p(−x): the `expm1` arguments first (into `scratch`), then `expm1RoundedArray` over all of
 * them (which keeps its exact path out of the loop), then the division.
 */
function yeoJohnsonFromLogs(logs: Float64Array, positive: Uint8Array, lambda: number, out: Float64Array, scratch: Float64Array): void {
  expm1Arguments(logs, positive, lambda, scratch);
  expm1RoundedArray(scratch, out, logs.length);
  divideExpm1s(logs, positive, lambda, out);
}

/** scratch[i] = λ·logs[i] where positive, (2 − λ)·logs[i] elsewhere. */
function expm1Arguments(logs: Float64Array, positive: Uint8Array, lambda: number, scratch: Float64Array): void {
  const mirrored = 2 - lambda;
  for (let i = 0; i < logs.length; i++) scratch[i] = (positive[i] === 1 ? lambda : mirrored) * logs[i];
}

/** out[i] = expm1 / λ where positive, −expm1 / (2 − λ) elsewhere (the log itself when that divisor is 0). */
function divideExpm1s(logs: Float64Array, positive: Uint8Array, lambda: number, out: Float64Array): void {
  const zeroLambda = Math.abs(lambda) < EPS;
  const twoLambda = !(Math.abs(lambda - 2) > EPS);
  const mirrored = 2 - lambda;
  for (let i = 0; i < logs.length; i++) {
    const l = logs[i];
    if (positive[i] === 1) out[i] = zeroLambda ? l : out[i] / lambda;
    else out[i] = twoLambda ? -l : -out[i] / mirrored;
  }
}

/** scikit-learn's `PowerTransformer._yeo_johnson_inverse_transform` for a whole column. */
export function inverseYeoJohnsonColumn(values: Float64Array, lambda: number, out: Float64Array): void {
  const n = values.length;
  const zeroLambda = Math.abs(lambda) < EPS;
  const twoLambda = !(Math.abs(lambda - 2) > EPS);
  const inv = 1 / lambda;
  const mirrored = 2 - lambda;
  const invMirrored = 1 / mirrored;
  for (let i = 0; i < n; i++) {
    const y = values[i];
    if (y >= 0) out[i] = zeroLambda ? Math.exp(y) - 1 : Math.pow(y * lambda + 1, inv) - 1;
    else out[i] = twoLambda ? 1 - Math.exp(-y) : 1 - Math.pow(-mirrored * y + 1, invMirrored);
  }
}

/** `scipy.special.boxcox(x, lmbda)` (NaN for negative x, -inf at 0 for negative lambda). */
export function boxCox(x: number, lambda: number): number {
  if (Math.abs(lambda) < 1e-19) return logRounded(x);
  const l = lambda * logRounded(x);
  if (l < 709.78) return Math.expm1(l) / lambda;
  return Math.sign(lambda) * Math.exp(l - Math.log(Math.abs(lambda))) - 1 / lambda;
}

/** Applies `boxCox` to a whole column, then standardizes, as `yeoJohnsonTransformColumn` does (same contract). */
export function boxCoxColumn(values: Float64Array, lambda: number, out: Float64Array, mean = 0, scale = 1): boolean {
  return standardizedInJavaScript(values, out, mean, scale, () => {
    for (let i = 0; i < values.length; i++) out[i] = boxCox(values[i], lambda);
  });
}

/** `scipy.special.inv_boxcox(y, lmbda)`. */
export function inverseBoxCox(y: number, lambda: number): number {
  if (lambda === 0) return Math.exp(y);
  if (lambda * y < 1.79e308) return Math.exp(Math.log1p(lambda * y) / lambda);
  return Math.exp((Math.log(Math.sign(lambda) * (y + 1 / lambda)) + Math.log(Math.abs(lambda))) / lambda);
}

/** `np.var` of a contiguous 1-D array: pairwise mean, pairwise sum of squared deviations. */
function npVar(values: Float64Array, scratch: Float64Array): number {
  return varianceAbout(values, pairwiseSum(values) / values.length, scratch);
}

/**
 * The Yeo-Johnson lambda of one column's non-missing values (`scipy.stats.yeojohnson_normmax`
 * with scipy's default bounds, minimised by `fminbound`). `x` must be finite and non-empty.
 */
export function yeoJohnsonLambda(x: Float64Array): number {
  const n = x.length;
  let allZero = true;
  let anyNegative = false;
  let allNegative = true;
  let maxAbs = 0;
  for (let i = 0; i < n; i++) {
    const v = x[i];
    if (v !== 0) allZero = false;
    if (v < 0) anyNegative = true;
    else allNegative = false;
    const a = Math.abs(v);
    if (a > maxAbs) maxAbs = a;
  }
  if (allZero) return 1.0;
  // Each distinct value is transformed once per evaluation (see distinct-values.ts); the sums run
  // over the whole column, in numpy's order.
  const distinct = distinctValues(x);
  const points = distinct === null ? x : distinct.values;
  const column: Spread = { index: distinct === null ? null : distinct.index, n };
  // log1p(|x|) serves both signs (log1p(x) for x >= 0, log1p(-x) below), so it is taken once.
  const k = points.length;
  const transformed = new YeoJohnsonPoints(points);
  const { logs } = transformed;
  const signedPoints = new Float64Array(k);
  for (let i = 0; i < k; i++) {
    const v = points[i];
    signedPoints[i] = (v > 0 ? 1 : v < 0 ? -1 : 0) * logs[i];
  }
  const y = new Float64Array(n);
  const scratch = new Float64Array(n);
  const signedSum = pairwiseSum(spread(signedPoints, column, scratch));
  const halfN = -n / 2;
  const negLogLikelihood = (lambda: number): number => {
    const sigma = npVar(spread(transformed.transform(lambda), column, y), scratch);
    const logSigma = sigma >= TINY ? logRounded(sigma) : -Infinity;
    let llf = halfN * logSigma + (lambda - 1) * signedSum;
    if (llf === Infinity || llf === -Infinity) llf = -Infinity;
    return -llf;
  };
  // scipy takes numpy's log1p (SVML) here, replayed bit for bit; V8's Math.log1p misses on a few
  // percent of inputs, and a bound one ulp off starts fminbound elsewhere and moves lambda.
  const logMax = numpyLog1p(20 * maxAbs);
  let lb = LOG_TINY_FLOAT / logMax;
  let ub = LOG_MAX_FLOAT / logMax;
  if (allNegative) [lb, ub] = [2 - ub, 2 - lb];
  else if (anyNegative) [lb, ub] = [Math.max(2 - ub, lb), Math.min(2 - lb, ub)];
  try {
    return fminbound(negLogLikelihood, lb, ub, TOL_BRENT);
  } finally {
    transformed.release();
  }
}

/**
 * The Box-Cox lambda of one column's non-missing values (`scipy.stats.boxcox_normmax(x,
 * method="mle")`: `brent` from the bracket (-2, 2) on scipy's log-space `boxcox_llf`, then scipy's
 * overflow guard). `x` must be positive, finite, non-constant and non-empty. Throws
 * `BracketFailure` when scipy's bracket search fails.
 */
export function boxCoxLambda(x: Float64Array): number {
  const n = x.length;
  // Each distinct value goes through numpy's functions once per evaluation (distinct-values.ts);
  // the sums run over the whole column, in numpy's order.
  const distinct = distinctValues(x);
  const points = distinct === null ? x : distinct.values;
  const column: Spread = { index: distinct === null ? null : distinct.index, n };
  const k = points.length;
  const logPoints = new Float64Array(k);
  numpyLogArray(points, logPoints);
  const logData = spread(logPoints, column, new Float64Array(n));
  const logSum = pairwiseSum(logData);
  // Python's math.log (the C library's), which rounds correctly on all but a tiny share of inputs.
  const logN = logRounded(n);
  const halfN = n / 2;
  const logx = new Float64Array(k);
  const full = new Float64Array(n);
  // One kernel instance (numpy's exp and log1p) for the whole search: its memory is made once, not per evaluation.
  const numpy = new NumpyArrays(k);
  const negLogLikelihood = (lambda: number): number => {
    let logvar: number;
    if (lambda === 0) {
      logvar = numpyLog(npVar(logData, full));
    } else {
      const max = scaledLogs(logPoints, lambda, logx);
      logvar = logVariance(logx, max, column, logN, full, numpy) - 2 * logRounded(Math.abs(lambda));
    }
    return -((lambda - 1) * logSum - halfN * logvar);
  };
  let lambda: number;
  try {
    lambda = brent(negLogLikelihood, -2.0, 2.0);
  } finally {
    numpy.release();
  }
  // scipy's guard: keep the transformed extreme below BOX_COX_YMAX.
  let xmax = -Infinity;
  let xmin = Infinity;
  for (let i = 0; i < n; i++) {
    if (x[i] > xmax) xmax = x[i];
    if (x[i] < xmin) xmin = x[i];
  }
  let extreme: number;
  if (xmin >= 1) extreme = xmax;
  else if (xmax <= 1) extreme = xmin;
  else extreme = boxCox(xmax, lambda) > Math.abs(boxCox(xmin, lambda)) ? xmax : xmin;
  if (Math.abs(boxCox(extreme, lambda)) > BOX_COX_YMAX) lambda = boxCoxInverseLambda(extreme, BOX_COX_YMAX * Math.sign(extreme - 1));
  return lambda;
}

// The likelihood's passes over the points are few and fused (each reduction in the loop that
// writes its array): with the exp and log1p in WebAssembly, they are most of its time, and a
// column of 100k points does not fit in the processor's faster caches.

/** logx[i] = λ·logPoints[i]; returns np.max(logx) (NaN if any is NaN). */
function scaledLogs(logPoints: Float64Array, lambda: number, logx: Float64Array): number {
  let max = -Infinity;
  let nan = false;
  for (let i = 0; i < logPoints.length; i++) {
    const v = lambda * logPoints[i];
    logx[i] = v;
    if (v > max) max = v;
    if (v !== v) nan = true;
  }
  return nan ? NaN : max;
}

/**
 * scipy's `_log_var(logx)`: the log of the variance of `exp(logx)`, through `logsumexp` (with its
 * separation of the maximum terms) exactly as `scipy.stats._morestats` evaluates it, numpy's
 * `exp` and `log1p` taken over arrays as numpy does. `logx` holds one value per point of
 * `column` and is overwritten, `max` is its np.max; `full` (per entry) is overwritten; `numpy`
 * holds a value per point.
 */
function logVariance(logx: Float64Array, max: number, column: Spread, logN: number, full: Float64Array, numpy: NumpyArrays): number {
  const logMean = logSumExp(logx, max, column, full, numpy) - logN;
  // logsumexp([logx_i, logmean], b=[1, -1], return_sign=True) per element: log|exp(logx_i) − mean|
  // = log1p(s) + log(1) + larger with s = −exp(smaller − larger) (the weights 1 and −1 make
  // m = ±1, and s/m the same value either way).
  smallerMinusLarger(logx, logMean, numpy.input);
  negate(numpy.apply("exp"), numpy.input);
  const termsMax = logDeviations(logx, logMean, numpy.apply("log1p"));
  return logSumExp(logx, termsMax, column, full, numpy) - logN;
}

/**
 * out[i] = min(a_i, logMean) − max(a_i, logMean), a = logx (scipy's order of the two terms),
 * computed as −|a_i − logMean|: rounding is symmetric, so the two are the same value (but for the
 * sign of a zero, which `exp` ignores), and the absolute value needs no branch, which on
 * points on both sides of the mean is mispredicted half the time.
 */
function smallerMinusLarger(logx: Float64Array, logMean: number, out: Float64Array): void {
  for (let i = 0; i < logx.length; i++) out[i] = -Math.abs(logx[i] - logMean);
}

/** out[i] = −values[i] (`out` may be `values`). */
function negate(values: Float64Array, out: Float64Array): void {
  for (let i = 0; i < out.length; i++) out[i] = -values[i];
}

/**
 * logx[i] = 2·log|exp(logx_i) − exp(logMean)| from log1p(s_i) in `logs`, in place; returns the
 * np.max of the new values (NaN if any is NaN).
 */
function logDeviations(logx: Float64Array, logMean: number, logs: Float64Array): number {
  let max = -Infinity;
  let nan = false;
  for (let i = 0; i < logx.length; i++) {
    const a = logx[i];
    // Equal terms give m = 0, log(0) = −inf, and scipy's direct fallback log|e^a − e^a| = −inf.
    // Math.max: the larger term without a branch (a NaN a gives NaN either way, through logs[i]).
    let out = a === logMean ? -Infinity : logs[i] + 0 + Math.max(a, logMean);
    if (!Number.isFinite(out) && a !== logMean) out = numpyLog(Math.abs(numpyExp(a) - numpyExp(logMean)));
    const v = 2 * out;
    logx[i] = v;
    if (v > max) max = v;
    if (v !== v) nan = true;
  }
  return nan ? NaN : max;
}

/**
 * `scipy.special.logsumexp` of a 1-D real array (no weights; maxima split off, the rest summed
 * pairwise) given one value per point of `column` and its np.max. `full` (per entry) is
 * overwritten; `numpy` as in `logVariance`.
 */
function logSumExp(a: Float64Array, max: number, column: Spread, full: Float64Array, numpy: NumpyArrays): number {
  const { index, n } = column;
  const pointsAtMax = shiftedByMax(a, max, numpy.input);
  const exps = numpy.apply("exp");
  // m: how many entries hold the maximum.
  const m = index === null ? pointsAtMax : entriesAt(a, index, max);
  let s = pairwiseSum(spread(exps, column, full), 0, n);
  if (s !== 0) s = s / m;
  let out = numpyLog1p(s) + numpyLog(m) + max;
  if (!Number.isFinite(out)) {
    numpy.input.set(a);
    out = numpyLog(pairwiseSum(spread(numpy.apply("exp"), column, full), 0, n));
  }
  return out;
}

/** out[i] = a[i] − max, and −inf where a[i] is the max (exp(−inf) = 0); returns how many are. */
function shiftedByMax(a: Float64Array, max: number, out: Float64Array): number {
  let count = 0;
  for (let i = 0; i < a.length; i++) {
    const atMax = a[i] === max;
    out[i] = atMax ? -Infinity : a[i] - max;
    count += atMax ? 1 : 0;
  }
  return count;
}

/** How many entries of the column (point index[i] for entry i) hold `value`. */
function entriesAt(points: Float64Array, index: Int32Array, value: number): number {
  let count = 0;
  for (let i = 0; i < index.length; i++) count += points[index[i]] === value ? 1 : 0;
  return count;
}

/**
 * scipy's `_boxcox_inv_lmbda(x, y)`: the lambda for which `boxcox(x, lambda) == y`, through the
 * `k = -1` branch of the Lambert W function.
 */
export function boxCoxInverseLambda(x: number, y: number): number {
  const logX = Math.log(x);
  const z = (-Math.pow(x, -1 / y) * logX) / y;
  const w = lambertWMinusOne(z);
  return -w / logX - 1 / y;
}

/**
 * The `k = -1` branch of the Lambert W function for `z` in [-1/e, 0): the solution `w <= -1` of
 * `w e^w = z`. Newton's iteration on `w + log(-w) = log(-z)` (free of under- and overflow for the
 * tiny `z` of the overflow guard) polishes the root to machine precision, as scipy's `lambertw` does.
 */
export function lambertWMinusOne(z: number): number {
  if (!(z < 0) || z < -1 / Math.E) return NaN;
  const target = Math.log(-z);
  let w: number;
  if (z < -0.25) {
    // Series about the branch point z = -1/e in p = -sqrt(2(1 + e z)).
    const p = -Math.sqrt(Math.max(0, 2 * (Math.E * z + 1)));
    w = -1 + p - (p * p) / 3 + (11 / 72) * p * p * p;
  } else {
    const l2 = Math.log(-target);
    w = target - l2 + l2 / target;
  }
  for (let k = 0; k < 100 && w < -1; k++) {
    const g = w + Math.log(-w) - target;
    const next = w - g / (1 + 1 / w);
    if (!(next < -1)) break;
    const done = Math.abs(next - w) <= 4 * EPS * Math.abs(next);
    w = next;
    if (done) break;
  }
  return w;
}
