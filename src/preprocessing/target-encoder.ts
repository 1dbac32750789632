import { DataError, ValidationError } from "../core/errors.js";
import { Estimator, type LoadContext } from "../core/estimator.js";
import type { Frame } from "../core/frame.js";
import { decodeSchema, encodeSchema, schemaOfFrame, toFrame, type FeatureSchema, type TableInput } from "../core/input.js";
import type { JsonObject } from "../core/json.js";
import { encodeLabels, toLabels, toTargets, type Label } from "../core/labels.js";
import type { Matrix } from "../core/matrix.js";
import { anyOf, boolean, number, oneOf, param, seed, type ParamSchema } from "../core/params.js";
import { formatPythonLabel } from "../core/python-format.js";
import { encodeFloat64Array, type StateReader } from "../core/state-codec.js";
import { typeOfTarget, type TargetType } from "../core/type-of-target.js";
import { pairwiseSum } from "../core/pairwise-sum.js";
import { cvCheck, toSplitter } from "../selection/check-cv.js";
import { KFold } from "../selection/k-fold.js";
import type { Split, Splitter } from "../selection/splitter.js";
import { StratifiedKFold } from "../selection/stratified-k-fold.js";
import { columnMajorOutput, refuseCollidingNames, refuseSavedCollidingNames, type OutputSource } from "./column-output.js";
import { categoriesCheck, checkedFrame, decodeCategories, encodeCategories, encodeColumn, fitCategories, type CategoriesParam, type Category, type CategoryList } from "./categories.js";
import { varianceAbout } from "./column-sum.js";

export interface TargetEncoderParams {
  /** `"auto"` (the sorted values seen at fit) or one list per column. Default "auto". */
  categories: CategoriesParam;
  /** `"auto"` infers it as scikit-learn's `type_of_target` does. Default "auto". */
  targetType: "auto" | "continuous" | "binary" | "multiclass";
  /** Shrinkage towards the target mean: `"auto"` (empirical Bayes) or a number >= 0. Default "auto". */
  smooth: "auto" | number;
  /**
   * Cross-fitting folds of `fitTransform`: a count (StratifiedKFold for class targets, KFold
   * for continuous ones) or a splitter whose test folds cover every row once. Default 5.
   */
  cv: number | Splitter | Readonly<Record<string, unknown>>;
  /** Shuffle rows before cutting folds (with an integer cv). Default true. */
  shuffle: boolean;
  /** Seed of that shuffle, for reproducible folds. Default null. */
  randomState: number | null;
}

const SCHEMA: ParamSchema<TargetEncoderParams> = {
  categories: param("auto", categoriesCheck),
  targetType: param("auto", oneOf("auto", "continuous", "binary", "multiclass")),
  smooth: param("auto", anyOf(oneOf("auto"), number({ min: 0 }))),
  cv: param(5, cvCheck()),
  shuffle: param(true, boolean()),
  randomState: param(null, seed()),
};

/** Options of `fitTransform`. */
export interface TargetEncoderFitOptions {
  /** Group labels for a group-aware `cv` splitter (GroupKFold). */
  groups?: readonly Label[];
}

interface TargetEncoderState {
  schema: FeatureSchema;
  categories: CategoryList[];
  targetType: TargetType;
  classes: Label[] | null;
  /** The target mean, one per encoded target column (K classes for multiclass, else 1). */
  targetMean: Float64Array;
  /** Feature-major, class-minor: `encodings[j * K + k][category]` (saved end to end as one array). */
  encodings: Float64Array[];
}

/** The encoded target: one column per class for multiclass, else one column. */
interface EncodedTarget {
  targetType: TargetType;
  classes: Label[] | null;
  columns: Float64Array[];
  /** The target as given, for the folds. */
  labels: Label[];
  /** Whether integer folds are stratified (scikit-learn's check_cv: a class target that looks like one). */
  stratify: boolean;
}

/**
 * scikit-learn's `TargetEncoder`: each category becomes a shrunk mean of the target over its
 * rows (per class for multiclass targets). `fitTransform` cross-fits, encoding each fold with
 * statistics from the other folds, exactly as scikit-learn assigns folds; `transform` uses the
 * encodings learnt on all rows, and unknown categories get the target mean.
 */
export class TargetEncoder extends Estimator<TargetEncoderParams, TargetEncoderState> {
  static readonly kind = "TargetEncoder";
  static readonly schemaVersion = 1;

  constructor(params?: Partial<TargetEncoderParams>) {
    super(SCHEMA, params);
    const { cv, shuffle, randomState } = this.params;
    if (typeof cv === "number" && !shuffle && randomState !== null) {
      throw new ValidationError(`${this.kind}: setting randomState has no effect since shuffle is false; leave randomState null or set shuffle: true`, [
        { path: "randomState", message: "requires shuffle: true" },
      ]);
    }
  }

  /** Learns the encodings from all rows (prefer `fitTransform` on training data: it avoids target leakage). */
  fit(X: TableInput, y: readonly Label[] | ArrayLike<number>): this {
    const fitted = this.learn(X, y, "fit");
    return this.commit(fitted.state);
  }

  /** Fits, and returns the cross-fitted encoding of X (not equal to `fit(X, y).transform(X)`). */
  fitTransform(X: TableInput, y: readonly Label[] | ArrayLike<number>, options: TargetEncoderFitOptions = {}): Frame | Matrix {
    const { state, codes, unknown, target } = this.learn(X, y, "fitTransform");
    const n = codes.length === 0 ? 0 : codes[0].length;
    const splitter = this.splitter(target);
    const K = target.columns.length;
    const p = codes.length;
    const width = p * K;
    const out = new Float64Array(n * width);
    const covered = new Int32Array(n);
    let foldMean = new Float64Array(K);
    for (const { train, test } of this.folds(splitter, n, target, options.groups ?? null)) {
      foldMean = new Float64Array(K);
      for (let k = 0; k < K; k++) {
        const { mean, variance } = meanAndVariance(target.columns[k], train);
        foldMean[k] = mean;
        for (let j = 0; j < p; j++) {
          const encoding = encodeFeature(codes[j], target.columns[k], train, state.categories[j].length, this.params.smooth, mean, variance);
          scatterEncoding(encoding, codes[j], test, out, (j * K + k) * n);
        }
      }
      countRows(test, covered);
    }
    const badRow = covered.findIndex((c) => c !== 1);
    if (badRow >= 0) {
      throw new DataError(this.message("fitTransform", `the cv splitter's test folds must cover every row exactly once, but row ${badRow} is in ${covered[badRow]} of them; use a splitter with non-overlapping test folds`));
    }
    // As scikit-learn does, rows outside explicit categories get the last fold's mean.
    fillUnknown(out, unknown, foldMean, n);
    this.commit(state);
    return this.output(X, out, n, state);
  }

  /** Encodes with the encodings learnt on all rows; unknown categories get the target mean. */
  transform(X: TableInput): Frame | Matrix {
    const state = this.fitted("transform");
    const frame = checkedFrame(X, state.schema, this.site("transform"));
    const K = state.targetMean.length;
    const p = frame.nCols;
    const n = frame.nRows;
    const width = p * K;
    const out = new Float64Array(n * width);
    frame.names.forEach((name, j) => {
      const codes = encodeColumn(frame.column(name), state.categories[j]);
      for (let k = 0; k < K; k++) {
        const encoding = state.encodings[j * K + k];
        const mean = state.targetMean[k];
        const base = (j * K + k) * n;
        for (let i = 0; i < n; i++) out[base + i] = codes[i] >= 0 ? encoding[codes[i]] : mean;
      }
    });
    return this.output(X, out, n, state);
  }

  /** The encodings (column-major, `n` rows) shaped like the input. */
  private output(X: TableInput, out: Float64Array, n: number, state: TargetEncoderState): Frame | Matrix {
    return columnMajorOutput(X, out, n, this.namesOut(state));
  }

  /** Input names; for multiclass targets `column_class` for every class, feature-major. */
  featureNamesOut(): string[] {
    return this.namesOut(this.fitted("featureNamesOut"));
  }

  get categories(): Category[][] {
    return this.fitted("categories").categories.map((list) => Array.from(list as ArrayLike<Category>));
  }
  /** Encodings learnt on all rows, feature-major and class-minor (`encodings[j * nClasses + k]`). */
  get encodings(): Float64Array[] {
    return this.fitted("encodings").encodings.map((e) => e.slice());
  }
  /** The target mean (per class for a multiclass target). */
  get targetMean(): number | Float64Array {
    const state = this.fitted("targetMean");
    return state.targetType === "multiclass" ? state.targetMean.slice() : state.targetMean[0];
  }
  get targetType(): TargetType {
    return this.fitted("targetType").targetType;
  }
  /** The sorted class labels, or null for a continuous target. */
  get classes(): Label[] | null {
    const classes = this.fitted("classes").classes;
    return classes === null ? null : [...classes];
  }
  get featureNamesIn(): string[] {
    return [...this.fitted("featureNamesIn").schema.names];
  }

  private namesOut(state: TargetEncoderState): string[] {
    if (state.targetType !== "multiclass") return [...state.schema.names];
    return state.schema.names.flatMap((name) => state.classes!.map((label) => `${name}_${formatPythonLabel(label)}`));
  }

  /** What produces output column `c`: an input column and, for a multiclass target, a class. */
  private sourceOf(state: TargetEncoderState): OutputSource {
    const K = state.targetMean.length;
    return (c) => `column "${state.schema.names[Math.floor(c / K)]}" (class ${JSON.stringify(state.classes![c % K])})`;
  }

  /** Fits the full-data state and keeps what cross-fitting needs. */
  private learn(X: TableInput, y: unknown, method: string) {
    const site = this.site(method);
    const frame = toFrame(X, site);
    const target = this.encodeTarget(y, frame.nRows, method);
    const { categories, codes } = fitCategories(frame, this.params.categories, site, false);
    // scikit-learn fits rows outside explicit categories as if they were the first category.
    const unknown = codes.map(unknownMask);
    const fitCodes = codes.map(knownOrFirst);
    const K = target.columns.length;
    const targetMean = new Float64Array(K);
    const encodings: Float64Array[] = new Array(codes.length * K);
    for (let k = 0; k < K; k++) {
      const { mean, variance } = meanAndVariance(target.columns[k], null);
      targetMean[k] = mean;
      codes.forEach((_, j) => {
        encodings[j * K + k] = encodeFeature(fitCodes[j], target.columns[k], null, categories[j].length, this.params.smooth, mean, variance);
      });
    }
    const state: TargetEncoderState = { schema: schemaOfFrame(X, frame), categories, targetType: target.targetType, classes: target.classes, targetMean, encodings };
    refuseCollidingNames(this.namesOut(state), site, this.sourceOf(state));
    return { state, codes: fitCodes, unknown, target };
  }

  private encodeTarget(y: unknown, n: number, method: string): EncodedTarget {
    const site = this.site(method);
    const given = this.params.targetType;
    if (given === "continuous") {
      if (!Array.isArray(y) && !ArrayBuffer.isView(y)) throw DataError.at(site, "y must be an array of numbers");
      const row = Array.isArray(y) ? y.findIndex((v) => typeof v === "string") : -1;
      if (row >= 0) throw DataError.at({ ...site, row }, `y value ${JSON.stringify((y as unknown[])[row])} is a string, not a number; convert y to numbers for a continuous target`);
      const values = toTargets(y, n, site);
      return { targetType: "continuous", classes: null, columns: [values], labels: Array.from(values), stratify: false };
    }
    const labels = toLabels(y instanceof Float64Array ? Array.from(y) : y, n, site);
    const inferred = typeOfTarget(labels);
    const targetType = given === "auto" ? inferred : given;
    if (targetType === "continuous") {
      if (typeof labels[0] === "string") throw DataError.at(site, 'a continuous target must be numbers; set targetType to "binary" or "multiclass" for labels');
      return { targetType, classes: null, columns: [Float64Array.from(labels as number[])], labels, stratify: false };
    }
    const stratify = inferred !== "continuous";
    const { classes, codes } = encodeLabels(labels);
    if (targetType === "binary") return { targetType, classes, columns: [Float64Array.from(codes)], labels, stratify };
    // As scikit-learn's LabelBinarizer: it refuses non-integral numbers, fails on two classes, and
    // gives one class a single column of zeros.
    if (inferred === "continuous") throw DataError.at(site, 'targetType "multiclass" needs class labels, but y holds non-integral numbers; set targetType to "continuous"');
    if (classes.length === 2) throw DataError.at(site, `targetType "multiclass" needs at least 3 classes, y has 2; use "binary"`);
    const columns = classes.map(() => new Float64Array(n));
    if (classes.length > 1) for (let i = 0; i < n; i++) columns[codes[i]][i] = 1;
    return { targetType, classes, columns, labels, stratify };
  }

  /** The cross-fitting folds; a splitter's refusal (more folds than rows, say) names fitTransform and cv. */
  private folds(splitter: Splitter, n: number, target: EncodedTarget, groups: readonly Label[] | null): Split[] {
    try {
      return [...splitter.split(n, target.labels, groups)];
    } catch (error) {
      if (!(error instanceof DataError)) throw error;
      const { cv } = this.params;
      // Lowering cv helps only when there are fewer rows than folds (not, say, a group splitter without groups).
      const hint = typeof cv === "number" && cv > n ? "; lower cv" : "";
      const what = typeof cv === "number" ? `cv=${cv}` : "the cv splitter";
      throw new DataError(this.message("fitTransform", `${what} cannot split the ${n} rows (${error.message})${hint}`), { cause: error });
    }
  }

  /** scikit-learn's `check_cv` for the cross-fitting folds. */
  private splitter(target: EncodedTarget): Splitter {
    const { cv, shuffle, randomState } = this.params;
    if (typeof cv !== "number") return toSplitter(cv, this.kind);
    const seedOrNull = shuffle ? randomState : null;
    return target.stratify ? new StratifiedKFold({ nSplits: cv, shuffle, randomState: seedOrNull }) : new KFold({ nSplits: cv, shuffle, randomState: seedOrNull });
  }

  protected encodeState(state: TargetEncoderState): JsonObject {
    return {
      schema: encodeSchema(state.schema),
      categories: encodeCategories(state.categories),
      targetType: state.targetType,
      classes: state.classes === null ? null : typeof state.classes[0] === "number" ? { numbers: state.classes } : { strings: state.classes },
      targetMean: encodeFloat64Array(state.targetMean),
      encodings: encodeFloat64Array(concat(state.encodings)),
    };
  }

  protected decodeState(reader: StateReader, _context: LoadContext): TargetEncoderState {
    const schema = decodeSchema(reader.object("schema"));
    const categories = decodeCategories(reader, "categories", schema.kinds);
    const targetType = reader.string("targetType");
    if (targetType !== "binary" && targetType !== "multiclass" && targetType !== "continuous") reader.fail("targetType", 'must be "binary", "multiclass" or "continuous"');
    let classes: Label[] | null = null;
    if (targetType !== "continuous") {
      const holder = reader.object("classes");
      classes = holder.has("numbers") ? holder.numbers("numbers") : holder.strings("strings", {});
      if (classes.length === 0 || new Set(classes).size !== classes.length) reader.fail("classes", "must be distinct labels");
      if (targetType === "multiclass" && classes.length === 2) reader.fail("classes", "must not hold 2 classes for a multiclass target");
    } else if (reader.raw("classes") !== null) reader.fail("classes", "must be null for a continuous target");
    const K = targetType === "multiclass" ? classes!.length : 1;
    const targetMean = reader.f64("targetMean", { length: K, finite: true });
    // A binary target is encoded as the class codes 0 .. classes - 1 (scikit-learn allows 1 class,
    // and more when targetType is forced), so its mean lies between them.
    if (targetType === "binary" && !(targetMean[0] >= 0 && targetMean[0] <= classes!.length - 1)) {
      reader.fail("classes", `holds ${classes!.length} label(s), which cannot give the target mean ${targetMean[0]} (the mean of the class codes 0 to ${classes!.length - 1})`);
    }
    const sizes = categories.flatMap((list) => new Array<number>(K).fill(list.length));
    const all = reader.f64("encodings", { length: sizes.reduce((a, b) => a + b, 0), finite: true });
    let offset = 0;
    const encodings = sizes.map((size) => all.slice(offset, (offset += size)));
    const state: TargetEncoderState = { schema, categories, targetType, classes, targetMean, encodings };
    refuseSavedCollidingNames(reader, this.namesOut(state), this.sourceOf(state));
    return state;
  }
}

function concat(arrays: readonly Float64Array[]): Float64Array {
  const out = new Float64Array(arrays.reduce((sum, a) => sum + a.length, 0));
  let offset = 0;
  for (const a of arrays) {
    out.set(a, offset);
    offset += a.length;
  }
  return out;
}

/** The mean and population variance of `y` over `rows` (all rows when null), as numpy sums them. */
function meanAndVariance(y: Float64Array, rows: Int32Array | null): { mean: number; variance: number } {
  const values = rows === null ? y : gather(y, rows);
  const mean = pairwiseSum(values) / values.length;
  return { mean, variance: varianceAbout(values, mean, new Float64Array(values.length)) };
}

// Each loop over rows below is alone in its function: see docs/benchmarks.md, "Loops that stay optimized".

/** 1 where a row's code is -1 (a value outside explicit categories), else 0. */
function unknownMask(codes: Int32Array): Uint8Array {
  const mask = new Uint8Array(codes.length);
  for (let i = 0; i < codes.length; i++) mask[i] = codes[i] < 0 ? 1 : 0;
  return mask;
}

/** The codes with -1 replaced by 0, the first category. */
function knownOrFirst(codes: Int32Array): Int32Array {
  const out = new Int32Array(codes.length);
  for (let i = 0; i < codes.length; i++) out[i] = codes[i] < 0 ? 0 : codes[i];
  return out;
}

/** out[base + row] = the encoding of the row's category, for every row of `rows`. */
function scatterEncoding(encoding: Float64Array, codes: Int32Array, rows: Int32Array, out: Float64Array, base: number): void {
  for (let t = 0; t < rows.length; t++) out[base + rows[t]] = encoding[codes[rows[t]]];
}

/** Adds 1 to `counts` at every row of `rows`. */
function countRows(rows: Int32Array, counts: Int32Array): void {
  for (let t = 0; t < rows.length; t++) counts[rows[t]]++;
}

/** values[rows[r]] for every r. */
function gather(values: Float64Array, rows: Int32Array): Float64Array {
  const out = new Float64Array(rows.length);
  for (let r = 0; r < rows.length; r++) out[r] = values[rows[r]];
  return out;
}

/** Adds y of each row in `rows` (all when null) to `sums` and 1 to `counts`, at the row's code. */
function addByCategory(codes: Int32Array, y: Float64Array, rows: Int32Array | null, sums: Float64Array, counts: Float64Array): void {
  const n = rows === null ? codes.length : rows.length;
  for (let r = 0; r < n; r++) {
    const i = rows === null ? r : rows[r];
    sums[codes[i]] += y[i];
    counts[codes[i]] += 1;
  }
}

/** Adds (y − the mean of the row's category)² of each row in `rows` (all when null) to `squares`. */
function addSquaredDeviations(codes: Int32Array, y: Float64Array, rows: Int32Array | null, means: Float64Array, squares: Float64Array): void {
  const n = rows === null ? codes.length : rows.length;
  for (let r = 0; r < n; r++) {
    const i = rows === null ? r : rows[r];
    const diff = y[i] - means[codes[i]];
    squares[codes[i]] += diff * diff;
  }
}

/**
 * The encoding of one feature for one target column from the rows in `rows` (all when null),
 * in scikit-learn's arithmetic: sequential sums in row order; `smooth: "auto"` blends each
 * category mean with the target mean by `λ = σ²·n_c / (σ²·n_c + s²_c / n_c)`; a number `s` gives
 * `(Σy + s·ȳ) / (n_c + s)`. Categories without rows (or with λ undefined) get the target mean.
 */
function encodeFeature(codes: Int32Array, y: Float64Array, rows: Int32Array | null, nCategories: number, smooth: "auto" | number, mean: number, variance: number): Float64Array {
  const encoding = new Float64Array(nCategories);
  if (smooth !== "auto") {
    const sums = new Float64Array(nCategories).fill(smooth * mean);
    const counts = new Float64Array(nCategories).fill(smooth);
    addByCategory(codes, y, rows, sums, counts);
    for (let c = 0; c < nCategories; c++) encoding[c] = counts[c] === 0 ? mean : sums[c] / counts[c];
    return encoding;
  }
  const counts = new Float64Array(nCategories);
  const means = new Float64Array(nCategories);
  const squares = new Float64Array(nCategories);
  addByCategory(codes, y, rows, means, counts);
  for (let c = 0; c < nCategories; c++) means[c] /= counts[c];
  addSquaredDeviations(codes, y, rows, means, squares);
  for (let c = 0; c < nCategories; c++) {
    const lambda = (variance * counts[c]) / (variance * counts[c] + squares[c] / counts[c]);
    encoding[c] = Number.isNaN(lambda) ? mean : lambda * means[c] + (1 - lambda) * mean;
  }
  return encoding;
}

/** Writes `mean[k]` into every (row, feature) marked unknown; `out` is column-major with `n` rows. */
function fillUnknown(out: Float64Array, unknown: readonly Uint8Array[], mean: Float64Array, n: number): void {
  const K = mean.length;
  unknown.forEach((mask, j) => {
    for (let k = 0; k < K; k++) {
      const base = (j * K + k) * n;
      for (let i = 0; i < n; i++) if (mask[i]) out[base + i] = mean[k];
    }
  });
}
