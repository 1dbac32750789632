import { DataError, type ErrorSite } from "../../core/errors.js";
import { checkFeatures, hasNames, toMatrix, type FeatureSchema, type MatrixInput } from "../../core/input.js";
import type { Matrix } from "../../core/matrix.js";
import { pairwiseSum } from "../../core/pairwise-sum.js";
import { checkFloat32Range } from "./tree-data.js";

/** A prediction input for a fitted tree model: NaN allowed, same columns as at fit, float32 range. */
export function predictionMatrix(X: MatrixInput, schema: FeatureSchema, site: ErrorSite): Matrix {
  const matrix = toMatrix(X, site, { allowNaN: true });
  checkFeatures(schema, { names: matrix.names(), named: hasNames(X) }, site);
  checkFloat32Range(matrix, site);
  return matrix;
}

/** Refuses fits that scikit-learn would turn into a single leaf or reject later. */
export function checkTrainingSize(rows: number, minSamplesSplit: number, site: ErrorSite): void {
  if (Number.isInteger(minSamplesSplit) && rows < minSamplesSplit) {
    throw DataError.at(site, `X has ${rows} row(s), fewer than minSamplesSplit = ${minSamplesSplit}; no split is possible (lower minSamplesSplit or add rows)`);
  }
}

/**
 * The total of the rows' weights (`rows` when there are none). Weights that are all 0 would give
 * 0 / 0 leaf values, and a total past float64's range a bootstrap that draws only row 0, so both
 * are refused; `source` names the weights ("sampleWeight", "sampleWeight × classWeight").
 */
export function weightTotal(weights: Float64Array | null, rows: number, source: string, site: ErrorSite): number {
  if (weights === null) return rows;
  const total = pairwiseSum(weights);
  if (!(total > 0)) throw DataError.at(site, `${source} gives every row a weight of 0; at least one row needs a positive weight`);
  if (total === Infinity) throw DataError.at(site, `${source} sums past float64's range; rescale sampleWeight (e.g. divide it by its mean)`);
  return total;
}

// Squaring a sum of up to this much stays finite.
const SQRT_MAX = Math.sqrt(Number.MAX_VALUE);

/**
 * Refuses classification weights whose total a tree's gini impurity cannot square in float64
 * (scikit-learn's then gives NaN and never splits). `total` is one tree's total weight.
 */
export function checkGiniWeights(total: number, source: string, site: ErrorSite): void {
  if (total > SQRT_MAX) throw DataError.at(site, `${source} totals ${total} per tree, whose square (in the gini impurity) overflows float64; rescale sampleWeight (e.g. divide it by its mean)`);
}

/**
 * Refuses regression targets whose sums in a tree overflow float64 (scikit-learn's give inf and
 * NaN impurities and importances): sums of weight × y reach `total × max|y|`, which squared error
 * squares, and absolute error adds in up to four terms. `total` is one tree's total weight (at
 * least 1 here, so that w·y·y is covered too).
 */
export function checkTargetRange(y: Float64Array, total: number, squared: boolean, site: ErrorSite): void {
  let row = 0;
  for (let i = 1; i < y.length; i++) if (Math.abs(y[i]) > Math.abs(y[row])) row = i;
  const limit = squared ? SQRT_MAX : Number.MAX_VALUE / 4;
  if (Math.abs(y[row]) * Math.max(total, 1) > limit) {
    const sums = squared ? "squared-error sums" : "absolute-error sums";
    throw DataError.at({ ...site, row }, `y value ${y[row]} is too large: with a total weight of ${total} per tree the ${sums} overflow float64; rescale y (e.g. divide it by ${10 ** Math.ceil(Math.log10(Math.abs(y[row])))})`);
  }
}

/** Parses a fit's X with NaN allowed (trees route missing values). */
export function trainingMatrix(X: MatrixInput, site: ErrorSite): Matrix {
  return toMatrix(X, site, { allowNaN: true });
}
