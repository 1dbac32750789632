import { allFinite } from "../core/all-finite.js";
import { DataError, ValidationError, type ErrorSite } from "../core/errors.js";
import { Estimator, type LoadContext } from "../core/estimator.js";
import { Frame } from "../core/frame.js";
import { checkFeatures, decodeSchema, encodeSchema, schemaOfMatrix, toMatrix, type FeatureSchema, type MatrixInput } from "../core/input.js";
import type { JsonObject } from "../core/json.js";
import { Matrix } from "../core/matrix.js";
import { anyOf, arrayOf, boolean, integer, oneOf, param, type ParamSchema } from "../core/params.js";
import type { StateReader } from "../core/state-codec.js";
import { isRowMajorInput } from "./column-sum.js";
import { refuseCollidingNames, refuseSavedCollidingNames, type OutputSource } from "./column-output.js";
import { numericColumns } from "./numeric-columns.js";

export interface PolynomialFeaturesParams {
  /** The maximum degree, or `[minDegree, maxDegree]` (degrees below minDegree are left out, the bias column excepted). Default 2. */
  degree: number | readonly [number, number];
  /** Only products of distinct features (`a b`, never `a^2`). Default false. */
  interactionOnly: boolean;
  /** Start with a column of ones named `"1"`. Default true. */
  includeBias: boolean;
  /**
   * The memory layout of scikit-learn's dense output. Only "C" exists here: tabkit's outputs are a
   * row-major Matrix or a column-wise Frame whatever the layout, and the values do not depend on it.
   */
  order: "C";
}

/** Outputs wider than this are refused before any memory is taken. */
const MAX_OUTPUT_FEATURES = 1 << 24;

const SCHEMA: ParamSchema<PolynomialFeaturesParams> = {
  degree: param<number | readonly [number, number]>(2, anyOf(integer({ min: 0 }), arrayOf(integer({ min: 0 }), { minLength: 2 }))),
  interactionOnly: param(false, boolean()),
  includeBias: param(true, boolean()),
  order: param<"C">("C", oneOf("C")),
};

interface PolynomialFeaturesState {
  schema: FeatureSchema;
  /** Number of output columns. */
  nOutput: number;
}

/**
 * Adds polynomial and interaction terms of the input columns: scikit-learn's `PolynomialFeatures`
 * (dense input), with its column order, its names (`"a"`, `"a^2"`, `"a b"`, `"1"`) and its
 * products computed in its order, so every value is bit-identical.
 *
 * @remarks
 * Columns: the bias `1` (if `includeBias`), then for each degree from max(1, minDegree) to
 * maxDegree the index combinations in lexicographic order (with repetition unless
 * `interactionOnly`). A degree-d column is a degree-(d-1) column times one more feature, as
 * scikit-learn builds it. NaN and ±Infinity are refused (scikit-learn's check), naming column and row.
 *
 * @example
 * ```ts
 * const poly = new PolynomialFeatures({ degree: 2, interactionOnly: true, includeBias: false }).fit(frame);
 * poly.featureNamesOut(); // ["a", "b", "c", "a b", "a c", "b c"]
 * ```
 * @see https://scikit-learn.org/stable/modules/generated/sklearn.preprocessing.PolynomialFeatures.html
 */
export class PolynomialFeatures extends Estimator<PolynomialFeaturesParams, PolynomialFeaturesState> {
  static readonly kind = "PolynomialFeatures";
  static readonly schemaVersion = 1;

  constructor(params?: Partial<PolynomialFeaturesParams>) {
    super(SCHEMA, params);
    const { degree, includeBias } = this.params;
    const [min, max] = degreeRange(degree);
    if (Array.isArray(degree) && (degree.length !== 2 || min > max)) {
      throw new ValidationError(`${this.kind}: degree=[minDegree, maxDegree] needs two integers with minDegree <= maxDegree, got [${degree.join(", ")}]`, [
        { path: "degree", message: "must be [minDegree, maxDegree] with 0 <= minDegree <= maxDegree" },
      ]);
    }
    if (max === 0 && !includeBias) {
      throw new ValidationError(`${this.kind}: a maximum degree of 0 without includeBias would give an empty output`, [
        { path: "degree", message: "must be at least 1 when includeBias is false" },
      ]);
    }
  }

  fit(X: MatrixInput, _y?: unknown): this {
    return this.commit(this.learn(X, "fit").state);
  }

  /** The input schema and output width, and the input as read. Errors name `method`, the one the user called (fit or fitTransform). */
  private learn(X: MatrixInput, method: string): { state: PolynomialFeaturesState; input: ReadInput } {
    const site = this.site(method);
    const input = readInput(X, site, this.kind, method);
    const { schema } = input;
    const [min, max] = degreeRange(this.params.degree);
    const nOutput = countOutputs(schema.names.length, min, max, this.params.interactionOnly, this.params.includeBias);
    if (nOutput > MAX_OUTPUT_FEATURES) {
      throw DataError.at(site, `the output would have ${nOutput} columns (more than ${MAX_OUTPUT_FEATURES}); lower the degree, use interactionOnly, or select fewer columns`);
    }
    if (schema.named) refuseCollidingNames(this.namesOut(schema.names), site, this.sourceOf(schema.names));
    return { state: { schema, nOutput }, input };
  }

  /** The polynomial terms of each row, in scikit-learn's column order. */
  transform(X: MatrixInput): Frame | Matrix {
    const state = this.fitted("transform");
    return this.expandInput(X, readInput(X, this.site("transform"), this.kind, "transform", state.schema), state);
  }

  fitTransform(X: MatrixInput, _y?: unknown): Frame | Matrix {
    const { state, input } = this.learn(X, "fitTransform");
    this.commit(state);
    return this.expandInput(X, input, state);
  }

  /** The output for an input read and checked by `readInput`. */
  private expandInput(X: MatrixInput, input: ReadInput, state: PolynomialFeaturesState): Frame | Matrix {
    const range = degreeRange(this.params.degree);
    const { interactionOnly, includeBias } = this.params;
    if (input.matrix !== null) {
      // Rows in, rows out: each output row is built from its input row, with no column-major detour.
      const { matrix } = input;
      const data = expandRows(matrix.data, matrix.rows, matrix.cols, range, interactionOnly, includeBias, state.nOutput);
      return new Matrix(data, matrix.rows, state.nOutput, state.schema.named ? this.featureNamesOut() : undefined);
    }
    // Column input (a Frame or records) comes out as a Frame.
    return Frame.adoptColumns(this.featureNamesOut(), expand(input.columns, input.rows, range, interactionOnly, includeBias, state.nOutput), input.rows);
  }

  /** What produces each output column, for the error on colliding names: an input column, a product, or the bias. */
  private sourceOf(names: readonly string[]): OutputSource {
    return (c) => {
      const combination = this.combinations(names.length)[c];
      if (combination.length === 0) return "the bias column";
      if (combination.length === 1) return `column "${names[combination[0]]}"`;
      return `the product ${combination.map((feature) => `"${names[feature]}"`).join(" * ")}`;
    };
  }

  /** Names as scikit-learn builds them: features with non-zero power, `name` or `name^p`, joined by spaces; `"1"` for the bias. */
  featureNamesOut(): string[] {
    return this.namesOut(this.fitted("featureNamesOut").schema.names);
  }

  private namesOut(names: readonly string[]): string[] {
    return this.combinations(names.length).map((combination) => {
      if (combination.length === 0) return "1";
      const parts: string[] = [];
      for (let k = 0; k < combination.length; ) {
        const feature = combination[k];
        let power = 0;
        while (k < combination.length && combination[k] === feature) {
          power++;
          k++;
        }
        parts.push(power === 1 ? names[feature] : `${names[feature]}^${power}`);
      }
      return parts.join(" ");
    });
  }

  /** scikit-learn's `powers_`: for each output column, the exponent of each input column. */
  get powers(): number[][] {
    const n = this.fitted("powers").schema.names.length;
    return this.combinations(n).map((combination) => {
      const row = new Array<number>(n).fill(0);
      for (const feature of combination) row[feature]++;
      return row;
    });
  }
  /** Number of output columns (scikit-learn's `n_output_features_`). */
  get nOutputFeatures(): number {
    return this.fitted("nOutputFeatures").nOutput;
  }
  get featureNamesIn(): string[] {
    return [...this.fitted("featureNamesIn").schema.names];
  }

  /** scikit-learn's `_combinations`: bias (empty), then each degree's index combinations in lexicographic order. */
  private combinations(n: number): number[][] {
    const [min, max] = degreeRange(this.params.degree);
    const out: number[][] = [];
    if (this.params.includeBias) out.push([]);
    const strict = this.params.interactionOnly;
    for (let d = Math.max(1, min); d <= topDegree(n, max, strict); d++) {
      const current: number[] = [];
      const visit = (from: number) => {
        if (current.length === d) {
          out.push([...current]);
          return;
        }
        for (let f = from; f < n; f++) {
          current.push(f);
          visit(strict ? f + 1 : f);
          current.pop();
        }
      };
      visit(0);
    }
    return out;
  }

  protected encodeState(state: PolynomialFeaturesState): JsonObject {
    return { schema: encodeSchema(state.schema), nOutput: state.nOutput };
  }

  protected decodeState(reader: StateReader, _context: LoadContext): PolynomialFeaturesState {
    const schema = decodeSchema(reader.object("schema"), { numeric: true });
    const nOutput = reader.integer("nOutput", { min: 1, max: MAX_OUTPUT_FEATURES });
    const [min, max] = degreeRange(this.params.degree);
    if (nOutput !== countOutputs(schema.names.length, min, max, this.params.interactionOnly, this.params.includeBias)) {
      reader.fail("nOutput", "does not match the params and the number of input columns");
    }
    if (schema.named) refuseSavedCollidingNames(reader, this.namesOut(schema.names), this.sourceOf(schema.names));
    return { schema, nOutput };
  }
}

function degreeRange(degree: number | readonly [number, number]): [number, number] {
  return typeof degree === "number" ? [0, degree] : [degree[0], degree[1]];
}

function binomial(n: number, k: number): number {
  if (k < 0 || k > n) return 0;
  // C(n, k) = C(n, n - k): the shorter product, so a huge degree costs no more than a small one
  const terms = Math.min(k, n - k);
  let result = 1;
  for (let i = 1; i <= terms; i++) result = (result * (n - terms + i)) / i;
  return Math.round(result);
}

/** The highest degree that adds columns: without repeated features, none above the feature count. */
function topDegree(n: number, max: number, interactionOnly: boolean): number {
  return interactionOnly ? Math.min(max, n) : max;
}

/** An input read for the products: row-major (`matrix`) or by column (`columns`). */
interface ReadInput {
  schema: FeatureSchema;
  matrix: Matrix | null;
  columns: Float64Array[];
  rows: number;
}

/**
 * Reads X for `method`, checking its columns against `expected` (at transform) before its values,
 * and refusing ±Infinity and NaN.
 */
function readInput(X: MatrixInput, site: ErrorSite, kind: string, method: string, expected?: FeatureSchema): ReadInput {
  if (isRowMajorInput(X)) {
    const matrix = toMatrix(X, site, { checkValues: false });
    const schema = schemaOfMatrix(X, matrix);
    if (expected !== undefined) checkFeatures(expected, schema, site);
    checkFiniteRows(X, matrix, site);
    return { schema, matrix, columns: [], rows: matrix.rows };
  }
  const { rows, names, columns, schema } = numericColumns(X, site);
  if (expected !== undefined) checkFeatures(expected, schema, site);
  checkFinite(columns, names, kind, method);
  return { schema, matrix: null, columns, rows };
}

/** scikit-learn's `_num_combinations`. */
function countOutputs(n: number, min: number, max: number, interactionOnly: boolean, includeBias: boolean): number {
  let count = 0;
  if (interactionOnly) {
    for (let d = Math.max(1, min); d <= topDegree(n, max, true); d++) count += binomial(n, d);
  } else {
    count = binomial(n + max, max) - 1;
    if (min > 0) count -= binomial(n + min - 1, min - 1) - 1;
  }
  return includeBias ? count + 1 : count;
}

function checkFinite(columns: Float64Array[], names: string[], kind: string, method: string): void {
  for (let j = 0; j < columns.length; j++) {
    const values = columns[j];
    for (let i = 0; i < values.length; i++) {
      if (values[i] !== values[i]) {
        throw DataError.at({ estimator: kind, method, column: names[j], row: i }, `value NaN is not allowed (scikit-learn's PolynomialFeatures refuses missing values); impute missing values first (e.g. SimpleImputer)`);
      }
    }
  }
}

/**
 * Refuses ±Infinity (toMatrix's error) and then NaN (with scikit-learn's reason) in the matrix read
 * from X without value checks: one pass when every value is finite.
 */
function checkFiniteRows(X: MatrixInput, matrix: Matrix, site: ErrorSite): void {
  const { data, cols } = matrix;
  if (allFinite(data)) return;
  toMatrix(X, site, { allowNaN: true });
  for (let k = 0; k < data.length; k++) {
    if (data[k] !== data[k]) {
      const column = matrix.names()[k % cols];
      throw DataError.at({ ...site, column, row: Math.floor(k / cols) }, `value NaN is not allowed (scikit-learn's PolynomialFeatures refuses missing values); impute missing values first (e.g. SimpleImputer)`);
    }
  }
}

/**
 * The plan of scikit-learn's dense transform, which builds each degree-d block feature by feature
 * as `XP[:, start:end] * X[:, f]`: one step per such product, writing the output columns
 * `to[s] ..< to[s] + length[s]` as the columns from `from[s]` on times input feature `feature[s]`.
 */
interface ProductPlan {
  to: Int32Array;
  from: Int32Array;
  length: Int32Array;
  feature: Int32Array;
  /** The first degree-1 column (after the bias). */
  first: number;
  /** Output columns before minDegree cuts any. */
  nFull: number;
}

function productPlan(n: number, max: number, interactionOnly: boolean, includeBias: boolean): ProductPlan {
  const nFull = countOutputs(n, 0, max, interactionOnly, includeBias);
  const steps: { to: number; from: number; length: number; feature: number }[] = [];
  let current = includeBias ? 1 : 0;
  const first = current;
  if (max > 0) {
    let index: number[] = [];
    for (let f = 0; f < n; f++) index.push(current + f);
    current += n;
    index.push(current);
    for (let d = 2; d <= topDegree(n, max, interactionOnly); d++) {
      const next: number[] = [];
      const end = index[index.length - 1];
      for (let f = 0; f < n; f++) {
        let start = index[f];
        next.push(current);
        if (interactionOnly) start += index[f + 1] - index[f];
        const nextCol = current + end - start;
        if (nextCol <= current) break;
        steps.push({ to: current, from: start, length: end - start, feature: f });
        current = nextCol;
      }
      next.push(current);
      index = next;
    }
  }
  const field = (key: "to" | "from" | "length" | "feature") => Int32Array.from(steps, (step) => step[key]);
  return { to: field("to"), from: field("from"), length: field("length"), feature: field("feature"), first, nFull };
}

/** `expand` for row-major data: one output row per input row, products in scikit-learn's order. */
function expandRows(X: Float64Array, rows: number, n: number, range: [number, number], interactionOnly: boolean, includeBias: boolean, nOutput: number): Float64Array {
  const plan = productPlan(n, range[1], interactionOnly, includeBias);
  const { first, nFull } = plan;
  const skip = range[0] <= 1 ? 0 : nFull - nOutput + (includeBias ? 1 : 0);
  const out = new Float64Array(rows * nOutput);
  // Without a cut the row is built in place in the output; with one, in `full` and then copied.
  const full = skip === 0 ? out : new Float64Array(nFull);
  const degreeOne = range[1] > 0 ? n : 0;
  for (let i = 0; i < rows; i++) {
    const base = i * n;
    const target = i * nOutput;
    const row = skip === 0 ? target : 0;
    if (includeBias) full[row] = 1;
    for (let f = 0; f < degreeOne; f++) full[row + first + f] = X[base + f];
    multiplyRow(full, row, X, base, plan);
    if (skip > 0) {
      let k = target;
      if (includeBias) out[k++] = 1;
      for (let c = skip; c < nFull; c++) out[k++] = full[c];
    }
  }
  return out;
}

/** The plan's products for one row whose degree-1 values are in place at `values[row + first ..]`. */
function multiplyRow(values: Float64Array, row: number, X: Float64Array, base: number, { to, from, length, feature }: ProductPlan): void {
  for (let s = 0; s < to.length; s++) {
    const x = X[base + feature[s]];
    const target = row + to[s];
    const source = row + from[s];
    for (let k = 0; k < length[s]; k++) values[target + k] = values[source + k] * x;
  }
}

/**
 * scikit-learn's dense transform, column by column: the degree-1 block is the input, and each
 * degree-d block is built feature by feature as `XP[:, start:end] * X[:, f]` (the steps of
 * `productPlan`). Lower degrees than minDegree are cut afterwards, as scikit-learn does.
 *
 * Each output column is an array of its own rather than a view of one block: the output is often
 * far larger than its input (91 columns from 13), and glibc's malloc (under V8's array buffers)
 * serves a block above 32 MB with fresh pages from the system on every call, each faulted in on
 * its first write. Columns (800 KB for 100k rows) reuse freed memory instead.
 */
function expand(columns: Float64Array[], rows: number, [min, max]: [number, number], interactionOnly: boolean, includeBias: boolean, nOutput: number): Float64Array[] {
  const { to, from, length, feature, first, nFull } = productPlan(columns.length, max, interactionOnly, includeBias);
  const full: Float64Array[] = new Array(nFull);
  if (includeBias) full[0] = new Float64Array(rows).fill(1);
  if (max > 0) columns.forEach((column, f) => (full[first + f] = column.slice()));
  for (let s = 0; s < to.length; s++) {
    const values = columns[feature[s]];
    for (let k = 0; k < length[s]; k++) full[to[s] + k] = product(full[from[s] + k], values);
  }
  if (min <= 1) return full;
  const kept = full.slice(nFull - nOutput + (includeBias ? 1 : 0));
  return includeBias ? [full[0], ...kept] : kept;
}

/** The element-wise product of two columns, in a new array. */
function product(a: Float64Array, b: Float64Array): Float64Array {
  const out = new Float64Array(a.length);
  for (let i = 0; i < a.length; i++) out[i] = a[i] * b[i];
  return out;
}
