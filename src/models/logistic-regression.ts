import { DataError, type ErrorSite } from "../core/errors.js";
import { Estimator, type LoadContext } from "../core/estimator.js";
import { checkFeatures, decodeSchema, encodeSchema, hasNames, schemaOfMatrix, toMatrix, type FeatureSchema, type MatrixInput } from "../core/input.js";
import type { JsonObject } from "../core/json.js";
import { encodeLabels, toLabels, type Label } from "../core/labels.js";
import { Matrix } from "../core/matrix.js";
import { boolean, integer, number, oneOf, param, type ParamCheck, type ParamSchema } from "../core/params.js";
import { checkSampleWeight } from "../core/sample-weight.js";
import { encodeFloat64Array, type StateReader } from "../core/state-codec.js";
import { accuracyScore } from "../metrics/accuracy-score.js";
import { encodeClasses, readClasses } from "./class-labels-state.js";
import { multiplyTransposed } from "./dense-products.js";
import { classWeightCheck, computeClassWeight, weightRows, type ClassWeight } from "./class-weight.js";
import type { FitOptions } from "./fit-options.js";
import { minimizeLbfgs } from "./lbfgs.js";
import { coefficientCount, logisticObjective, type LogisticProblem } from "./logistic-loss.js";
import { pairwiseSum } from "../core/pairwise-sum.js";

export interface LogisticRegressionParams {
  /** Inverse of the L2 regularization strength; `Infinity` fits without penalty. Default 1. */
  C: number;
  /** Fit an (unpenalized) intercept. Default true. */
  fitIntercept: boolean;
  /** Weights per class: "balanced", a record keyed by label text, or null. Default null. */
  classWeight: ClassWeight;
  /** The most L-BFGS iterations. Default 100. */
  maxIter: number;
  /** Stop when the largest gradient component is at most this. Default 1e-4. */
  tol: number;
  /** Only scikit-learn's default solver, "lbfgs", is implemented. */
  solver: "lbfgs";
}

const positiveOrInfinity: ParamCheck = (value) =>
  typeof value === "number" && value > 0 ? undefined : `must be a positive number (Infinity for no penalty), got ${String(value)}`;

const SCHEMA: ParamSchema<LogisticRegressionParams> = {
  C: param(1, positiveOrInfinity),
  fitIntercept: param(true, boolean()),
  classWeight: param<ClassWeight>(null, classWeightCheck()),
  maxIter: param(100, integer({ min: 0 })),
  tol: param(1e-4, number({ min: 0 })),
  solver: param<"lbfgs">("lbfgs", oneOf("lbfgs")),
};

interface LogisticRegressionState {
  schema: FeatureSchema;
  classes: Label[];
  /** Row-major, one row for two classes, one per class otherwise. */
  coef: Float64Array;
  intercept: Float64Array;
  nIter: number;
}

const EPS = 2.220446049250313e-16;

/**
 * Logistic regression with an L2 penalty fitted by L-BFGS: scikit-learn's `LogisticRegression`
 * with `solver="lbfgs"`, binary (one logit for `classes[1]`) or multinomial (softmax over all
 * classes), with the same objective, scaling by the sample-weight sum, optimiser settings and
 * stopping rules.
 */
export class LogisticRegression extends Estimator<LogisticRegressionParams, LogisticRegressionState> {
  static readonly kind = "LogisticRegression";
  static readonly schemaVersion = 1;

  constructor(params?: Partial<LogisticRegressionParams>) {
    super(SCHEMA, params);
  }

  fit(X: MatrixInput, y: readonly Label[], options: FitOptions = {}): this {
    const site = this.site("fit");
    const matrix = toMatrix(X, site);
    const labels = toLabels(y, matrix.rows, site);
    const sampleWeight = checkSampleWeight(options.sampleWeight, matrix.rows, this.kind, "fit");
    const { classes, codes } = encodeLabels(labels);
    if (classes.length < 2) {
      throw DataError.at(site, `y has a single class (${JSON.stringify(classes[0])}); LogisticRegression needs samples of at least 2 classes`);
    }
    const { C, fitIntercept, classWeight, maxIter, tol } = this.params;
    const weights = classWeight === null ? sampleWeight : weightRows(computeClassWeight(classWeight, classes, codes, sampleWeight, site), codes, sampleWeight);
    const weightSum = weights === undefined ? matrix.rows : pairwiseSum(weights);
    if (!(weightSum > 0)) throw DataError.at(site, "the sample weights sum to 0; at least one row needs a positive weight");
    // an infinite total would make the L2 penalty 0 and every gradient NaN
    if (weightSum === Infinity) throw DataError.at(site, "the sample weights sum past float64's range; rescale sampleWeight (e.g. divide it by its mean)");
    const problem: LogisticProblem = {
      X: matrix.data,
      rows: matrix.rows,
      cols: matrix.cols,
      codes,
      nClasses: classes.length,
      weights,
      weightSum,
      l2: C === Infinity ? 0 : 1 / (C * weightSum),
      fitIntercept,
    };
    const result = minimizeLbfgs(logisticObjective(problem), new Float64Array(coefficientCount(problem)), {
      maxIter,
      maxLineSearch: 50,
      gtol: tol,
      ftol: 64 * EPS,
    });
    if (!result.x.every(Number.isFinite)) throw scaleError(matrix, site, "the optimisation diverged (non-finite coefficients)");
    // scikit-learn only warns here and returns the all-zero starting point, a model that learned nothing
    if (result.status === 2 && result.nIter === 0) throw scaleError(matrix, site, "lbfgs could not take a single step (its line search failed at the all-zero start)");
    const nIter = Math.min(result.nIter, maxIter);
    if (result.status !== 0) {
      options.onWarning?.(
        this.message(
          "fit",
          `lbfgs failed to converge after ${nIter} iteration(s) (status ${result.status}: ${result.message}); increase maxIter or scale the features (e.g. with StandardScaler)`,
        ),
      );
    }
    const { coef, intercept } = unpack(result.x, problem);
    return this.commit({ schema: schemaOfMatrix(X, matrix), classes, coef, intercept, nIter });
  }

  /**
   * Signed distances to the decision boundary: for two classes one score per row (positive means
   * `classes[1]`), as a Float64Array; otherwise a Matrix with one column per class.
   */
  decisionFunction(X: MatrixInput): Float64Array | Matrix {
    const state = this.fitted("decisionFunction");
    const scores = this.scores(X, "decisionFunction");
    return state.classes.length === 2 ? scores.data : scores;
  }

  /** Class probabilities, one column per class in `classes` order. */
  predictProba(X: MatrixInput): Matrix {
    const state = this.fitted("predictProba");
    const scores = this.scores(X, "predictProba");
    const { rows } = scores;
    const K = state.classes.length;
    const out = new Float64Array(rows * K);
    if (K === 2) {
      for (let i = 0; i < rows; i++) {
        const p = 1 / (1 + Math.exp(-scores.data[i]));
        out[2 * i] = 1 - p;
        out[2 * i + 1] = p;
      }
    } else {
      const s = scores.data;
      for (let i = 0; i < rows; i++) {
        const row = i * K;
        let max = s[row];
        for (let k = 1; k < K; k++) if (s[row + k] > max) max = s[row + k];
        for (let k = 0; k < K; k++) out[row + k] = Math.exp(s[row + k] - max);
        const sum = pairwiseSum(out, row, K);
        for (let k = 0; k < K; k++) out[row + k] /= sum;
      }
    }
    return new Matrix(out, rows, K);
  }

  /** The most likely class per row (two classes: `classes[1]` where the score is positive). */
  predict(X: MatrixInput): Label[] {
    const { classes } = this.fitted("predict");
    const scores = this.scores(X, "predict");
    const K = classes.length;
    const out: Label[] = new Array<Label>(scores.rows);
    for (let i = 0; i < scores.rows; i++) {
      if (K === 2) {
        out[i] = classes[scores.data[i] > 0 ? 1 : 0];
        continue;
      }
      let best = 0;
      for (let k = 1; k < K; k++) if (scores.data[i * K + k] > scores.data[i * K + best]) best = k;
      out[i] = classes[best];
    }
    return out;
  }

  /** Mean accuracy of `predict(X)` against y (scikit-learn's `score`), optionally weighted. */
  score(X: MatrixInput, y: readonly Label[], options: { sampleWeight?: ArrayLike<number> } = {}): number {
    return accuracyScore(y, this.predict(X), { sampleWeight: options.sampleWeight });
  }

  /** Coefficients: one row for two classes (for `classes[1]`), one row per class otherwise. */
  get coef(): Matrix {
    const { coef, intercept, schema } = this.fitted("coef");
    return new Matrix(coef.slice(), intercept.length, schema.names.length);
  }
  get intercept(): Float64Array {
    return this.fitted("intercept").intercept.slice();
  }
  get classes(): Label[] {
    return [...this.fitted("classes").classes];
  }
  /** L-BFGS iterations run (at most maxIter). */
  get nIter(): number {
    return this.fitted("nIter").nIter;
  }
  get featureNamesIn(): string[] {
    return [...this.fitted("featureNamesIn").schema.names];
  }

  /** X @ coef.T + intercept, rows x (1 or nClasses). */
  private scores(X: MatrixInput, method: string): Matrix {
    const { schema, coef, intercept } = this.fitted(method);
    const site = this.site(method);
    const matrix = toMatrix(X, site);
    checkFeatures(schema, { names: matrix.names(), named: hasNames(X) }, site);
    const K = intercept.length;
    const out = new Float64Array(matrix.rows * K);
    multiplyTransposed(matrix.data, matrix.rows, matrix.cols, coef, K, out);
    // v * 0 is 0 for finite v and NaN for ±Infinity or NaN, so the probe stays 0 only when every value is finite
    let probe = 0;
    for (let t = 0; t < out.length; t++) {
      out[t] += intercept[t % K];
      probe += out[t] * 0;
    }
    // huge finite inputs overflow the products (inf - inf is NaN), which no probability survives
    if (probe !== 0) {
      const t = out.findIndex((v) => !Number.isFinite(v));
      throw DataError.at({ ...site, row: Math.floor(t / K) }, `the decision value is ${out[t]}: this row's values times the coefficients overflow float64; check it for values far outside the training range`);
    }
    return new Matrix(out, matrix.rows, K);
  }

  protected encodeState(state: LogisticRegressionState): JsonObject {
    return {
      schema: encodeSchema(state.schema),
      classes: encodeClasses(state.classes),
      coef: encodeFloat64Array(state.coef),
      intercept: encodeFloat64Array(state.intercept),
      nIter: state.nIter,
    };
  }

  protected decodeState(reader: StateReader, _context: LoadContext): LogisticRegressionState {
    const schema = decodeSchema(reader.object("schema"), { numeric: true });
    const classes = readClasses(reader, "classes", { min: 2 });
    const rows = classes.length === 2 ? 1 : classes.length;
    const intercept = reader.f64("intercept", { length: rows, finite: true });
    if (!this.params.fitIntercept && intercept.some((b) => b !== 0)) reader.fail("intercept", "must be zero when fitIntercept is false");
    return {
      schema,
      classes,
      coef: reader.f64("coef", { length: rows * schema.names.length, finite: true }),
      intercept,
      nIter: reader.integer("nIter", { min: 0, max: this.params.maxIter }),
    };
  }
}

/** A fit that failed on badly scaled features, naming the column with the largest magnitude. */
function scaleError(matrix: Matrix, site: ErrorSite, what: string): DataError {
  let at = 0;
  for (let t = 1; t < matrix.data.length; t++) if (Math.abs(matrix.data[t]) > Math.abs(matrix.data[at])) at = t;
  const row = Math.floor(at / matrix.cols);
  const column = matrix.names()[at % matrix.cols];
  return DataError.at({ ...site, column, row }, `${what}; column ${JSON.stringify(column)} holds values up to ${Math.abs(matrix.data[at])} in magnitude: scale the features, e.g. with StandardScaler`);
}

/** Splits the optimiser's vector into row-major coefficients and intercepts. */
function unpack(x: Float64Array, { cols, nClasses, fitIntercept }: LogisticProblem): { coef: Float64Array; intercept: Float64Array } {
  if (nClasses === 2) {
    return { coef: x.slice(0, cols), intercept: Float64Array.of(fitIntercept ? x[cols] : 0) };
  }
  const coef = new Float64Array(nClasses * cols);
  const intercept = new Float64Array(nClasses);
  for (let k = 0; k < nClasses; k++) {
    for (let j = 0; j < cols; j++) coef[k * cols + j] = x[k + nClasses * j];
    if (fitIntercept) intercept[k] = x[k + nClasses * cols];
  }
  return { coef, intercept };
}
