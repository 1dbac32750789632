import { DataError, ValidationError, type ErrorSite } from "../core/errors.js";
import { Estimator, type LoadContext } from "../core/estimator.js";
import type { Frame } from "../core/frame.js";
import { checkFeatures, decodeSchema, hasNames, encodeSchema, schemaOfMatrix, toMatrix, type FeatureSchema, type MatrixInput } from "../core/input.js";
import type { JsonObject } from "../core/json.js";
import { defaultFeatureNames, duplicateName, Matrix } from "../core/matrix.js";
import type { ModelRegistry } from "../core/model-loader.js";
import { outputLike } from "../core/output.js";
import { boolean, nullable, oneOf, param, recordOf, string, type ParamCheck, type ParamSchema } from "../core/params.js";
import { FORBIDDEN_KEYS, type StateReader } from "../core/state-codec.js";

/** A keyword argument passed to a registered function (`kwArgs`), as plain JSON data. */
export type KwArg = number | string | boolean | null;

/**
 * A function a FunctionTransformer can call by name: it gets the input matrix (never modify it)
 * and the `kwArgs`, and returns a matrix with one row per input row.
 */
export type TransformFunction = (X: Matrix, kwArgs: Readonly<Record<string, KwArg>>) => Matrix | readonly (readonly number[])[];

/** Functions by name. Saved models hold only the names, never code. */
export type FunctionRegistry = Readonly<Record<string, TransformFunction>>;

/** Lifts a number function to a TransformFunction applied to every cell. */
export function elementwise(f: (value: number) => number): TransformFunction {
  return (X) => {
    const out = new Float64Array(X.data.length);
    for (let k = 0; k < out.length; k++) out[k] = f(X.data[k]);
    return new Matrix(out, X.rows, X.cols, X.featureNames);
  };
}

/** The numpy ufuncs people pass to scikit-learn's FunctionTransformer, available by name. */
export const builtinFunctions: FunctionRegistry = Object.freeze({
  log: elementwise(Math.log),
  log1p: elementwise(Math.log1p),
  log2: elementwise(Math.log2),
  log10: elementwise(Math.log10),
  exp: elementwise(Math.exp),
  expm1: elementwise(Math.expm1),
  sqrt: elementwise(Math.sqrt),
  cbrt: elementwise(Math.cbrt),
  abs: elementwise(Math.abs),
  square: elementwise((v) => v * v),
  reciprocal: elementwise((v) => 1 / v),
});

export interface FunctionTransformerParams {
  /** The name of the function applied by `transform`; null is the identity. Default null. */
  func: string | null;
  /** The name of the function applied by `inverseTransform`; null is the identity. Default null. */
  inverseFunc: string | null;
  /** Refuse NaN in the input (scikit-learn's check_array). Default false. */
  validate: boolean;
  /** With both functions set, warn at fit when they do not undo each other on a sample of rows. Default true. */
  checkInverse: boolean;
  /** `"one-to-one"` keeps the input names (and requires the same width); null takes them from the output. Default null. */
  featureNamesOut: null | "one-to-one";
  /** Keyword arguments given to `func`. Default null. */
  kwArgs: Readonly<Record<string, KwArg>> | null;
  /** Keyword arguments given to `inverseFunc`. Default null. */
  invKwArgs: Readonly<Record<string, KwArg>> | null;
}

const kwArg: ParamCheck = (v) => (v === null || typeof v === "string" || typeof v === "boolean" || (typeof v === "number" && Number.isFinite(v)) ? undefined : "must be a number, string, boolean or null");

/** Keyword arguments are saved with the model, so keys the loader refuses are refused here first. */
const kwArgsCheck: ParamCheck = (value) => {
  const forbidden = value !== null && typeof value === "object" ? Object.keys(value).find((key) => FORBIDDEN_KEYS.has(key)) : undefined;
  if (forbidden !== undefined) return `must not use the key ${JSON.stringify(forbidden)} (saved models may not contain it); rename the argument`;
  return nullable(recordOf(kwArg))(value);
};

const SCHEMA: ParamSchema<FunctionTransformerParams> = {
  func: param(null, nullable(string())),
  inverseFunc: param(null, nullable(string())),
  validate: param(false, boolean()),
  checkInverse: param(true, boolean()),
  featureNamesOut: param(null, nullable(oneOf("one-to-one"))),
  kwArgs: param(null, kwArgsCheck),
  invKwArgs: param(null, kwArgsCheck),
};

export interface FunctionTransformerOptions {
  /** Your functions, by the names `func` and `inverseFunc` use (they may not reuse a built-in name). */
  functions?: FunctionRegistry;
}

interface FunctionTransformerState {
  schema: FeatureSchema;
  namesOut: readonly string[];
}

/**
 * scikit-learn's `FunctionTransformer` with functions named, not passed: `func` and
 * `inverseFunc` are looked up in the built-in functions (`log1p`, `sqrt`, ...) and in the
 * `functions` you give the constructor, so a saved model stores names only. Load one with
 * `loadModel(json, { registry: registryWithFunctions(builtinRegistry, functions) })`.
 */
export class FunctionTransformer extends Estimator<FunctionTransformerParams, FunctionTransformerState> {
  static readonly kind = "FunctionTransformer";
  static readonly schemaVersion = 1;
  readonly #functions: FunctionRegistry;

  constructor(params?: Partial<FunctionTransformerParams>, options: FunctionTransformerOptions = {}) {
    super(SCHEMA, params);
    const functions = options.functions ?? {};
    const shadowed = Object.keys(functions).find((name) => Object.hasOwn(builtinFunctions, name));
    if (shadowed !== undefined) {
      throw new ValidationError(`${this.kind}: the function name "${shadowed}" is taken by a built-in function; register yours under another name`, [
        { path: "functions", message: `"${shadowed}" is a built-in name` },
      ]);
    }
    for (const [key, name] of [["func", this.params.func], ["inverseFunc", this.params.inverseFunc]] as const) {
      if (name === null || Object.hasOwn(builtinFunctions, name) || Object.hasOwn(functions, name)) continue;
      throw new ValidationError(
        `${this.kind}: ${key} names the function "${name}", which is neither built in (${Object.keys(builtinFunctions).join(", ")}) nor in the functions option; ` +
          `pass { functions: { ${JSON.stringify(name)}: ... } }, and load saved models with loadModel(json, { registry: registryWithFunctions(builtinRegistry, functions) })`,
        [{ path: key, message: `unknown function "${name}"` }],
      );
    }
    this.#functions = functions;
  }

  override withParams(patch: Partial<FunctionTransformerParams>): this {
    return new FunctionTransformer({ ...this.params, ...patch }, { functions: this.#functions }) as this;
  }

  override clone(): this {
    return this.withParams({});
  }

  /** Records the input columns and the output names; warns (onWarning) when checkInverse finds the functions are not inverses. */
  fit(X: MatrixInput, _y?: unknown, options: { onWarning?: (message: string) => void } = {}): this {
    this.learn(X, "fit", options.onWarning);
    return this;
  }

  fitTransform(X: MatrixInput, _y?: unknown, options: { onWarning?: (message: string) => void } = {}): Frame | Matrix {
    return this.learn(X, "fitTransform", options.onWarning);
  }

  /** `func(X)` (a Frame for a Frame or records input). */
  transform(X: MatrixInput): Frame | Matrix {
    const state = this.fitted("transform");
    const matrix = this.checkedInput(X, "transform", state.schema);
    const out = this.call(this.params.func, this.params.kwArgs, matrix, "transform");
    if (out.cols !== state.namesOut.length) {
      throw DataError.at(this.site("transform"), `func returned ${out.cols} columns, but ${state.namesOut.length} at fit`);
    }
    return outputLike(X, out, state.namesOut, true);
  }

  /** `inverseFunc(X)`, named like the fitted input columns when the widths agree. */
  inverseTransform(X: MatrixInput): Frame | Matrix {
    const state = this.fitted("inverseTransform");
    const matrix = toMatrix(X, this.site("inverseTransform"), { allowNaN: !this.params.validate });
    const out = this.call(this.params.inverseFunc, this.params.invKwArgs, matrix, "inverseTransform");
    const names = out.cols === state.schema.names.length ? state.schema.names : (out.featureNames ?? defaultFeatureNames(out.cols));
    return outputLike(X, out, names, true);
  }

  featureNamesOut(): string[] {
    return [...this.fitted("featureNamesOut").namesOut];
  }

  get featureNamesIn(): string[] {
    return [...this.fitted("featureNamesIn").schema.names];
  }

  /** Fits, and returns func(X); errors and the checkInverse warning name `method`, the one the user called (fit or fitTransform). */
  private learn(X: MatrixInput, method: string, onWarning: ((message: string) => void) | undefined): Frame | Matrix {
    const matrix = this.checkedInput(X, method, null);
    const schema = schemaOfMatrix(X, matrix);
    const { func, inverseFunc, kwArgs, featureNamesOut } = this.params;
    const out = this.call(func, kwArgs, matrix, method);
    if (featureNamesOut === "one-to-one" && out.cols !== matrix.cols) {
      throw DataError.at(this.site(method), `featureNamesOut is "one-to-one" but func turned ${matrix.cols} columns into ${out.cols}`);
    }
    const namesOut = featureNamesOut === "one-to-one" || (out.featureNames === undefined && out.cols === matrix.cols) ? schema.names : (out.featureNames ?? defaultFeatureNames(out.cols));
    if (this.params.checkInverse && func !== null && inverseFunc !== null && !this.roundTrips(matrix, method)) {
      onWarning?.(`${this.kind}.${method}: the provided functions are not strictly inverse of each other; if you are sure you want to proceed regardless, set checkInverse: false`);
    }
    this.commit({ schema, namesOut: Object.freeze([...namesOut]) });
    return outputLike(X, out, namesOut, true);
  }

  /** scikit-learn's check: every (n / 100)-th row survives func then inverseFunc (allclose, rtol 1e-7, atol 1e-9). */
  private roundTrips(matrix: Matrix, method: string): boolean {
    const step = Math.max(1, Math.floor(matrix.rows / 100));
    const sample = matrix.takeRows(Array.from({ length: Math.ceil(matrix.rows / step) }, (_, r) => r * step));
    let back: Matrix;
    try {
      back = this.call(this.params.inverseFunc, this.params.invKwArgs, this.call(this.params.func, this.params.kwArgs, sample, method), method);
    } catch (error) {
      if (error instanceof DataError) return false;
      throw error;
    }
    if (back.rows !== sample.rows || back.cols !== sample.cols) return false;
    return sample.data.every((a, k) => Math.abs(a - back.data[k]) <= 1e-9 + 1e-7 * Math.abs(back.data[k]));
  }

  private checkedInput(X: MatrixInput, method: string, schema: FeatureSchema | null): Matrix {
    const matrix = toMatrix(X, this.site(method), { allowNaN: !this.params.validate });
    if (schema !== null) checkFeatures(schema, { names: matrix.names(), named: hasNames(X) }, this.site(method));
    return matrix;
  }

  /** Calls a named function (identity for null) and checks its result: numbers, one row per input row, a fresh array. */
  private call(name: string | null, kwArgs: Readonly<Record<string, KwArg>> | null, X: Matrix, method: string): Matrix {
    const site = this.site(method);
    if (name === null) return new Matrix(X.data.slice(), X.rows, X.cols, X.featureNames);
    const f = Object.hasOwn(this.#functions, name) ? this.#functions[name] : builtinFunctions[name];
    const result = f(X, kwArgs ?? {});
    if (!(result instanceof Matrix) && !Array.isArray(result)) throw DataError.at(site, `function "${name}" returned neither a Matrix nor an array of number rows`);
    const out = result instanceof Matrix ? result : fromRows(result, name, site);
    if (out.rows !== X.rows) throw DataError.at(site, `function "${name}" returned ${out.rows} rows for ${X.rows} input rows`);
    checkNaNOutput(name, X, out, site);
    return out.data.buffer === X.data.buffer ? new Matrix(out.data.slice(), out.rows, out.cols, out.featureNames) : out;
  }

  protected encodeState(state: FunctionTransformerState): JsonObject {
    return { schema: encodeSchema(state.schema), namesOut: [...state.namesOut] };
  }

  protected decodeState(reader: StateReader, _context: LoadContext): FunctionTransformerState {
    const schema = decodeSchema(reader.object("schema"), { numeric: true });
    const namesOut = reader.strings("namesOut", {});
    if (duplicateName(namesOut) !== null) reader.fail("namesOut", "must not repeat a name");
    // The identity, the built-ins and "one-to-one" keep the input columns and their names; a function of yours may change them.
    const { func, featureNamesOut } = this.params;
    const keepsNames = featureNamesOut === "one-to-one" || func === null || Object.hasOwn(builtinFunctions, func);
    if (keepsNames && (namesOut.length !== schema.names.length || namesOut.some((name, j) => name !== schema.names[j]))) {
      reader.fail("namesOut", "must equal schema.names: func keeps the input columns");
    }
    return { schema, namesOut: Object.freeze(namesOut) };
  }
}

/** A function's number rows as a Matrix; ragged rows or non-numbers are a DataError naming the function. */
function fromRows(rows: readonly (readonly number[])[], name: string, site: ErrorSite): Matrix {
  try {
    return Matrix.from2D(rows);
  } catch (error) {
    if (!(error instanceof DataError)) throw error;
    const problem = error.message.replace(/^Matrix\.from2D: /, "");
    throw DataError.at({ ...site, column: error.column, row: error.row }, `function "${name}" returned rows that do not form a matrix: ${problem}`);
  }
}

/**
 * NaN where the input had none (log or sqrt of a negative number, 0/0) is a DataError naming the
 * output column and row: numpy returns it with a RuntimeWarning, and a later imputer would fill
 * it silently. ±Infinity (log of 0) is returned as numpy does; the next tabkit step refuses it.
 * A cell is checked against the input cell when the widths agree, else against the input row.
 */
function checkNaNOutput(name: string, X: Matrix, out: Matrix, site: ErrorSite): void {
  const sameWidth = out.cols === X.cols;
  for (let k = 0; k < out.data.length; k++) {
    if (!Number.isNaN(out.data[k])) continue;
    const row = Math.floor(k / out.cols);
    const col = k % out.cols;
    const source = sameWidth ? X.data.subarray(row * X.cols + col, row * X.cols + col + 1) : X.row(row);
    if (source.some(Number.isNaN)) continue;
    const column = (sameWidth ? X.names() : (out.featureNames ?? defaultFeatureNames(out.cols)))[col];
    const from = sameWidth ? `the value ${source[0]}` : "a row without NaN";
    throw DataError.at({ ...site, column, row }, `function "${name}" returned NaN from ${from}; check the data against the function's domain (e.g. log and sqrt need values >= 0)`);
  }
}

/**
 * A model registry that rebuilds FunctionTransformers (also inside pipelines) with your
 * functions: `loadModel(json, { registry: registryWithFunctions(builtinRegistry, { myFn }) })`.
 */
export function registryWithFunctions(base: ModelRegistry, functions: FunctionRegistry): ModelRegistry {
  const registry = new Map(base);
  registry.set(FunctionTransformer.kind, {
    kind: FunctionTransformer.kind,
    schemaVersion: FunctionTransformer.schemaVersion,
    create: (params) => new FunctionTransformer(params as Partial<FunctionTransformerParams>, { functions }),
  });
  return registry;
}
