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
    const { rows, cols, data } = matrix;
    const { withMean, withStd } = this.params;
    const sum = new Float64Array(cols);
    const count = new Float64Array(cols);
    for (let i = 0; i < rows; i++) {
      const w = weights === undefined ? 1 : weights[i];
      for (let j = 0; j < cols; j++) {
        const v = data[i * cols + j];
        if (v === v) {
          sum[j] += w * v;
          count[j] += w;
        }
      }
    }
    const names = matrix.names();
    const mean = new Float64Array(cols);
    for (let j = 0; j < cols; j++) {
      if (count[j] === 0) throw new DataError(this.message("fit", `column "${names[j]}" has no non-missing values`), { column: names[j] });
      mean[j] = sum[j] / count[j];
    }
    const correction = new Float64Array(cols);
    const squares = new Float64Array(cols);
    for (let i = 0; i < rows; i++) {
      const w = weights === undefined ? 1 : weights[i];
      for (let j = 0; j < cols; j++) {
        const v = data[i * cols + j];
        if (v === v) {
          const t = v - mean[j];
          correction[j] += w * t;
          squares[j] += w * t * t;
        }
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
      mean: withMean ? mean : null,
      variance: withStd ? variance : null,
      scale: withStd ? scale : null,
      samplesSeen: count,
    });
  }

  /** `(x - mean) / scale` per column; NaN stays NaN. */
  transform(X: MatrixInput): Frame | Matrix {
    return this.apply(X, "transform", (v, mean, scale) => (v - mean) / scale);
  }

  /** `x * scale + mean` per column. */
  inverseTransform(X: MatrixInput): Frame | Matrix {
    return this.apply(X, "inverseTransform", (v, mean, scale) => v * scale + mean);
  }

  fitTransform(X: MatrixInput, y?: unknown, options: { sampleWeight?: ArrayLike<number> } = {}): Frame | Matrix {
    return this.fit(X, y, options).transform(X);
  }

  featureNamesOut(): string[] {
    return [...this.fitted("featureNamesOut").schema.names];
  }

  /** Per-column means (null when `withMean` is false). */
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

  private apply(X: MatrixInput, method: string, f: (v: number, mean: number, scale: number) => number): Frame | Matrix {
    const state = this.fitted(method);
    const matrix = toMatrix(X, this.site(method), { allowNaN: true });
    checkFeatures(state.schema, matrix.names(), this.site(method));
    const { rows, cols, data } = matrix;
    const out = new Float64Array(data.length);
    for (let i = 0; i < rows; i++) {
      for (let j = 0; j < cols; j++) {
        const k = i * cols + j;
        out[k] = f(data[k], state.mean === null ? 0 : state.mean[j], state.scale === null ? 1 : state.scale[j]);
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
      variance: optional("variance", 0),
      scale: optional("scale", Number.MIN_VALUE),
      samplesSeen: reader.f64("samplesSeen", { length, finite: true, min: 0 }),
    };
    if ((state.mean === null) === this.params.withMean) reader.fail("mean", "does not match withMean");
    if ((state.scale === null) === this.params.withStd) reader.fail("scale", "does not match withStd");
    return state;
  }
}
