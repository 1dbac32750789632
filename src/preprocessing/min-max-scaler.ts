import { DataError, ValidationError } from "../core/errors.js";
import { Estimator, type LoadContext } from "../core/estimator.js";
import type { Frame } from "../core/frame.js";
import { checkFeatures, decodeSchema, encodeSchema, type FeatureSchema, type MatrixInput } from "../core/input.js";
import type { JsonObject } from "../core/json.js";
import type { Matrix } from "../core/matrix.js";
import { arrayOf, boolean, number, param, type ParamSchema } from "../core/params.js";
import { encodeFloat64Array, type StateReader } from "../core/state-codec.js";
import { affineColumns } from "./affine-columns.js";
import { numericColumns, numericOutput, refuseUncheckedInfinity } from "./numeric-columns.js";

export interface MinMaxScalerParams {
  /** The `[min, max]` each column is mapped to; min must be below max. Default `[0, 1]`. */
  featureRange: readonly [number, number];
  /** Clip transformed values (of new data) into featureRange. Default false. */
  clip: boolean;
}

const SCHEMA: ParamSchema<MinMaxScalerParams> = {
  featureRange: param<readonly [number, number]>(() => [0, 1], (value) => arrayOf(number())(value) ?? (Array.isArray(value) && value.length !== 2 ? "must be [min, max]" : undefined)),
  clip: param(false, boolean()),
};

interface MinMaxScalerState {
  schema: FeatureSchema;
  dataMin: Float64Array;
  dataMax: Float64Array;
  dataRange: Float64Array;
  scale: Float64Array;
  min: Float64Array;
  samplesSeen: number;
}

const EPS = 2.220446049250313e-16;

/**
 * Maps each column linearly onto `featureRange` using its minimum and maximum at fit:
 * scikit-learn's `MinMaxScaler`. NaN is ignored at fit and kept at transform; a constant column
 * gets scale `featureRange[1] - featureRange[0]` (its range is treated as 1).
 */
export class MinMaxScaler extends Estimator<MinMaxScalerParams, MinMaxScalerState> {
  static readonly kind = "MinMaxScaler";
  static readonly schemaVersion = 1;

  constructor(params?: Partial<MinMaxScalerParams>) {
    super(SCHEMA, params);
    const [low, high] = this.params.featureRange;
    if (!(low < high)) {
      throw new ValidationError(`${this.kind}: featureRange minimum must be smaller than its maximum, got [${low}, ${high}]`, [
        { path: "featureRange", message: "minimum must be smaller than maximum" },
      ]);
    }
  }

  fit(X: MatrixInput, _y?: unknown): this {
    return this.commit(this.learn(X, "fit"));
  }

  /** The ranges learnt from X; errors name `method`, the one the user called (fit or fitTransform). */
  private learn(X: MatrixInput, method: string): MinMaxScalerState {
    const site = this.site(method);
    const { rows, names, columns, schema } = numericColumns(X, site, { checkInfinity: false });
    const cols = columns.length;
    const [low, high] = this.params.featureRange;
    const dataMin = new Float64Array(cols);
    const dataMax = new Float64Array(cols);
    const dataRange = new Float64Array(cols);
    const scale = new Float64Array(cols);
    const min = new Float64Array(cols);
    for (let j = 0; j < cols; j++) {
      const { lo, hi } = valueRange(columns[j]);
      if (lo === -Infinity || hi === Infinity) refuseUncheckedInfinity(X, site);
      if (lo > hi) throw DataError.at({ ...site, column: names[j] }, `column "${names[j]}" has no values to scale (every value is NaN); drop the column or impute it first`);
      dataMin[j] = lo;
      dataMax[j] = hi;
      dataRange[j] = hi - lo;
      // scikit-learn's _handle_zeros_in_scale: a range below 10 eps counts as 1.
      scale[j] = (high - low) / (dataRange[j] < 10 * EPS ? 1 : dataRange[j]);
      min[j] = low - lo * scale[j];
    }
    return { schema, dataMin, dataMax, dataRange, scale, min, samplesSeen: rows };
  }

  /** `x * scale + min` per column, clipped into featureRange when `clip`; NaN stays NaN. */
  transform(X: MatrixInput): Frame | Matrix {
    const state = this.fitted("transform");
    const { rows, columns } = this.read(X, "transform");
    // scikit-learn's in-place `X *= scale_; X += min_`, then np.clip (NaN passes through).
    const { data, infinite } = affineColumns(columns, rows, state.min, state.scale, true);
    if (infinite) refuseUncheckedInfinity(X, this.site("transform"));
    if (this.params.clip) clipInto(data, this.params.featureRange);
    return numericOutput(X, data, rows, state.schema);
  }

  /** `(x - min) / scale` per column. */
  inverseTransform(X: MatrixInput): Frame | Matrix {
    const state = this.fitted("inverseTransform");
    const { rows, columns } = this.read(X, "inverseTransform");
    const { data, infinite } = affineColumns(columns, rows, state.min, state.scale, false);
    if (infinite) refuseUncheckedInfinity(X, this.site("inverseTransform"));
    return numericOutput(X, data, rows, state.schema);
  }

  fitTransform(X: MatrixInput, _y?: unknown): Frame | Matrix {
    return this.commit(this.learn(X, "fitTransform")).transform(X);
  }

  featureNamesOut(): string[] {
    return [...this.fitted("featureNamesOut").schema.names];
  }

  /** Per-column minimum seen at fit (scikit-learn's `data_min_`). */
  get dataMin(): Float64Array {
    return this.fitted("dataMin").dataMin.slice();
  }
  /** Per-column maximum seen at fit (`data_max_`). */
  get dataMax(): Float64Array {
    return this.fitted("dataMax").dataMax.slice();
  }
  /** Per-column `dataMax - dataMin` (`data_range_`). */
  get dataRange(): Float64Array {
    return this.fitted("dataRange").dataRange.slice();
  }
  /** Per-column multiplier (`scale_`). */
  get scale(): Float64Array {
    return this.fitted("scale").scale.slice();
  }
  /** Per-column offset added after scaling (`min_`). */
  get min(): Float64Array {
    return this.fitted("min").min.slice();
  }
  /** Rows seen at fit (`n_samples_seen_`). */
  get samplesSeen(): number {
    return this.fitted("samplesSeen").samplesSeen;
  }
  get featureNamesIn(): string[] {
    return [...this.fitted("featureNamesIn").schema.names];
  }

  private read(X: MatrixInput, method: string): { rows: number; columns: Float64Array[] } {
    const state = this.fitted(method);
    // The callers look for ±Infinity in their pass over the values (affineColumns).
    const { rows, columns, schema } = numericColumns(X, this.site(method), { checkInfinity: false });
    checkFeatures(state.schema, schema, this.site(method));
    return { rows, columns };
  }

  protected encodeState(state: MinMaxScalerState): JsonObject {
    return {
      schema: encodeSchema(state.schema),
      dataMin: encodeFloat64Array(state.dataMin),
      dataMax: encodeFloat64Array(state.dataMax),
      dataRange: encodeFloat64Array(state.dataRange),
      scale: encodeFloat64Array(state.scale),
      min: encodeFloat64Array(state.min),
      samplesSeen: state.samplesSeen,
    };
  }

  protected decodeState(reader: StateReader, _context: LoadContext): MinMaxScalerState {
    const schema = decodeSchema(reader.object("schema"), { numeric: true });
    const length = schema.names.length;
    const f64 = (key: string) => reader.f64(key, { length, finite: true });
    const state = {
      schema,
      dataMin: f64("dataMin"),
      dataMax: f64("dataMax"),
      dataRange: f64("dataRange"),
      scale: f64("scale"),
      min: f64("min"),
      samplesSeen: reader.integer("samplesSeen", { min: 1 }),
    };
    state.scale.forEach((s, j) => {
      if (!(s > 0)) reader.fail(`scale[${j}]`, "must be positive");
      if (state.dataMax[j] < state.dataMin[j]) reader.fail(`dataMax[${j}]`, "must not be below dataMin");
    });
    return state;
  }
}

/**
 * The values are scanned in blocks of this many by `blockRange`, a function V8 then optimizes
 * whole from calls that have run to their end, rather than one loop over the column that it
 * compiles while the loop runs (see docs/benchmarks.md, "Loops that stay optimized").
 */
const RANGE_BLOCK = 4096;

/**
 * The smallest and largest values, NaN ignored: lo = Infinity and hi = -Infinity when every value
 * is NaN. A bound of zero takes the sign of the column's first zero, as a scan in row order keeps
 * it (the lanes alone would not: Math.min prefers -0).
 */
function valueRange(values: Float64Array): { lo: number; hi: number } {
  let lo = Infinity;
  let hi = -Infinity;
  for (let from = 0; from < values.length; from += RANGE_BLOCK) {
    const block = blockRange(values, from, Math.min(values.length, from + RANGE_BLOCK));
    lo = Math.min(lo, block.lo);
    hi = Math.max(hi, block.hi);
  }
  // indexOf compares strictly, so it finds the first 0 or -0.
  if (lo === 0) lo = values[values.indexOf(0)];
  if (hi === 0) hi = values[values.indexOf(0)];
  return { lo, hi };
}

/**
 * The lowest and highest of values[from ..< to] (NaN ignored) by four running pairs, one per
 * entry of each group of four, so that the comparisons do not wait on each other (a third faster
 * than one pair on 100k values). The entries left over from the groups of four go to the first
 * pair before the loop.
 */
function blockRange(values: Float64Array, from: number, to: number): { lo: number; hi: number } {
  let lo0 = Infinity;
  let lo1 = Infinity;
  let lo2 = Infinity;
  let lo3 = Infinity;
  let hi0 = -Infinity;
  let hi1 = -Infinity;
  let hi2 = -Infinity;
  let hi3 = -Infinity;
  let i = from;
  // A NaN compares false, so it never replaces a bound.
  for (; i < from + ((to - from) % 4); i++) {
    const a = values[i];
    lo0 = a < lo0 ? a : lo0;
    hi0 = a > hi0 ? a : hi0;
  }
  for (; i < to; i += 4) {
    const a = values[i];
    const b = values[i + 1];
    const c = values[i + 2];
    const d = values[i + 3];
    lo0 = a < lo0 ? a : lo0;
    hi0 = a > hi0 ? a : hi0;
    lo1 = b < lo1 ? b : lo1;
    hi1 = b > hi1 ? b : hi1;
    lo2 = c < lo2 ? c : lo2;
    hi2 = c > hi2 ? c : hi2;
    lo3 = d < lo3 ? d : lo3;
    hi3 = d > hi3 ? d : hi3;
  }
  return { lo: Math.min(lo0, lo1, lo2, lo3), hi: Math.max(hi0, hi1, hi2, hi3) };
}

/** np.clip in place: NaN passes through. */
function clipInto(values: Float64Array, [low, high]: readonly [number, number]): void {
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    values[i] = v < low ? low : v > high ? high : v;
  }
}
