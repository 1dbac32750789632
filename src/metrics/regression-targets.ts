import type { Matrix } from "../core/matrix.js";
import { pairwiseSquaredDifferenceSum, pairwiseSum } from "../core/pairwise-sum.js";
import { checkFinite, checkNumericBlock, checkWeights, metricError, type NumericBlock, optionError } from "./metric-input.js";
import { weightedMean } from "./weighted-mean.js";

/** Regression targets: one number per sample, or one row per sample for several outputs. */
export type RegressionInput = ArrayLike<number> | Matrix | readonly (readonly number[])[];

/** How per-output errors combine: kept ("raw_values"), plain mean (default), or weighted by the given numbers. */
export type Multioutput = "raw_values" | "uniform_average" | ArrayLike<number>;

/** Options of the regression metrics. */
export interface RegressionMetricOptions {
  sampleWeight?: ArrayLike<number>;
  multioutput?: Multioutput;
}

/** Checked regression targets, n x k row-major. */
export interface RegressionTargets {
  yTrue: Float64Array;
  yPred: Float64Array;
  n: number;
  k: number;
  weights: Float64Array | undefined;
  multioutput: "raw_values" | "uniform_average" | "variance_weighted" | Float64Array;
  /** Whether yTrue and yPred are still to be checked for NaN and ±Infinity (`scanTargets`). */
  unscanned: boolean;
}

/**
 * scikit-learn's `_check_reg_targets`: same shapes, finite values, valid multioutput and weights.
 * `squaredErrorsFirst`: the caller (MSE, RMSE, R²) sums Σ(ŷ − y)² first, which is finite only
 * where every target and prediction is. For one output without weights, Float64Array and Matrix
 * values are then left `unscanned` (others are checked as they are copied), for the caller to
 * `scanTargets` where that sum is not finite, which saves a pass over each array (scikit-learn's
 * own check sums first too). Errors come in the same order either way: a NaN or ±Infinity of
 * yTrue, then of yPred, before any error of shape or option.
 */
export function checkRegressionTargets(
  fn: string,
  yTrueIn: RegressionInput,
  yPredIn: RegressionInput,
  options: { sampleWeight?: ArrayLike<number>; multioutput?: Multioutput | "variance_weighted" },
  allowVarianceWeighted = false,
  squaredErrorsFirst = false,
): RegressionTargets {
  const t = checkNumericBlock(fn, "yTrue", yTrueIn, !squaredErrorsFirst);
  let p: NumericBlock | undefined;
  let targets: RegressionTargets;
  try {
    p = checkNumericBlock(fn, "yPred", yPredIn, !squaredErrorsFirst);
    const { weights, multioutput } = checkShapesAndOptions(fn, t, p, options, allowVarianceWeighted);
    targets = { yTrue: t.data, yPred: p.data, n: t.rows, k: t.cols, weights, multioutput, unscanned: squaredErrorsFirst };
  } catch (error) {
    // A NaN or ±Infinity is named first, as when the values are checked on reading.
    if (squaredErrorsFirst) {
      checkFinite(fn, "yTrue", t.data, t.cols);
      if (p !== undefined) checkFinite(fn, "yPred", p.data, p.cols);
    }
    throw error;
  }
  // Only one output without weights is summed first; the other shapes are checked now.
  if (squaredErrorsFirst && (targets.k !== 1 || targets.weights !== undefined)) scanTargets(fn, targets);
  return targets;
}

/** The checks of `checkRegressionTargets` after reading the values: matching shapes, the weights and `multioutput`. */
function checkShapesAndOptions(
  fn: string,
  t: NumericBlock,
  p: NumericBlock,
  options: { sampleWeight?: ArrayLike<number>; multioutput?: Multioutput | "variance_weighted" },
  allowVarianceWeighted: boolean,
): { weights: Float64Array | undefined; multioutput: RegressionTargets["multioutput"] } {
  if (t.rows === 0) throw metricError(fn, "yTrue is empty; at least one sample is needed");
  if (p.rows !== t.rows) throw metricError(fn, `yPred has ${p.rows} values but yTrue has ${t.rows}`);
  if (p.cols !== t.cols) throw metricError(fn, `yTrue and yPred have different numbers of outputs (${t.cols} != ${p.cols})`);
  const weights = checkWeights(fn, options.sampleWeight, t.rows);
  const multioutput = options.multioutput ?? "uniform_average";
  if (typeof multioutput === "string") {
    const allowed = allowVarianceWeighted ? ["raw_values", "uniform_average", "variance_weighted"] : ["raw_values", "uniform_average"];
    if (!allowed.includes(multioutput)) {
      throw optionError(fn, "multioutput", `multioutput must be one of ${allowed.map((a) => JSON.stringify(a)).join(", ")} or an array of output weights; got ${JSON.stringify(multioutput)}`);
    }
    return { weights, multioutput };
  }
  const checked = checkFinite(fn, "multioutput", multioutput);
  if (t.cols === 1) throw optionError(fn, "multioutput", "custom output weights are useful only with several outputs");
  if (checked.length !== t.cols) throw optionError(fn, "multioutput", `${checked.length} output weights given for ${t.cols} outputs`);
  return { weights, multioutput: checked };
}

/** The check that `squaredErrorsFirst` deferred: a DataError naming the first NaN or ±Infinity of yTrue, then of yPred. */
export function scanTargets(fn: string, targets: RegressionTargets): void {
  checkFinite(fn, "yTrue", targets.yTrue, targets.k);
  checkFinite(fn, "yPred", targets.yPred, targets.k);
  targets.unscanned = false;
}

/**
 * The (weighted) mean of each column of an n x k block, summed as numpy's `average(axis=0)` sums.
 * `owned`: `values` is the caller's scratch, which the weighting may overwrite.
 */
export function columnMeans(fn: string, values: Float64Array, n: number, k: number, weights: Float64Array | undefined, owned = false): Float64Array {
  const sums = weightedColumnSums(values, n, k, weights, owned);
  const total = weights === undefined ? n : pairwiseSum(weights);
  if (total === 0) throw metricError(fn, "the weights sum to zero, so the weighted mean is undefined");
  return sums.map((sum) => sum / total);
}

/**
 * numpy's `sum(w[:, None] * values, axis=0)`, or `sum(values, axis=0)` without weights. `owned`:
 * `values` is the caller's scratch, weighted in place.
 */
export function weightedColumnSums(values: Float64Array, n: number, k: number, weights: Float64Array | undefined, owned: boolean): Float64Array {
  if (weights === undefined) return columnSums(values, n, k);
  const out = owned ? values : new Float64Array(n * k);
  for (let i = 0; i < n; i++) for (let j = 0; j < k; j++) out[i * k + j] = values[i * k + j] * weights[i];
  return columnSums(out, n, k);
}

/**
 * numpy's `sum(axis=0)` of an n x k row-major block: pairwise down a single column, row after row
 * for several. The order decides whether a constant target's mean comes out exact, and so whether
 * R² sees a zero denominator.
 */
function columnSums(values: Float64Array, n: number, k: number): Float64Array {
  if (k === 1) return Float64Array.of(pairwiseSum(values, 0, n));
  const sums = new Float64Array(k);
  for (let i = 0; i < n; i++) for (let j = 0; j < k; j++) sums[j] += values[i * k + j];
  return sums;
}

/** (values − means[j])² for each cell of an n x k block, j its column. */
export function squaredDeviations(values: Float64Array, means: Float64Array, n: number, k: number): Float64Array {
  const out = new Float64Array(n * k);
  if (k === 1) {
    const mean = means[0];
    for (let i = 0; i < n; i++) {
      const d = values[i] - mean;
      out[i] = d * d;
    }
  } else {
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < k; j++) {
        const d = values[i * k + j] - means[j];
        out[i * k + j] = d * d;
      }
    }
  }
  return out;
}

/** Combines per-output values as `multioutput` asks; `denominators` serve "variance_weighted". */
export function combineOutputs(fn: string, perOutput: Float64Array, multioutput: RegressionTargets["multioutput"], denominators?: Float64Array): number | Float64Array {
  if (multioutput === "raw_values") return perOutput;
  if (multioutput === "uniform_average") return weightedMean(fn, perOutput);
  if (multioutput === "variance_weighted") {
    // All outputs constant: equal weights, as scikit-learn falls back to.
    return denominators!.some((d) => d !== 0) ? weightedMean(fn, perOutput, denominators) : weightedMean(fn, perOutput);
  }
  return weightedMean(fn, perOutput, multioutput);
}

/** How `cellErrors` measures one prediction against its target. */
export type CellError = "absolute" | "squared" | "relative";

/** The (weighted) mean error of each output: numpy's `average(errors, axis=0, weights)`, in its order. */
export function meanCellErrors(fn: string, targets: RegressionTargets, kind: CellError): Float64Array {
  const { yTrue, yPred, n, k, weights } = targets;
  // The common case, one output and no weights, adds the squared errors as it computes them.
  if (kind === "squared" && k === 1 && weights === undefined) {
    const sum = pairwiseSquaredDifferenceSum(yPred, yTrue);
    if (targets.unscanned && !Number.isFinite(sum)) scanTargets(fn, targets);
    return Float64Array.of(sum / n);
  }
  return columnMeans(fn, cellErrors(kind, yTrue, yPred), n, k, weights, true);
}

/** The error of `kind` of each cell: (ŷ − y)², |ŷ − y| or |ŷ − y| / max(|y|, ε). */
export function cellErrors(kind: CellError, yTrue: Float64Array, yPred: Float64Array): Float64Array {
  const out = new Float64Array(yTrue.length);
  if (kind === "squared") {
    for (let i = 0; i < out.length; i++) {
      const d = yPred[i] - yTrue[i];
      out[i] = d * d;
    }
  } else if (kind === "absolute") {
    for (let i = 0; i < out.length; i++) out[i] = Math.abs(yPred[i] - yTrue[i]);
  } else {
    for (let i = 0; i < out.length; i++) out[i] = Math.abs(yPred[i] - yTrue[i]) / Math.max(Math.abs(yTrue[i]), Number.EPSILON);
  }
  return out;
}
