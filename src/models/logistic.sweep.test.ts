/*
 * Randomized differential sweep: LogisticRegression (lbfgs) against scikit-learn 1.9.1 on the
 * seeded random cases of parity/gen_sweep_logistic.py (test/fixtures/models/sweeps/logistic.json):
 * small random datasets (badly scaled, integer, constant, duplicated and collinear columns,
 * separable data, 2-4 int or string classes) and random C / no penalty, fitIntercept,
 * classWeight, sampleWeight (with zeros), maxIter (often too small to converge) and tol.
 *
 * Tiers: PARITY.md has no LogisticRegression row in §15, so its §0.6 tier for "results that
 * depend on an iterative optimiser whose path can branch on ulp-level differences" applies,
 * 1e-7 relative to max(1, |expected|), to coef, intercept, decision_function and predict_proba
 * (also for iterates stopped by maxIter). Classes, nIter and whether scikit-learn warned of
 * non-convergence are exact; predicted labels are exact except on rows whose two best scores
 * scikit-learn puts within the tier of each other (a tie at the tier's resolution).
 *
 * Path-sensitive cases: the fixture records how far scikit-learn's own coef_ / intercept_ /
 * n_iter_ move when it refits the same rows in another order (which changes nothing but summation
 * order). Where that spread exceeds the tier or n_iter_ changes, the result is not determined to
 * the tier by scikit-learn itself: lbfgs's path branches on ulp-level differences (PARITY.md
 * §0.6; docs/linear-models.md: "the last steps depend on ulp-level differences of the gradient
 * (BLAS summation order)"), which the sweep shows happens well before tol 1e-8 on
 * ill-conditioned or separable problems run for many iterations. There the coefficients, scores
 * and nIter cannot be held to the tier; they are measured and reported as excused (never
 * silently), and what is determined is checked instead: the classes and, where scikit-learn
 * converged, the objective value at tabkit's coefficients within the tier of its value at
 * scikit-learn's.
 * Where scikit-learn raised, tabkit must throw a DataError or ValidationError; the documented
 * deviations are in `deviation` below, each citing its documentation.
 */
import { afterAll, describe, expect, it } from "vitest";
import { expectClose, readFixture } from "../../test/helpers/fixtures.js";
import { DataError } from "../core/errors.js";
import type { Label } from "../core/labels.js";
import { Matrix } from "../core/matrix.js";
import { computeClassWeight, weightRows } from "./class-weight.js";
import { LogisticRegression, type LogisticRegressionParams } from "./logistic-regression.js";
import { coefficientCount, logisticObjective, type LogisticProblem } from "./logistic-loss.js";
import { expectTabkitError } from "../../test/helpers/thrown.js";

interface SklearnParams {
  C?: number;
  fit_intercept?: boolean;
  max_iter?: number;
  tol?: number;
  class_weight?: "balanced" | Record<string, number>;
}
interface SweepCase {
  index: number;
  label: string;
  params: SklearnParams;
  rows: number;
  cols: number;
  X: Float64Array;
  y: Label[];
  sampleWeight: Float64Array | null;
  XTest: Float64Array;
  fit: { error: { type: string; message: string } | null };
  classes?: Label[];
  coef?: Float64Array;
  intercept?: Float64Array;
  nIter?: number;
  converged?: boolean;
  decision?: Float64Array;
  proba?: Float64Array;
  predictCodes?: number[];
  /** scikit-learn refitted on the rows in other orders: the largest relative coef/intercept difference, and the n_iter_ of each refit. */
  permuted?: { spread: number; nIter: number[] };
}

const fixture = readFixture<{ seed: number; cases: SweepCase[] }>("models/sweeps/logistic.json");
/** PARITY.md §0.6, the iterative-optimiser tier. */
const TIER = 1e-7;

function paramsOf(p: SklearnParams): Partial<LogisticRegressionParams> {
  const mapped = { C: p.C, fitIntercept: p.fit_intercept, maxIter: p.max_iter, tol: p.tol, classWeight: p.class_weight };
  return Object.fromEntries(Object.entries(mapped).filter(([, v]) => v !== undefined));
}

function fitCase(c: SweepCase, warnings: string[] = []): LogisticRegression {
  return new LogisticRegression(paramsOf(c.params)).fit(new Matrix(c.X, c.rows, c.cols), c.y, {
    sampleWeight: c.sampleWeight ?? undefined,
    onWarning: (message) => warnings.push(message),
  });
}

/**
 * The documented deviation a case runs into, if any: "refuses" where tabkit throws a DataError on
 * purpose and scikit-learn fits; "fits" where scikit-learn raises and tabkit fits on purpose.
 */
function deviation(c: SweepCase): { kind: "refuses" | "fits"; why: string } | null {
  const cw = c.params.class_weight;
  if (c.fit.error === null && cw === "balanced" && c.sampleWeight !== null) {
    // src/models/class-weight.ts refuses on purpose: a class whose rows all weigh 0 makes
    // "balanced" divide by 0 (scikit-learn's weights become 0 * inf = NaN, and lbfgs returns the
    // all-zero start with a ConvergenceWarning).
    const totals = new Map<Label, number>();
    c.y.forEach((label, i) => totals.set(label, (totals.get(label) ?? 0) + c.sampleWeight![i]));
    if ([...totals.values()].some((t) => t === 0)) return { kind: "refuses", why: 'a class of zero total weight under "balanced"' };
  }
  if (c.fit.error === null && c.nIter === 0 && !c.converged && c.params.max_iter !== 0 && c.coef!.every((v) => v === 0)) {
    // docs/linear-models.md: a fit "whose optimiser cannot take a single step from its all-zero
    // start ... is a DataError ...; scikit-learn warns and returns the all-zero model there".
    return { kind: "refuses", why: "lbfgs cannot leave its all-zero start" };
  }
  if (c.fit.error?.message.includes("are not in class_weight") && typeof cw === "object") {
    // docs/linear-models.md: classWeight is "a record keyed by the label's text" ({ "0": 3 } for
    // the label "0"). scikit-learn 1.9's compute_class_weight looks string classes up as int(c)
    // when they parse as integers, so a string class such as "0" can never be weighted there and
    // a record naming it raises. tabkit fits when every key names a class.
    const classes = new Set(c.y.map(String));
    const numericText = c.y.some((l) => typeof l === "string" && /^\s*[+-]?\d+\s*$/.test(l));
    if (numericText && Object.keys(cw).every((k) => classes.has(k))) return { kind: "fits", why: "class_weight on a string class that parses as an integer" };
  }
  return null;
}

/** Whether scikit-learn's own result moves beyond the tier when only the row order changes. */
const pathSensitive = (c: SweepCase) => c.permuted!.spread > TIER || c.permuted!.nIter.some((n) => n !== c.nIter);

/** scikit-learn's objective (tabkit's logisticObjective) at coefficients `coef` (rows x cols) and `intercept`. */
function objectiveAt(c: SweepCase, coef: ArrayLike<number>, intercept: ArrayLike<number>): number {
  const classes = c.classes!;
  const codes = Int32Array.from(c.y, (label) => classes.indexOf(label));
  const sampleWeight = c.sampleWeight ?? undefined;
  const cw = c.params.class_weight;
  const weights = cw === undefined ? sampleWeight : weightRows(computeClassWeight(cw, classes, codes, sampleWeight, { estimator: "sweep", method: "fit" }), codes, sampleWeight);
  const weightSum = weights === undefined ? c.rows : weights.reduce((a, b) => a + b, 0);
  const C = c.params.C ?? 1;
  const fitIntercept = c.params.fit_intercept ?? true;
  const problem: LogisticProblem = { X: c.X, rows: c.rows, cols: c.cols, codes, nClasses: classes.length, weights, weightSum, l2: C === Infinity ? 0 : 1 / (C * weightSum), fitIntercept };
  const x = new Float64Array(coefficientCount(problem));
  const K = intercept.length;
  for (let k = 0; k < K; k++) {
    for (let j = 0; j < c.cols; j++) x[K === 1 ? j : k + K * j] = coef[k * c.cols + j];
    if (fitIntercept) x[K * c.cols + k] = intercept[k];
  }
  return logisticObjective(problem)(x, new Float64Array(x.length));
}

interface Worst {
  error: number;
  at: string;
}
const worst = new Map<string, Worst>();
const counts = { cases: 0, fitted: 0, refused: 0, unconverged: 0, sensitive: 0, values: 0, identical: 0, labels: 0, tiedLabels: 0 };
/** Path-sensitive cases: the worst error per quantity (beyond the tier or not), and nIter pairs that differ. */
const excused = new Map<string, Worst>();
const iterationsApart: string[] = [];
const deviations = new Map<string, number>();

function compare(got: ArrayLike<number>, want: ArrayLike<number>, quantity: string, where: string, sensitive = false): void {
  if (sensitive) {
    const error = expectClose(got, want, Infinity, `${where} ${quantity}`);
    const w = excused.get(quantity);
    if (w === undefined || error > w.error) excused.set(quantity, { error, at: where });
    return;
  }
  const error = expectClose(got, want, TIER, `${where} ${quantity}`);
  const w = worst.get(quantity) ?? { error: 0, at: "" };
  if (error > w.error) worst.set(quantity, { error, at: where });
  else if (!worst.has(quantity)) worst.set(quantity, w);
  counts.values += want.length;
  for (let i = 0; i < want.length; i++) if (Object.is(got[i], want[i])) counts.identical++;
}

/** Rows whose best two scikit-learn scores (binary: score and 0) are within the tier of each other. */
function tiedRows(c: SweepCase): Set<number> {
  const K = c.classes!.length;
  const d = c.decision!;
  const tied = new Set<number>();
  const close = (a: number, b: number) => Math.abs(a - b) <= TIER * Math.max(1, Math.abs(a), Math.abs(b));
  const rows = d.length / (K === 2 ? 1 : K);
  for (let i = 0; i < rows; i++) {
    if (K === 2) {
      if (close(d[i], 0)) tied.add(i);
      continue;
    }
    const row = Array.from(d.subarray(i * K, (i + 1) * K)).sort((a, b) => b - a);
    if (close(row[0], row[1])) tied.add(i);
  }
  return tied;
}

function name(c: SweepCase): string {
  const weights = c.sampleWeight === null ? "" : " sampleWeight";
  const params = JSON.stringify(c.params, (_k, v: unknown) => (v === Infinity ? "Infinity" : v));
  return `#${c.index} ${c.rows}x${c.cols} ${c.label} ${params}${weights}`;
}

function replay(c: SweepCase): void {
  counts.cases++;
  const where = `#${c.index}`;
  const known = deviation(c);
  if (known !== null) deviations.set(known.why, (deviations.get(known.why) ?? 0) + 1);
  if (known?.kind === "fits") {
    expect(() => fitCase(c), `${where}: ${known.why}`).not.toThrow();
    return;
  }
  if (c.fit.error !== null) {
    counts.refused++;
    expectTabkitError(() => fitCase(c), `${where} fit (scikit-learn raised ${c.fit.error.type}: ${c.fit.error.message})`);
    return;
  }
  if (known?.kind === "refuses") {
    expect(() => fitCase(c), `${where}: ${known.why}`).toThrow(DataError);
    return;
  }
  counts.fitted++;
  const warnings: string[] = [];
  const model = fitCase(c, warnings);
  expect(model.classes, `${where} classes`).toEqual(c.classes);
  if (!c.converged) counts.unconverged++;
  const sensitive = pathSensitive(c);
  if (sensitive) {
    counts.sensitive++;
    const mine = objectiveAt(c, model.coef.data, model.intercept);
    const theirs = objectiveAt(c, c.coef!, c.intercept!);
    // Both stop where the gradient is below tol, so the objective is determined even where the
    // coefficients are not; an iterate stopped by maxIter on a branching path is not.
    if (c.converged) compare([mine], [theirs], "objective (path-sensitive, converged)", where);
    else compare([mine], [theirs], "objective (path-sensitive, stopped by maxIter)", where, true);
    if (model.nIter !== c.nIter) iterationsApart.push(`${where}: ${model.nIter} vs ${c.nIter} (reordered scikit-learn: ${c.permuted!.nIter.join(", ")})`);
  } else {
    expect(model.nIter, `${where} nIter`).toBe(c.nIter);
    expect(warnings.length === 0, `${where} converged (warnings: ${warnings.join("; ")})`).toBe(c.converged);
  }
  compare(model.coef.data, c.coef!, "coef", where, sensitive);
  compare(model.intercept, c.intercept!, "intercept", where, sensitive);
  const XTest = new Matrix(c.XTest, c.XTest.length / c.cols, c.cols);
  const decision = model.decisionFunction(XTest);
  compare(decision instanceof Matrix ? decision.data : decision, c.decision!, "decisionFunction", where, sensitive);
  compare(model.predictProba(XTest).data, c.proba!, "predictProba", where, sensitive);
  if (sensitive) return;
  const predicted = model.predict(XTest);
  const tied = tiedRows(c);
  c.predictCodes!.forEach((k, i) => {
    counts.labels++;
    if (tied.has(i)) counts.tiedLabels++;
    else expect(predicted[i], `${where} predict[${i}]`).toBe(c.classes![k]);
  });
}

describe(`LogisticRegression: randomized sweep against scikit-learn (seed ${fixture.seed})`, () => {
  it.each(fixture.cases.map((c) => ({ c, name: name(c) })))("$name", ({ c }) => replay(c));

  afterAll(() => {
    const quantities = [...worst].map(([q, w]) => `${q} ${w.error}${w.at ? ` (${w.at})` : ""}`).join("; ");
    const documented = [...deviations].map(([why, n]) => `${why} (${n})`).join("; ");
    const sensitive = [...excused].map(([q, w]) => `${q} ${w.error} (${w.at})`).join("; ");
    console.log(
      `LogisticRegression sweep: ${counts.cases} cases, ${counts.fitted} fitted (${counts.unconverged} stopped unconverged), ${counts.refused} refused by both; ` +
        `${counts.identical}/${counts.values} values bit-identical; worst relative errors at the tier: ${quantities}; ` +
        `labels ${counts.labels - counts.tiedLabels}/${counts.labels} compared (${counts.tiedLabels} tied at the tier)` +
        (documented ? `; documented deviations: ${documented}` : "") +
        `; ${counts.sensitive} path-sensitive cases, excused worst errors: ${sensitive || "none"}; nIter apart: ${iterationsApart.join("; ") || "none"}`,
    );
  });
});
