import { DataError } from "../core/errors.js";
import { Estimator, type LoadContext } from "../core/estimator.js";
import type { Frame } from "../core/frame.js";
import { checkFeatures, decodeSchema, encodeSchema, schemaOfMatrix, toMatrix, type FeatureSchema, type MatrixInput } from "../core/input.js";
import type { JsonObject } from "../core/json.js";
import { Matrix } from "../core/matrix.js";
import { outputLike } from "../core/output.js";
import { boolean, param, type ParamSchema } from "../core/params.js";
import { checkSampleWeight } from "../core/sample-weight.js";
import { encodeFloat64Array, type StateReader } from "../core/state-codec.js";
import { columnSum, sumsColumnsPairwise } from "./column-sum.js";

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
    const site = this.site("fit");
    const matrix = toMatrix(X, site, { allowNaN: true });
    const weights = checkSampleWeight(options.sampleWeight, matrix.rows, this.kind);
    if (weights !== undefined && !weights.some((w) => w > 0)) throw DataError.at(site, "sampleWeight must contain at least one non-zero weight");
    const { withMean, withStd } = this.params;
    // Summing in numpy's order keeps unweighted results bit-identical to scikit-learn's.
    const { count, mean, correction, squares } = weights === undefined ? columnMoments(matrix, sumsColumnsPairwise(X, matrix.cols)) : weightedMoments(matrix, weights);
    const cols = matrix.cols;
    const names = matrix.names();
    for (let j = 0; j < cols; j++) {
      if (count[j] === 0) {
        const why = weights === undefined ? "every value is NaN" : "no row with a non-zero weight has a value";
        throw DataError.at({ ...site, column: names[j] }, `column "${names[j]}" has no values to scale (${why}); drop the column or impute it first`);
      }
    }
    const variance = new Float64Array(cols);
    const scale = new Float64Array(cols);
    for (let j = 0; j < cols; j++) {
      const n = count[j];
      variance[j] = (squares[j] - (correction[j] * correction[j]) / n) / n;
      const upperBound = n * EPS * variance[j] + (n * mean[j] * EPS) ** 2;
      scale[j] = variance[j] <= upperBound ? 1 : Math.sqrt(variance[j]);
    }
    return this.commit({
      schema: schemaOfMatrix(X, matrix),
      // Like scikit-learn, the mean is kept whenever any statistic is (scale needs it to detect constant columns).
      mean: withMean || withStd ? mean : null,
      variance: withStd ? variance : null,
      scale: withStd ? scale : null,
      samplesSeen: count,
    });
  }

  /** `(x - mean) / scale` per column (each step only when enabled); NaN stays NaN. */
  transform(X: MatrixInput): Frame | Matrix {
    return this.apply(X, "transform", false);
  }

  /** `x * scale + mean` per column (each step only when enabled). */
  inverseTransform(X: MatrixInput): Frame | Matrix {
    return this.apply(X, "inverseTransform", true);
  }

  fitTransform(X: MatrixInput, y?: unknown, options: { sampleWeight?: ArrayLike<number> } = {}): Frame | Matrix {
    return this.fit(X, y, options).transform(X);
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
  /** Non-missing rows (or weight) seen per column. */
  get samplesSeen(): Float64Array {
    return this.fitted("samplesSeen").samplesSeen.slice();
  }
  get featureNamesIn(): string[] {
    return [...this.fitted("featureNamesIn").schema.names];
  }

  private apply(X: MatrixInput, method: string, inverse: boolean): Frame | Matrix {
    const state = this.fitted(method);
    const matrix = toMatrix(X, this.site(method), { allowNaN: true });
    checkFeatures(state.schema, matrix.names(), this.site(method));
    const { rows, cols, data } = matrix;
    // The same operations as scikit-learn, in its order, so results agree bit for bit.
    const mean = this.params.withMean ? state.mean : null;
    const scale = state.scale;
    const out = Float64Array.from(data);
    for (let i = 0; i < rows; i++) {
      const base = i * cols;
      for (let j = 0; j < cols; j++) {
        let v = out[base + j];
        if (inverse) {
          if (scale !== null) v *= scale[j];
          if (mean !== null) v += mean[j];
        } else {
          if (mean !== null) v -= mean[j];
          if (scale !== null) v /= scale[j];
        }
        out[base + j] = v;
      }
    }
    return outputLike(X, new Matrix(out, rows, cols), state.schema.names, state.schema.named);
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
    const schema = decodeSchema(reader.object("schema"));
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

/** Per column: the (weighted) count, the mean, and the sums of deviations and squared deviations. */
interface Moments {
  count: Float64Array;
  mean: Float64Array;
  correction: Float64Array;
  squares: Float64Array;
}

/** Weighted sums row by row (scikit-learn takes matrix products here, so this agrees to rounding). */
function weightedMoments({ data, rows, cols }: Matrix, weights: Float64Array): Moments {
  const sum = new Float64Array(cols);
  const count = new Float64Array(cols);
  for (let i = 0; i < rows; i++) {
    const w = weights[i];
    for (let j = 0; j < cols; j++) {
      const v = data[i * cols + j];
      if (v === v) {
        sum[j] += w * v;
        count[j] += w;
      }
    }
  }
  const mean = new Float64Array(cols);
  for (let j = 0; j < cols; j++) mean[j] = sum[j] / count[j];
  const correction = new Float64Array(cols);
  const squares = new Float64Array(cols);
  for (let i = 0; i < rows; i++) {
    const w = weights[i];
    for (let j = 0; j < cols; j++) {
      const v = data[i * cols + j];
      if (v === v) {
        const t = v - mean[j];
        correction[j] += w * t;
        squares[j] += w * (t * t);
      }
    }
  }
  return { count, mean, correction, squares };
}

/** Unweighted column sums with NaN counted as 0, in numpy's order (`np.nansum(X, axis=0)`). */
function columnMoments({ data, rows, cols }: Matrix, pairwise: boolean): Moments {
  const moments: Moments = { count: new Float64Array(cols), mean: new Float64Array(cols), correction: new Float64Array(cols), squares: new Float64Array(cols) };
  const column = new Float64Array(rows);
  for (let j = 0; j < cols; j++) {
    let count = 0;
    for (let i = 0; i < rows; i++) {
      const v = data[i * cols + j];
      if (v === v) count++;
      column[i] = v === v ? v : 0;
    }
    const mean = columnSum(column, pairwise) / count;
    for (let i = 0; i < rows; i++) {
      const v = data[i * cols + j];
      column[i] = v === v ? v - mean : 0;
    }
    moments.correction[j] = columnSum(column, pairwise);
    for (let i = 0; i < rows; i++) column[i] *= column[i];
    moments.squares[j] = columnSum(column, pairwise);
    moments.count[j] = count;
    moments.mean[j] = mean;
  }
  return moments;
}
