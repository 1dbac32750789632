import { hasNaN } from "../core/all-finite.js";
import { DataError } from "../core/errors.js";
import { Estimator, type LoadContext } from "../core/estimator.js";
import type { Frame } from "../core/frame.js";
import { checkFeatures, decodeSchema, encodeSchema, type FeatureSchema, type MatrixInput } from "../core/input.js";
import type { JsonObject } from "../core/json.js";
import type { Matrix } from "../core/matrix.js";
import { boolean, param, type ParamSchema } from "../core/params.js";
import { pairwiseMomentSum } from "../core/pairwise-sum.js";
import { checkSampleWeight } from "../core/sample-weight.js";
import { encodeFloat64Array, type StateReader } from "../core/state-codec.js";
import { affineColumns } from "./affine-columns.js";
import { columnSum, sumsColumnsPairwise } from "./column-sum.js";
import { numericColumns, numericOutput, refuseUncheckedInfinity } from "./numeric-columns.js";

export interface StandardScalerParams {
  /** Center each column on its mean. Default true. */
  withMean: boolean;
  /** Divide each column by its standard deviation. Default true. */
  withStd: boolean;
}

const SCHEMA: ParamSchema<StandardScalerParams> = {
  withMean: param(true, boolean()),
  withStd: param(true, boolean()),
};

interface StandardScalerState {
  schema: FeatureSchema;
  mean: Float64Array | null;
  variance: Float64Array | null;
  scale: Float64Array | null;
  samplesSeen: Float64Array;
}

const EPS = 2.220446049250313e-16;

/**
 * Standardizes columns to zero mean and unit variance, ignoring NaN at fit and keeping it at
 * transform: scikit-learn's `StandardScaler` (population variance, constant columns scaled by 1).
 */
export class StandardScaler extends Estimator<StandardScalerParams, StandardScalerState> {
  static readonly kind = "StandardScaler";
  static readonly schemaVersion = 1;

  constructor(params?: Partial<StandardScalerParams>) {
    super(SCHEMA, params);
  }

  fit(X: MatrixInput, _y?: unknown, options: { sampleWeight?: ArrayLike<number> } = {}): this {
    return this.commit(this.learn(X, options, "fit"));
  }

  /** The statistics learnt from X; errors name `method`, the one the user called (fit or fitTransform). */
  private learn(X: MatrixInput, options: { sampleWeight?: ArrayLike<number> }, method: string): StandardScalerState {
    const site = this.site(method);
    const { rows, names, columns, schema } = numericColumns(X, site, { checkInfinity: false });
    const weights = checkSampleWeight(options.sampleWeight, rows, this.kind, method);
    if (weights !== undefined && !weights.some((w) => w > 0)) throw DataError.at(site, "sampleWeight must contain at least one non-zero weight");
    const { withMean, withStd } = this.params;
    const cols = columns.length;
    // Summing in numpy's order keeps unweighted results bit-identical to scikit-learn's (its
    // weighted sums are matrix products, summed row by row here).
    const pairwise = weights === undefined && sumsColumnsPairwise(X, cols);
    const mean = new Float64Array(cols);
    const variance = new Float64Array(cols);
    const scale = new Float64Array(cols);
    const count = new Float64Array(cols);
    const buffer = momentsBuffer(rows, weights !== undefined, pairwise);
    for (let j = 0; j < cols; j++) {
      const m = columnMoments(columns[j], weights ?? null, pairwise, buffer, () => columns.some(hasNaN));
      // A non-finite mean comes from ±Infinity in the column, an overflow, or no values.
      if (!Number.isFinite(m.mean)) refuseUncheckedInfinity(X, site);
      if (m.count === 0) {
        const why = weights === undefined ? "every value is NaN" : "no row with a non-zero weight has a value";
        throw DataError.at({ ...site, column: names[j] }, `column "${names[j]}" has no values to scale (${why}); drop the column or impute it first`);
      }
      const n = m.count;
      // Keeping no statistic, scikit-learn counts the values present and ignores the weights.
      count[j] = withMean || withStd ? n : presentCount(columns[j]);
      mean[j] = m.mean;
      variance[j] = (m.squares - (m.correction * m.correction) / n) / n;
      const upperBound = n * EPS * variance[j] + (n * m.mean * EPS) ** 2;
      scale[j] = variance[j] <= upperBound ? 1 : Math.sqrt(variance[j]);
    }
    return {
      schema,
      // Like scikit-learn, the mean is kept whenever any statistic is (scale needs it to detect constant columns).
      mean: withMean || withStd ? mean : null,
      variance: withStd ? variance : null,
      scale: withStd ? scale : null,
      samplesSeen: count,
    };
  }

  /** `(x - mean) / scale` per column (each step only when enabled); NaN stays NaN. */
  transform(X: MatrixInput): Frame | Matrix {
    return this.apply(X, "transform", false);
  }

  /** `x * scale + mean` per column (each step only when enabled). */
  inverseTransform(X: MatrixInput): Frame | Matrix {
    return this.apply(X, "inverseTransform", true);
  }

  fitTransform(X: MatrixInput, _y?: unknown, options: { sampleWeight?: ArrayLike<number> } = {}): Frame | Matrix {
    return this.commit(this.learn(X, options, "fitTransform")).transform(X);
  }

  featureNamesOut(): string[] {
    return [...this.fitted("featureNamesOut").schema.names];
  }

  /** Per-column means (null only when both `withMean` and `withStd` are false, as in scikit-learn). */
  get mean(): Float64Array | null {
    return this.fitted("mean").mean?.slice() ?? null;
  }
  /** Per-column population variances (null when `withStd` is false). */
  get variance(): Float64Array | null {
    return this.fitted("variance").variance?.slice() ?? null;
  }
  /** Per-column divisors: the standard deviation, or 1 for a constant column. */
  get scale(): Float64Array | null {
    return this.fitted("scale").scale?.slice() ?? null;
  }
  /** Non-missing rows seen per column: their total weight with sampleWeight, unless withMean and withStd are both false. */
  get samplesSeen(): Float64Array {
    return this.fitted("samplesSeen").samplesSeen.slice();
  }
  get featureNamesIn(): string[] {
    return [...this.fitted("featureNamesIn").schema.names];
  }

  private apply(X: MatrixInput, method: string, inverse: boolean): Frame | Matrix {
    const state = this.fitted(method);
    const site = this.site(method);
    const { rows, columns, schema } = numericColumns(X, site, { checkInfinity: false });
    checkFeatures(state.schema, schema, site);
    // The same operations as scikit-learn, in its order, so results agree bit for bit.
    const { data, infinite } = affineColumns(columns, rows, this.params.withMean ? state.mean : null, state.scale, inverse);
    if (infinite) refuseUncheckedInfinity(X, site);
    return numericOutput(X, data, rows, state.schema);
  }

  protected encodeState(state: StandardScalerState): JsonObject {
    return {
      schema: encodeSchema(state.schema),
      mean: state.mean === null ? null : encodeFloat64Array(state.mean),
      variance: state.variance === null ? null : encodeFloat64Array(state.variance),
      scale: state.scale === null ? null : encodeFloat64Array(state.scale),
      samplesSeen: encodeFloat64Array(state.samplesSeen),
    };
  }

  protected decodeState(reader: StateReader, _context: LoadContext): StandardScalerState {
    const schema = decodeSchema(reader.object("schema"), { numeric: true });
    const length = schema.names.length;
    const optional = (key: string, min?: number) => (reader.raw(key) === null ? null : reader.f64(key, { length, finite: true, min }));
    const state = {
      schema,
      mean: optional("mean"),
      // A constant column's corrected two-pass variance can come out a hair below zero.
      variance: optional("variance"),
      scale: optional("scale", Number.MIN_VALUE),
      samplesSeen: reader.f64("samplesSeen", { length, finite: true, min: 0 }),
    };
    if ((state.mean === null) === (this.params.withMean || this.params.withStd)) reader.fail("mean", "does not match withMean/withStd");
    if ((state.variance === null) === this.params.withStd) reader.fail("variance", "does not match withStd");
    if ((state.scale === null) === this.params.withStd) reader.fail("scale", "does not match withStd");
    return state;
  }
}

/** One column's (weighted) count and mean, and its sums of deviations and squared deviations. */
export interface Moments {
  count: number;
  mean: number;
  correction: number;
  squares: number;
}

/** The scratch `columnMoments` needs for columns of `rows` values: none for unweighted pairwise sums. */
export function momentsBuffer(rows: number, weighted: boolean, pairwise: boolean): Float64Array {
  return new Float64Array(weighted || !pairwise ? rows : 0);
}

/**
 * The sums of `np.nansum`-style reductions over one column (NaN counted as 0), in numpy's order.
 * `buffer` is scratch space from `momentsBuffer`; null `weights` weigh every row 1 (unit
 * weights multiply exactly, 1 * v === v, so one loop serves both cases). `anyNaN` tells whether
 * the matrix the column belongs to has a NaN anywhere (asked only when the mean is NaN).
 */
export function columnMoments(values: Float64Array, weights: Float64Array | null, pairwise: boolean, buffer: Float64Array, anyNaN: () => boolean): Moments {
  const fused = weights === null && pairwise;
  let count: number;
  let mean: number;
  if (fused) {
    // The same terms, added as they are computed (no pass through `buffer`). The count too: as a
    // loop of its own, V8 13 (Node 24) inlined it into this function's mid-tier code, where it
    // took several times as long.
    count = pairwiseMomentSum(values, 0, 0);
    mean = pairwiseMomentSum(values, 0, 1) / count;
  } else {
    // Deviations from 0 are the values themselves (v - 0 === v, even for -0).
    count = weightedDeviations(values, weights, 0, buffer);
    mean = columnSum(buffer, pairwise) / count;
  }
  // A NaN mean (the sum overflowed both ways) makes every term of the two sums NaN. scikit-learn
  // skips them all (np.nansum) when X has a NaN anywhere and there are no weights; otherwise the
  // NaN propagates (np.sum, or the matrix products of the weighted sums).
  if (mean !== mean) {
    const skipped = weights === null && anyNaN();
    return { count, mean, correction: skipped ? 0 : NaN, squares: skipped ? 0 : NaN };
  }
  if (fused) return { count, mean, correction: pairwiseMomentSum(values, mean, 1), squares: pairwiseMomentSum(values, mean, 2) };
  weightedDeviations(values, weights, mean, buffer);
  const correction = columnSum(buffer, pairwise);
  weightedSquares(values, weights, mean, buffer);
  return { count, mean, correction, squares: columnSum(buffer, pairwise) };
}

// Each pass is a function of its own, so V8 optimizes it whole instead of on-stack-replacing it
// inside columnMoments and deoptimizing at the code after it.

/** `buffer[i] = weights[i] * (values[i] - center)`, 0 where the value is NaN; returns the weight of the values present. */
function weightedDeviations(values: Float64Array, weights: Float64Array | null, center: number, buffer: Float64Array): number {
  let count = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    const w = weights === null ? 1 : weights[i];
    const present = v === v;
    if (present) count += w;
    buffer[i] = present ? w * (v - center) : 0;
  }
  return count;
}

/** How many values are not NaN. */
function presentCount(values: Float64Array): number {
  let count = 0;
  for (let i = 0; i < values.length; i++) count += +(values[i] === values[i]);
  return count;
}

/** `buffer[i] = weights[i] * (values[i] - center)²`, 0 where the value is NaN. */
function weightedSquares(values: Float64Array, weights: Float64Array | null, center: number, buffer: Float64Array): void {
  for (let i = 0; i < values.length; i++) {
    const t = values[i] - center;
    const w = weights === null ? 1 : weights[i];
    buffer[i] = t === t ? w * (t * t) : 0;
  }
}
