import { DataError, ValidationError } from "../core/errors.js";
import { Estimator, type LoadContext } from "../core/estimator.js";
import type { Frame } from "../core/frame.js";
import { checkFeatures, decodeSchema, encodeSchema, type FeatureSchema, type MatrixInput } from "../core/input.js";
import type { JsonObject } from "../core/json.js";
import type { Matrix } from "../core/matrix.js";
import { arrayOf, boolean, number, param, type ParamSchema } from "../core/params.js";
import { selectKth } from "../core/select.js";
import { encodeFloat64Array, type StateReader } from "../core/state-codec.js";
import { normalQuantile } from "./normal-quantile.js";
import { numericColumns, numericOutput } from "./numeric-columns.js";

export interface RobustScalerParams {
  /** Subtract each column's median. Default true. */
  withCentering: boolean;
  /** Divide each column by its interquantile range. Default true. */
  withScaling: boolean;
  /** The percentiles `[low, high]` (0 ≤ low ≤ high ≤ 100) whose difference is the scale. Default `[25, 75]`. */
  quantileRange: readonly [number, number];
  /** Divide the scale further so that normally distributed data ends with unit variance. Default false. */
  unitVariance: boolean;
}

const SCHEMA: ParamSchema<RobustScalerParams> = {
  withCentering: param(true, boolean()),
  withScaling: param(true, boolean()),
  quantileRange: param<readonly [number, number]>(
    () => [25, 75],
    (value) => arrayOf(number({ min: 0, max: 100 }))(value) ?? (Array.isArray(value) && value.length !== 2 ? "must be [low, high]" : undefined),
  ),
  unitVariance: param(false, boolean()),
};

interface RobustScalerState {
  schema: FeatureSchema;
  center: Float64Array | null;
  scale: Float64Array | null;
}

const EPS = 2.220446049250313e-16;

/**
 * Centers each column on its median and divides it by an interquantile range (25th to 75th
 * percentile by default): scikit-learn's `RobustScaler`. NaN is ignored at fit (numpy's
 * `nanmedian` and `nanpercentile` with linear interpolation) and kept at transform.
 */
export class RobustScaler extends Estimator<RobustScalerParams, RobustScalerState> {
  static readonly kind = "RobustScaler";
  static readonly schemaVersion = 1;

  constructor(params?: Partial<RobustScalerParams>) {
    super(SCHEMA, params);
    const [low, high] = this.params.quantileRange;
    if (!(low <= high)) {
      throw new ValidationError(`${this.kind}: invalid quantileRange [${low}, ${high}]; need 0 <= low <= high <= 100`, [{ path: "quantileRange", message: "low must not exceed high" }]);
    }
  }

  fit(X: MatrixInput, _y?: unknown): this {
    const site = this.site("fit");
    const { rows, names, columns, schema } = numericColumns(X, site);
    const { withCentering, withScaling, unitVariance } = this.params;
    const [qLow, qHigh] = this.params.quantileRange;
    const cols = columns.length;
    const center = withCentering ? new Float64Array(cols) : null;
    const scale = withScaling ? new Float64Array(cols) : null;
    const buffer = new Float64Array(rows);
    const adjust = unitVariance ? normalQuantile(qHigh / 100) - normalQuantile(qLow / 100) : 1;
    for (let j = 0; j < cols; j++) {
      const column = columns[j];
      let n = 0;
      for (let i = 0; i < rows; i++) if (column[i] === column[i]) buffer[n++] = column[i];
      if (n === 0) throw DataError.at({ ...site, column: names[j] }, `column "${names[j]}" has no values to scale (every value is NaN); drop the column or impute it first`);
      const values = buffer.subarray(0, n);
      if (center !== null) center[j] = median(values);
      if (scale !== null) {
        const range = percentile(values, qHigh) - percentile(values, qLow);
        const s = range < 10 * EPS ? 1 : range;
        scale[j] = unitVariance ? s / adjust : s;
      }
    }
    return this.commit({ schema, center, scale });
  }

  /** `(x - center) / scale` per column (each step only when enabled); NaN stays NaN. */
  transform(X: MatrixInput): Frame | Matrix {
    return this.apply(X, "transform", false);
  }

  /** `x * scale + center` per column (each step only when enabled). */
  inverseTransform(X: MatrixInput): Frame | Matrix {
    return this.apply(X, "inverseTransform", true);
  }

  fitTransform(X: MatrixInput, y?: unknown): Frame | Matrix {
    return this.fit(X, y).transform(X);
  }

  featureNamesOut(): string[] {
    return [...this.fitted("featureNamesOut").schema.names];
  }

  /** Per-column medians (`center_`); null when `withCentering` is false. */
  get center(): Float64Array | null {
    return this.fitted("center").center?.slice() ?? null;
  }
  /** Per-column interquantile ranges (`scale_`), 1 for a constant column; null when `withScaling` is false. */
  get scale(): Float64Array | null {
    return this.fitted("scale").scale?.slice() ?? null;
  }
  get featureNamesIn(): string[] {
    return [...this.fitted("featureNamesIn").schema.names];
  }

  private apply(X: MatrixInput, method: string, inverse: boolean): Frame | Matrix {
    const state = this.fitted(method);
    const { rows, names, columns } = numericColumns(X, this.site(method));
    checkFeatures(state.schema, names, this.site(method));
    const out = new Float64Array(rows * columns.length);
    for (let j = 0; j < columns.length; j++) {
      const values = columns[j];
      const target = out.subarray(j * rows, (j + 1) * rows);
      const c = state.center === null ? 0 : state.center[j];
      const s = state.scale === null ? 1 : state.scale[j];
      // scikit-learn's in-place `X -= center_; X /= scale_` and `X *= scale_; X += center_`;
      // subtracting 0 and dividing by 1 change no value, so one loop serves every setting.
      if (inverse) for (let i = 0; i < rows; i++) target[i] = values[i] * s + c;
      else for (let i = 0; i < rows; i++) target[i] = (values[i] - c) / s;
    }
    return numericOutput(X, out, rows, state.schema);
  }

  protected encodeState(state: RobustScalerState): JsonObject {
    return {
      schema: encodeSchema(state.schema),
      center: state.center === null ? null : encodeFloat64Array(state.center),
      scale: state.scale === null ? null : encodeFloat64Array(state.scale),
    };
  }

  protected decodeState(reader: StateReader, _context: LoadContext): RobustScalerState {
    const schema = decodeSchema(reader.object("schema"));
    const length = schema.names.length;
    const center = reader.raw("center") === null ? null : reader.f64("center", { length, finite: true });
    const scale = reader.raw("scale") === null ? null : reader.f64("scale", { length, finite: true, min: Number.MIN_VALUE });
    if ((center === null) === this.params.withCentering) reader.fail("center", "does not match withCentering");
    if ((scale === null) === this.params.withScaling) reader.fail("scale", "does not match withScaling");
    return { schema, center, scale };
  }
}

/** numpy's median of NaN-free values: the middle one, or the mean `(a + b) / 2` of the two middle ones. Reorders `values`. */
function median(values: Float64Array): number {
  const n = values.length;
  const high = n >> 1;
  const upper = selectKth(values, high);
  if (n % 2 === 1) return upper;
  let lower = values[0];
  for (let i = 1; i < high; i++) if (values[i] > lower) lower = values[i];
  return (lower + upper) / 2;
}

/**
 * numpy's `percentile(values, q)` with the default linear method: the order statistics around
 * the virtual index `(n - 1) * q / 100`, interpolated as numpy's `_lerp` does. Reorders `values`.
 */
function percentile(values: Float64Array, q: number): number {
  const n = values.length;
  const virtual = (n - 1) * (q / 100);
  if (virtual >= n - 1) return orderStatistic(values, n - 1);
  const previous = Math.floor(virtual);
  const gamma = virtual - previous;
  const a = orderStatistic(values, previous);
  // Everything after the selected value is no smaller: the next order statistic is their minimum.
  let b = values[previous + 1];
  for (let i = previous + 2; i < n; i++) if (values[i] < b) b = values[i];
  const diff = b - a;
  return gamma >= 0.5 ? b - diff * (1 - gamma) : a + diff * gamma;
}

function orderStatistic(values: Float64Array, k: number): number {
  return selectKth(values, k);
}
