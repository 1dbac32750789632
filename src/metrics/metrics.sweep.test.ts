/*
 * Randomized differential sweep against scikit-learn 1.9.1: every metric of src/metrics on small
 * random inputs with random options (parity/gen_sweep_metrics.py, fixed seed). Each case calls
 * the tabkit twin of the recorded scikit-learn call and compares at the tier of PARITY.md §15:
 * exact for the count-based metrics (accuracy, balanced accuracy, precision / recall / F,
 * confusion matrix, MCC, classification report) and the curves' points and thresholds, 1e-12
 * relative for AUC, average precision, log loss, Brier score and the regression metrics; NaN must
 * match NaN. Count-based metrics with fractional sample weights are compared at 1e-12: their
 * weight sums then depend on summation order (PARITY.md §0.6). Where scikit-learn raised, tabkit
 * must throw a DataError or a ValidationError. Warnings are not compared. The documented
 * deviations are handled by `stricter` below, each citing its documentation.
 */
import { afterAll, describe, expect, it } from "vitest";
import { expectClose, readFixture } from "../../test/helpers/fixtures.js";
import { callMetricTwin } from "../../test/helpers/metric-twins.js";
import { DataError, ValidationError } from "../core/errors.js";
import { Matrix } from "../core/matrix.js";
import * as metrics from "./index.js";

interface PyError {
  type: string;
  message: string;
}
interface Case {
  index: number;
  family: string;
  fn: string;
  args: unknown[];
  kwargs: Record<string, unknown>;
  result?: unknown;
  error?: PyError;
  warned: boolean;
}

const fixture = readFixture<{ seed: number; cases: Case[] }>("metrics/sweeps/metrics.json");
const TIER = 1e-12;


const EXACT = new Set([
  "accuracy_score",
  "balanced_accuracy_score",
  "matthews_corrcoef",
  "confusion_matrix",
  "precision_score",
  "recall_score",
  "f1_score",
  "fbeta_score",
  "precision_recall_fscore_support",
  "classification_report",
  "roc_curve",
  "precision_recall_curve",
  "confusion_matrix_at_thresholds",
]);
const CURVES: Record<string, string[]> = {
  roc_curve: ["fpr", "tpr", "thresholds"],
  precision_recall_curve: ["precision", "recall", "thresholds"],
  confusion_matrix_at_thresholds: ["tns", "fps", "fns", "tps", "thresholds"],
};

function tier(c: Case): number {
  if (!EXACT.has(c.fn)) return TIER;
  const weights = c.kwargs.sample_weight as number[] | undefined;
  // Curves only accumulate weights in order (cumsum), as scikit-learn does: exact even when fractional.
  if (weights === undefined || c.fn in CURVES || weights.every(Number.isInteger)) return 0;
  return TIER;
}

/** Calls the tabkit twin of a case. */
function run(c: Case): unknown {
  return callMetricTwin(c.fn, c.args, c.kwargs, () => {});
}

/**
 * Cases where tabkit is documented to be stricter than scikit-learn (docs/metrics.md, "Where
 * tabkit is stricter than scikit-learn"): tabkit must throw a DataError or a ValidationError.
 * Returns the reason, or undefined when the case is compared normally.
 */
function stricter(c: Case): string | undefined {
  if (c.error !== undefined) return undefined;
  const weights = c.kwargs.sample_weight as number[] | undefined;
  if (weights?.some((w) => w < 0)) return "docs/metrics.md: sample weights must be finite and non-negative";
  const yTrue = c.args[0] as unknown[];
  const distinct = new Set(yTrue.map((v) => JSON.stringify(v)));
  // Not one-vs-rest over a multiclass yScore: each class is then scored alone (NaN without positives), as documented.
  const rows = c.args[1] as unknown[];
  const oneVsRest = c.kwargs.multi_class === "ovr" && Array.isArray(rows[0]) && (rows[0] as unknown[]).length > 2;
  if (c.fn === "roc_auc_score" && distinct.size === 1 && !oneVsRest) return "docs/metrics.md: rocAucScore with a single class in yTrue throws";
  const posLabel = c.kwargs.pos_label;
  const curveLike = ["roc_curve", "precision_recall_curve", "confusion_matrix_at_thresholds", "brier_score_loss", "average_precision_score"];
  if (curveLike.includes(c.fn) && posLabel !== undefined && distinct.size >= 2 && !distinct.has(JSON.stringify(posLabel))) {
    return "docs/metrics.md: a posLabel not among two or more labels present in yTrue is refused by the curves and brierScoreLoss";
  }
  return undefined;
}

function compareNumbers(actual: unknown, expected: unknown, tol: number, what: string): number {
  if (typeof expected === "number") {
    expect(typeof actual, what).toBe("number");
    return expectClose([actual as number], [expected], tol, what);
  }
  expect(expected, what).toBeInstanceOf(Array);
  const rows = expected as unknown[];
  if (actual instanceof Matrix) {
    expect([actual.rows, actual.cols], `${what} shape`).toEqual([rows.length, (rows[0] as unknown[]).length]);
    return expectClose(actual.data, rows.flat() as number[], tol, what);
  }
  expect(actual, what).not.toBeTypeOf("number");
  return expectClose(actual as ArrayLike<number>, rows as number[], tol, what);
}

/** Compares a report as data with scikit-learn's output_dict, recorded as [key, value] pairs to keep its order. */
function compareReport(actual: metrics.ClassificationReport, pairs: [string, unknown][], tol: number, what: string): number {
  const expected = Object.fromEntries(pairs);
  let worst = 0;
  const row = (ours: metrics.ClassificationReportRow, theirs: Record<string, number>): void => {
    expect(theirs, `${what}: scikit-learn has no row ${ours.name}`).toBeDefined();
    const values = [ours.precision, ours.recall, ours.f1Score, ours.support];
    worst = Math.max(worst, expectClose(values, [theirs.precision, theirs.recall, theirs["f1-score"], theirs.support], tol, `${what} ${ours.name}`));
  };
  const keys = pairs.map(([key]) => key);
  const averageKeys = keys.filter((key) => key.endsWith(" avg") || key === "accuracy");
  expect(actual.rows.map((r) => r.name)).toEqual(keys.filter((key) => !averageKeys.includes(key)));
  for (const r of actual.rows) row(r, expected[r.name] as Record<string, number>);
  if ("accuracy" in expected) worst = Math.max(worst, expectClose([actual.accuracy!], [expected.accuracy as number], tol, `${what} accuracy`));
  else expect(actual.accuracy).toBeUndefined();
  expect(actual.averages.map((r) => r.name)).toEqual(averageKeys.filter((key) => key !== "accuracy"));
  for (const r of actual.averages) row(r, expected[r.name] as Record<string, number>);
  return worst;
}

function compare(c: Case, result: unknown): number {
  const tol = tier(c);
  const what = `#${c.index} ${c.fn}`;
  const expected = c.result;
  if (c.fn === "classification_report") {
    if (typeof expected === "string") {
      expect(result).toBe(expected);
      return 0;
    }
    return compareReport(result as metrics.ClassificationReport, expected as [string, unknown][], tol, what);
  }
  if (c.fn === "precision_recall_fscore_support") {
    const [p, r, f, s] = expected as unknown[];
    const ours = result as metrics.PerLabelScores;
    let worst = compareNumbers(ours.precision, p, tol, `${what} precision`);
    worst = Math.max(worst, compareNumbers(ours.recall, r, tol, `${what} recall`), compareNumbers(ours.fScore, f, tol, `${what} fScore`));
    if (s === null) expect(ours.support).toBeUndefined();
    else worst = Math.max(worst, compareNumbers(ours.support, s, tol, `${what} support`));
    return worst;
  }
  if (c.fn in CURVES) {
    const tuple = expected as unknown[];
    return Math.max(...CURVES[c.fn].map((key, i) => compareNumbers((result as Record<string, unknown>)[key], tuple[i], tol, `${what} ${key}`)));
  }
  return compareNumbers(result, expected, tol, what);
}

/** A short test name: index, function, sample count and options. */
function title(c: Case): string {
  const options = Object.entries(c.kwargs).map(([key, value]) => {
    if (key === "sample_weight") return `w=${(value as number[]).every(Number.isInteger) ? "int" : "frac"}`;
    return `${key}=${JSON.stringify(value, (_k, v: unknown) => (typeof v === "number" && !Number.isFinite(v) ? String(v) : v))}`;
  });
  const n = (c.args[0] as unknown[]).length;
  return `#${c.index} ${c.family} ${c.fn} n=${n}${options.length > 0 ? ` ${options.join(" ")}` : ""}${c.error ? ` (raises ${c.error.type})` : ""}`;
}

function expectTabkitError(c: Case, why: string): void {
  let thrown: unknown;
  try {
    run(c);
  } catch (error) {
    thrown = error;
  }
  expect(thrown, `${why}; tabkit returned instead of throwing`).toBeDefined();
  expect(thrown instanceof DataError || thrown instanceof ValidationError, `${why}; tabkit threw ${String(thrown)}`).toBe(true);
}

describe(`metrics sweep against scikit-learn (seed ${fixture.seed}, ${fixture.cases.length} cases)`, () => {
  const worst = new Map<string, number>();
  const stats = { compared: 0, raised: 0, stricter: 0 };
  for (const c of fixture.cases) {
    it(title(c), () => {
      if (c.error !== undefined) {
        stats.raised++;
        expectTabkitError(c, `scikit-learn raised ${c.error.type}: ${c.error.message}`);
        return;
      }
      const reason = stricter(c);
      if (reason !== undefined) {
        stats.stricter++;
        expectTabkitError(c, reason);
        return;
      }
      const result = run(c);
      worst.set(c.fn, Math.max(worst.get(c.fn) ?? 0, compare(c, result)));
      stats.compared++;
    });
  }
  afterAll(() => {
    if (process.env.TABKIT_PARITY_REPORT === "1") console.log(stats, Object.fromEntries([...worst].sort()));
  });
});
