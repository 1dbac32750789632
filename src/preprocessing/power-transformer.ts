import { firstInfinite, hasNaN } from "../core/all-finite.js";
import { DataError, type ErrorSite } from "../core/errors.js";
import { Estimator, type LoadContext } from "../core/estimator.js";
import type { Frame } from "../core/frame.js";
import { checkFeatures, decodeSchema, encodeSchema, type FeatureSchema, type MatrixInput } from "../core/input.js";
import type { JsonObject } from "../core/json.js";
import type { Matrix } from "../core/matrix.js";
import { boolean, oneOf, param, type ParamSchema } from "../core/params.js";
import { encodeFloat64Array, type StateReader } from "../core/state-codec.js";
import { columnSum, squaredDeviationsInto, sumsColumnsPairwise } from "./column-sum.js";
import { numericColumns, numericOutput, refuseUncheckedInfinity } from "./numeric-columns.js";
import { DistinctScratch, mapDistinct } from "./distinct-values.js";
import { boxCoxColumn, boxCoxLambda, inverseBoxCox, inverseYeoJohnsonColumn, standardizeColumn, yeoJohnsonLambda } from "./power-functions.js";
import { yeoJohnsonTransformColumn } from "./yeo-johnson-transform.js";
import { BracketFailure } from "./scalar-minimize.js";
import { columnMoments, momentsBuffer } from "./standard-scaler.js";

export interface PowerTransformerParams {
  /** "yeo-johnson" (the default; any real values) or "box-cox" (strictly positive values only). */
  method: "yeo-johnson" | "box-cox";
  /** Standardize the transformed columns to zero mean and unit variance (an inner StandardScaler). Default true. */
  standardize: boolean;
}

const SCHEMA: ParamSchema<PowerTransformerParams> = {
  method: param("yeo-johnson", oneOf("yeo-johnson", "box-cox")),
  standardize: param(true, boolean()),
};

/** The inner StandardScaler's statistics (scikit-learn's `_scaler`). */
interface ScalerState {
  mean: Float64Array;
  variance: Float64Array;
  scale: Float64Array;
  samplesSeen: Float64Array;
}

interface PowerTransformerState {
  schema: FeatureSchema;
  lambdas: Float64Array;
  scaler: ScalerState | null;
}

const EPS = 2.220446049250313e-16;

/**
 * Makes columns more Gaussian-like with a per-column power transform whose lambda is fitted by
 * maximum likelihood, then (by default) standardizes them: scikit-learn's `PowerTransformer`.
 *
 * @remarks
 * Lambdas are found as scipy finds them: Yeo-Johnson by `fminbound` on scipy's overflow-safe
 * bounds, Box-Cox by `brent` from the bracket (-2, 2) with scipy's overflow guard. A Yeo-Johnson
 * column that is constant gets lambda 1 and is left as it is during fit, as in scikit-learn.
 * NaN is ignored when fitting and passes through transform and inverseTransform. Box-Cox needs
 * strictly positive data. A Frame or records give a Frame, a matrix a Matrix.
 *
 * @example
 * ```ts
 * const pt = new PowerTransformer().fit(frame);
 * pt.lambdas; // one lambda per column
 * const z = pt.transform(frame);
 * ```
 * @see https://scikit-learn.org/stable/modules/generated/sklearn.preprocessing.PowerTransformer.html
 */
export class PowerTransformer extends Estimator<PowerTransformerParams, PowerTransformerState> {
  static readonly kind = "PowerTransformer";
  static readonly schemaVersion = 1;

  constructor(params?: Partial<PowerTransformerParams>) {
    super(SCHEMA, params);
  }

  fit(X: MatrixInput, _y?: unknown): this {
    return this.commit(this.learn(X, "fit").state);
  }

  /**
   * Fits and returns the transformed input as scikit-learn's `fit_transform` does. A constant
   * Yeo-Johnson column is left untransformed here (lambda 1 is the identity up to rounding),
   * so it can differ from `fit(X).transform(X)` in the last bits, as in scikit-learn.
   */
  fitTransform(X: MatrixInput, _y?: unknown): Frame | Matrix {
    const { state, data, rows } = this.learn(X, "fitTransform");
    this.commit(state);
    return numericOutput(X, data, rows, state.schema);
  }

  /** The power transform of each column with its fitted lambda, then the standardization. NaN stays NaN. */
  transform(X: MatrixInput): Frame | Matrix {
    const state = this.fitted("transform");
    const site = this.site("transform");
    // ±Infinity is looked for among each column's distinct values, not in a pass of its own.
    const { rows, names, columns, schema } = numericColumns(X, site, { checkInfinity: false });
    checkFeatures(state.schema, schema, site);
    if (this.params.method === "box-cox") checkPositive(columns, names, site);
    const out = new Float64Array(rows * columns.length);
    const { scaler } = state;
    const scratch = new DistinctScratch(rows);
    for (let j = 0; j < columns.length; j++) {
      const values = columns[j];
      const lambda = state.lambdas[j];
      // Transformed and standardized once per distinct value: both are pointwise.
      mapDistinct(values, out.subarray(j * rows, (j + 1) * rows), (points, results) => {
        if (this.powerPoints(points, lambda, results, scaler?.mean[j], scaler?.scale[j])) return;
        // ±Infinity among the values or their transforms (which only the scaler refuses).
        if (firstInfinite(points) >= 0) refuseUncheckedInfinity(X, site);
        if (scaler === null) return;
        this.powerPoints(points, lambda, results);
        const overflow = firstInfinite(results);
        // The first point of the column with an overflow is the first value, in row order, that overflows.
        throw overflowError({ ...site, column: names[j], row: values.indexOf(points[overflow]) }, results[overflow]);
      }, scratch);
    }
    return numericOutput(X, out, rows, state.schema);
  }

  /** Undoes the standardization, then the power transform. NaN stays NaN; values outside the transform's range give NaN. */
  inverseTransform(X: MatrixInput): Frame | Matrix {
    const state = this.fitted("inverseTransform");
    const site = this.site("inverseTransform");
    const { rows, columns, schema } = numericColumns(X, site);
    checkFeatures(state.schema, schema, site);
    const out = new Float64Array(rows * columns.length);
    const buffer = new Float64Array(rows);
    for (let j = 0; j < columns.length; j++) {
      const target = out.subarray(j * rows, (j + 1) * rows);
      const values = columns[j];
      const lambda = state.lambdas[j];
      let source = values;
      if (state.scaler !== null) {
        const scale = state.scaler.scale[j];
        const mean = state.scaler.mean[j];
        for (let i = 0; i < rows; i++) buffer[i] = values[i] * scale + mean;
        source = buffer;
      }
      if (this.params.method === "yeo-johnson") inverseYeoJohnsonColumn(source, lambda, target);
      else for (let i = 0; i < rows; i++) target[i] = inverseBoxCox(source[i], lambda);
    }
    return numericOutput(X, out, rows, state.schema);
  }

  featureNamesOut(): string[] {
    return [...this.fitted("featureNamesOut").schema.names];
  }

  /** The fitted lambda of each column. */
  get lambdas(): Float64Array {
    return this.fitted("lambdas").lambdas.slice();
  }
  /** The inner scaler's means of the transformed columns (null without `standardize`). */
  get scalerMean(): Float64Array | null {
    return this.fitted("scalerMean").scaler?.mean.slice() ?? null;
  }
  /** The inner scaler's population variances of the transformed columns (null without `standardize`). */
  get scalerVariance(): Float64Array | null {
    return this.fitted("scalerVariance").scaler?.variance.slice() ?? null;
  }
  /** The inner scaler's divisors: standard deviation, or 1 for a constant column (null without `standardize`). */
  get scalerScale(): Float64Array | null {
    return this.fitted("scalerScale").scaler?.scale.slice() ?? null;
  }
  get featureNamesIn(): string[] {
    return [...this.fitted("featureNamesIn").schema.names];
  }

  /**
   * scikit-learn's `_fit`: lambdas column by column, transformed copies where needed, then the
   * scaler. For fitTransform (scikit-learn's `force_transform`) `data` is the transformed input.
   * Errors name `caller`, the method the user called.
   */
  private learn(X: MatrixInput, caller: "fit" | "fitTransform"): { state: PowerTransformerState; data: Float64Array; rows: number } {
    const forceTransform = caller === "fitTransform";
    const site = this.site(caller);
    const { rows, names, columns, schema } = numericColumns(X, site);
    const { method, standardize } = this.params;
    if (method === "box-cox") checkPositive(columns, names, site);
    const cols = columns.length;
    const pairwise = sumsColumnsPairwise(X, cols);
    const lambdas = new Float64Array(cols);
    // Column c of the (partly) transformed matrix at c * rows, as scikit-learn's X after the loop.
    const data = new Float64Array(rows * cols);
    const buffer = new Float64Array(rows);
    const scratch = new DistinctScratch(rows);
    for (let j = 0; j < cols; j++) {
      const values = columns[j];
      const target = data.subarray(j * rows, (j + 1) * rows);
      const columnSite = { ...site, column: names[j] };
      if (method === "yeo-johnson" && isConstantColumn(values, pairwise, buffer)) {
        lambdas[j] = 1.0;
        target.set(values);
        continue;
      }
      const present = presentValues(values);
      if (present.length === 0) throw DataError.at(columnSite, `column "${names[j]}" has no values (every value is NaN); a ${method} lambda needs at least one; drop the column or impute it first`);
      lambdas[j] = method === "yeo-johnson" ? yeoJohnsonLambda(present) : this.boxCoxLambdaOf(present, columnSite);
      if (standardize || forceTransform) this.powerColumn(values, lambdas[j], target, scratch);
      else target.set(values);
    }
    let scaler: ScalerState | null = null;
    if (standardize) {
      scaler = fitScaler(data, rows, cols, pairwise, names, site);
      if (forceTransform) for (let j = 0; j < cols; j++) standardizeColumn(data.subarray(j * rows, (j + 1) * rows), scaler.mean[j], scaler.scale[j]);
    }
    return { state: { schema, lambdas, scaler }, data, rows };
  }

  private boxCoxLambdaOf(present: Float64Array, site: ErrorSite): number {
    let constant = true;
    for (let i = 1; i < present.length && constant; i++) if (present[i] !== present[0]) constant = false;
    if (constant) throw DataError.at(site, `column "${site.column}" is constant (every value is ${present[0]}); the Box-Cox lambda is undefined for constant data; drop the column or use method "yeo-johnson"`);
    try {
      return boxCoxLambda(present);
    } catch (error) {
      if (error instanceof BracketFailure) throw DataError.at(site, `the Box-Cox likelihood search found no bracket around a maximum (${error.message}), as scipy's brent does for this data`);
      throw error;
    }
  }

  /** The power transform of a whole column, once per distinct value when values repeat. */
  private powerColumn(values: Float64Array, lambda: number, out: Float64Array, scratch: DistinctScratch): void {
    mapDistinct(values, out, (points, results) => this.powerPoints(points, lambda, results), scratch);
  }

  /** The transform of `points` standardized by `mean` and `scale` (none by default); whether no point or transform is infinite. */
  private powerPoints(points: Float64Array, lambda: number, out: Float64Array, mean?: number, scale?: number): boolean {
    return this.params.method === "yeo-johnson" ? yeoJohnsonTransformColumn(points, lambda, out, mean, scale) : boxCoxColumn(points, lambda, out, mean, scale);
  }

  protected encodeState(state: PowerTransformerState): JsonObject {
    const { scaler } = state;
    return {
      schema: encodeSchema(state.schema),
      lambdas: encodeFloat64Array(state.lambdas),
      scaler:
        scaler === null
          ? null
          : {
              mean: encodeFloat64Array(scaler.mean),
              variance: encodeFloat64Array(scaler.variance),
              scale: encodeFloat64Array(scaler.scale),
              samplesSeen: encodeFloat64Array(scaler.samplesSeen),
            },
    };
  }

  protected decodeState(reader: StateReader, _context: LoadContext): PowerTransformerState {
    const schema = decodeSchema(reader.object("schema"), { numeric: true });
    const length = schema.names.length;
    const lambdas = reader.f64("lambdas", { length, finite: true });
    let scaler: ScalerState | null = null;
    if (reader.raw("scaler") !== null) {
      const s = reader.object("scaler");
      scaler = {
        // Transformed values near the float64 limit overflow the scaler's sums: scikit-learn keeps
        // the resulting inf/NaN statistics (and outputs NaN for that column), and so does tabkit.
        mean: s.f64("mean", { length, finite: false }),
        variance: s.f64("variance", { length, finite: false }),
        scale: s.f64("scale", { length, finite: false, min: Number.MIN_VALUE }),
        samplesSeen: s.f64("samplesSeen", { length, finite: true, min: 0 }),
      };
      // Only an overflowed column has a non-finite scale: sqrt of its inf/NaN variance.
      const { variance, scale } = scaler;
      scale.forEach((value, j) => {
        if (!Number.isFinite(value) && Number.isFinite(variance[j])) s.fail(`scale[${j}]`, "must be finite when the variance is finite (only an overflowed column has an inf/NaN scale)");
      });
    }
    if ((scaler === null) === this.params.standardize) reader.fail("scaler", "does not match standardize");
    return { schema, lambdas, scaler };
  }
}

/** scikit-learn's `_is_constant_feature` on `np.mean`/`np.var` of the raw column (NaN makes it non-constant). */
function isConstantColumn(values: Float64Array, pairwise: boolean, buffer: Float64Array): boolean {
  const n = values.length;
  const mean = columnSum(values, pairwise) / n;
  if (mean !== mean) return false;
  squaredDeviationsInto(values, mean, buffer);
  const variance = columnSum(buffer, pairwise) / n;
  const bound = n * EPS * variance + (n * mean * EPS) * (n * mean * EPS);
  return variance <= bound;
}

function presentValues(values: Float64Array): Float64Array {
  let count = 0;
  for (let i = 0; i < values.length; i++) if (values[i] === values[i]) count++;
  if (count === values.length) return values;
  const out = new Float64Array(count);
  let k = 0;
  for (let i = 0; i < values.length; i++) if (values[i] === values[i]) out[k++] = values[i];
  return out;
}

/** scikit-learn checks `np.nanmin(X) <= 0` for Box-Cox; this names the first offending cell. */
function checkPositive(columns: Float64Array[], names: string[], site: ErrorSite): void {
  for (let j = 0; j < columns.length; j++) {
    const values = columns[j];
    for (let i = 0; i < values.length; i++) {
      if (values[i] <= 0) {
        throw DataError.at({ ...site, column: names[j], row: i }, `the Box-Cox transformation can only be applied to strictly positive data, but column "${names[j]}" has ${values[i]} at row ${i}; use method "yeo-johnson" or shift the column`);
      }
    }
  }
}

/** The inner StandardScaler fitted on the transformed columns (tabkit's StandardScaler sums, numpy's order). */
function fitScaler(data: Float64Array, rows: number, cols: number, pairwise: boolean, names: string[], site: ErrorSite): ScalerState {
  const mean = new Float64Array(cols);
  const variance = new Float64Array(cols);
  const scale = new Float64Array(cols);
  const samplesSeen = new Float64Array(cols);
  const buffer = momentsBuffer(rows, false, pairwise);
  for (let j = 0; j < cols; j++) {
    const column = data.subarray(j * rows, (j + 1) * rows);
    const overflow = firstInfinite(column);
    if (overflow >= 0) throw overflowError({ ...site, column: names[j], row: overflow }, column[overflow]);
    const m = columnMoments(column, null, pairwise, buffer, () => hasNaN(data));
    const n = m.count;
    samplesSeen[j] = n;
    mean[j] = m.mean;
    variance[j] = (m.squares - (m.correction * m.correction) / n) / n;
    const upperBound = n * EPS * variance[j] + (n * m.mean * EPS) ** 2;
    scale[j] = variance[j] <= upperBound ? 1 : Math.sqrt(variance[j]);
  }
  return { mean, variance, scale, samplesSeen };
}

function overflowError(site: ErrorSite & { column: string; row: number }, value: number): DataError {
  return DataError.at(site, `the power transform of column "${site.column}" overflows to ${value} at row ${site.row}; it cannot be standardized`);
}
