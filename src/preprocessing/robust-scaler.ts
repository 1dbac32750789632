import { DataError, ValidationError } from "../core/errors.js";
import { Estimator, type LoadContext } from "../core/estimator.js";
import type { Frame } from "../core/frame.js";
import { checkFeatures, decodeSchema, encodeSchema, type FeatureSchema, type MatrixInput } from "../core/input.js";
import type { JsonObject } from "../core/json.js";
import type { Matrix } from "../core/matrix.js";
import { arrayOf, boolean, number, param, type ParamSchema } from "../core/params.js";
import { orderStatistics } from "../core/order-statistics.js";
import { encodeFloat64Array, type StateReader } from "../core/state-codec.js";
import { affineColumns } from "./affine-columns.js";
import { normalQuantile } from "./normal-quantile.js";
import { numericColumns, numericOutput, refuseUncheckedInfinity } from "./numeric-columns.js";

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
    return this.commit(this.learn(X, "fit"));
  }

  /** The centers and scales learnt from X; errors name `method`, the one the user called (fit or fitTransform). */
  private learn(X: MatrixInput, method: string): RobustScalerState {
    const site = this.site(method);
    const { rows, names, columns, schema } = numericColumns(X, site, { checkInfinity: false });
    const { withCentering, withScaling, unitVariance } = this.params;
    const [qLow, qHigh] = this.params.quantileRange;
    const cols = columns.length;
    const center = withCentering ? new Float64Array(cols) : null;
    const scale = withScaling ? new Float64Array(cols) : null;
    const buffer = new Float64Array(rows);
    const adjust = unitVariance ? normalQuantile(qHigh / 100) - normalQuantile(qLow / 100) : 1;
    for (let j = 0; j < cols; j++) {
      const n = copyPresent(columns[j], buffer);
      if (n < 0) refuseUncheckedInfinity(X, site);
      if (n === 0) throw DataError.at({ ...site, column: names[j] }, `column "${names[j]}" has no values to scale (every value is NaN); drop the column or impute it first`);
      const ranks = neededRanks(n, center !== null, scale !== null ? [qLow, qHigh] : []);
      const found = orderStatistics(buffer.subarray(0, n), ranks);
      const at = (rank: number): number => found[ranks.indexOf(rank)];
      if (center !== null) center[j] = median(n, at);
      if (scale !== null) {
        const range = percentile(n, qHigh, at) - percentile(n, qLow, at);
        const s = range < 10 * EPS ? 1 : range;
        scale[j] = unitVariance ? s / adjust : s;
      }
    }
    return { schema, center, scale };
  }

  /** `(x - center) / scale` per column (each step only when enabled); NaN stays NaN. */
  transform(X: MatrixInput): Frame | Matrix {
    return this.apply(X, "transform", false);
  }

  /** `x * scale + center` per column (each step only when enabled). */
  inverseTransform(X: MatrixInput): Frame | Matrix {
    return this.apply(X, "inverseTransform", true);
  }

  fitTransform(X: MatrixInput, _y?: unknown): Frame | Matrix {
    return this.commit(this.learn(X, "fitTransform")).transform(X);
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
    const site = this.site(method);
    const { rows, columns, schema } = numericColumns(X, site, { checkInfinity: false });
    checkFeatures(state.schema, schema, site);
    const { data, infinite } = affineColumns(columns, rows, state.center, state.scale, inverse);
    if (infinite) refuseUncheckedInfinity(X, site);
    return numericOutput(X, data, rows, state.schema);
  }

  protected encodeState(state: RobustScalerState): JsonObject {
    return {
      schema: encodeSchema(state.schema),
      center: state.center === null ? null : encodeFloat64Array(state.center),
      scale: state.scale === null ? null : encodeFloat64Array(state.scale),
    };
  }

  protected decodeState(reader: StateReader, _context: LoadContext): RobustScalerState {
    const schema = decodeSchema(reader.object("schema"), { numeric: true });
    const length = schema.names.length;
    const center = reader.raw("center") === null ? null : reader.f64("center", { length, finite: true });
    const scale = reader.raw("scale") === null ? null : reader.f64("scale", { length, finite: true, min: Number.MIN_VALUE });
    if ((center === null) === this.params.withCentering) reader.fail("center", "does not match withCentering");
    if ((scale === null) === this.params.withScaling) reader.fail("scale", "does not match withScaling");
    return { schema, center, scale };
  }
}

/**
 * Copies the values that are not NaN to the start of `buffer` and returns their count, or -1
 * when one is ±Infinity.
 */
function copyPresent(values: Float64Array, buffer: Float64Array): number {
  let n = 0;
  let infinite = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    infinite |= +(Math.abs(v) === Infinity);
    buffer[n] = v;
    n += +(v === v);
  }
  return infinite === 1 ? -1 : n;
}

/**
 * The ranks (ascending, distinct) of the order statistics that numpy's median (when `median`)
 * and linear percentiles at `percentiles` read from n values.
 */
function neededRanks(n: number, median: boolean, percentiles: readonly number[]): number[] {
  const ranks: number[] = median ? [(n - 1) >> 1, n >> 1] : [];
  for (const q of percentiles) {
    const { below, above } = percentilePosition(n, q);
    ranks.push(below, above);
  }
  return [...new Set(ranks)].sort((a, b) => a - b);
}

/**
 * numpy's median of n values from their order statistics `at`: the middle one, or the mean
 * `(a + b) / 2` of the two middle ones; its mean starts from +0, so a median of zeros is +0.
 */
function median(n: number, at: (rank: number) => number): number {
  const upper = at(n >> 1);
  return (n % 2 === 1 ? upper : (at((n >> 1) - 1) + upper) / 2) + 0;
}

/**
 * Where numpy's linear method puts percentile q among n sorted values: the ranks on either side
 * (the same one at the top) and the weight of the upper one.
 */
function percentilePosition(n: number, q: number): { below: number; above: number; gamma: number } {
  const virtual = (n - 1) * (q / 100);
  if (virtual >= n - 1) return { below: n - 1, above: n - 1, gamma: 0 };
  const below = Math.floor(virtual);
  return { below, above: below + 1, gamma: virtual - below };
}

/**
 * numpy's `percentile(values, q)` of n values with the default linear method, from their order
 * statistics `at` (those of `neededRanks`): the two around the virtual index, interpolated as
 * numpy's `_lerp` does.
 */
function percentile(n: number, q: number, at: (rank: number) => number): number {
  const { below, above, gamma } = percentilePosition(n, q);
  const a = at(below);
  if (above === below) return a;
  const b = at(above);
  const diff = b - a;
  return gamma >= 0.5 ? b - diff * (1 - gamma) : a + diff * gamma;
}
