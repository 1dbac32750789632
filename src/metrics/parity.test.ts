import { describe, expect, it } from "vitest";
import { DataError } from "../core/errors.js";
import { Matrix } from "../core/matrix.js";
import { expectClose, readFixture } from "../../test/helpers/fixtures.js";
import { callMetricTwin } from "../../test/helpers/metric-twins.js";
import * as metrics from "./index.js";

/** The cases of parity/gen_metrics.py: scikit-learn calls and what they returned. */
interface MetricCase {
  name: string;
  fn: string;
  args: unknown[];
  kwargs: Record<string, unknown>;
  result?: unknown;
  error?: string;
  warned: boolean;
}
interface Fixture {
  data: Record<string, unknown[]>;
  cases: MetricCase[];
}

const fixture = readFixture<Fixture>("metrics/cases.json");
const TOL = 1e-12;


function resolve(value: unknown): unknown {
  return typeof value === "string" && value.startsWith("@") ? fixture.data[value.slice(1)] : value;
}

/** Calls the tabkit twin of a case; returns its result and whether it warned. */
function run(c: MetricCase): { result: unknown; warnings: string[] } {
  const warnings: string[] = [];
  const kwargs = Object.fromEntries(Object.entries(c.kwargs).map(([key, value]) => [key, resolve(value)]));
  const result = callMetricTwin(c.fn, c.args.map(resolve), kwargs, (message) => warnings.push(message));
  return { result, warnings };
}

function compareNumbers(actual: unknown, expected: unknown, what: string): number {
  if (typeof expected === "number") {
    expect(typeof actual, what).toBe("number");
    return expectClose([actual as number], [expected], TOL, what);
  }
  const flat = (expected as unknown[]).flat(2) as number[];
  const ours = actual instanceof Matrix ? actual.data : (actual as ArrayLike<number>);
  return expectClose(ours, flat, TOL, what);
}

/** Compares a report as data with scikit-learn's output_dict. */
function compareReport(actual: metrics.ClassificationReport, expected: Record<string, unknown>, what: string): number {
  let worst = 0;
  const row = (ours: metrics.ClassificationReportRow, theirs: Record<string, number>): void => {
    const values = [ours.precision, ours.recall, ours.f1Score, ours.support];
    worst = Math.max(worst, expectClose(values, [theirs.precision, theirs.recall, theirs["f1-score"], theirs.support], TOL, `${what} ${ours.name}`));
  };
  const keys = Object.keys(expected).filter((key) => key !== "generatedBy");
  const averageKeys = keys.filter((key) => key.endsWith(" avg") || key === "accuracy");
  expect(actual.rows.map((r) => r.name).sort()).toEqual(keys.filter((key) => !averageKeys.includes(key)).sort());
  for (const r of actual.rows) row(r, expected[r.name] as Record<string, number>);
  if ("accuracy" in expected) worst = Math.max(worst, expectClose([actual.accuracy!], [expected.accuracy as number], TOL, `${what} accuracy`));
  else expect(actual.accuracy).toBeUndefined();
  expect(actual.averages.map((r) => r.name)).toEqual(averageKeys.filter((key) => key !== "accuracy"));
  for (const r of actual.averages) row(r, expected[r.name] as Record<string, number>);
  return worst;
}

function compare(c: MetricCase, result: unknown): number {
  const what = c.name;
  const expected = c.result;
  if (c.fn === "classification_report") {
    if (typeof expected === "string") {
      expect(result).toBe(expected);
      return 0;
    }
    return compareReport(result as metrics.ClassificationReport, expected as Record<string, unknown>, what);
  }
  if (c.fn === "precision_recall_fscore_support") {
    const [p, r, f, s] = expected as unknown[];
    const ours = result as metrics.PerLabelScores;
    let worst = compareNumbers(ours.precision, p, `${what} precision`);
    worst = Math.max(worst, compareNumbers(ours.recall, r, `${what} recall`), compareNumbers(ours.fScore, f, `${what} fScore`));
    if (s === null) expect(ours.support).toBeUndefined();
    else worst = Math.max(worst, compareNumbers(ours.support, s, `${what} support`));
    return worst;
  }
  const parts: Record<string, string[]> = {
    roc_curve: ["fpr", "tpr", "thresholds"],
    precision_recall_curve: ["precision", "recall", "thresholds"],
    confusion_matrix_at_thresholds: ["tns", "fps", "fns", "tps", "thresholds"],
  };
  if (c.fn in parts) {
    const tuple = expected as unknown[];
    return Math.max(...parts[c.fn].map((key, i) => compareNumbers((result as Record<string, unknown>)[key], tuple[i], `${what} ${key}`)));
  }
  return compareNumbers(result, expected, what);
}

describe("metrics match scikit-learn on the golden fixtures", () => {
  const worstByFunction = new Map<string, number>();
  for (const c of fixture.cases) {
    it(c.name, () => {
      if (c.error !== undefined) {
        expect(() => run(c), `scikit-learn raised: ${c.error}`).toThrow(/Error|:/);
        try {
          run(c);
        } catch (error) {
          expect((error as Error).name).toMatch(/^(DataError|ValidationError)$/);
        }
        return;
      }
      const { result, warnings } = run(c);
      const worst = compare(c, result);
      worstByFunction.set(c.fn, Math.max(worstByFunction.get(c.fn) ?? 0, worst));
      expect(warnings.length > 0, `warnings: ${JSON.stringify(warnings)}`).toBe(c.warned);
    });
  }
  it("reports the worst relative error per function", () => {
    for (const [fn, worst] of [...worstByFunction].sort()) expect(worst, fn).toBeLessThanOrEqual(TOL);
    if (process.env.TABKIT_PARITY_REPORT === "1") console.log(Object.fromEntries(worstByFunction));
  });
});

describe("single-output regression metrics sum in numpy's order", () => {
  // A running total differs from numpy's pairwise sums in the last bits on these 300 rows.
  const houseCases = fixture.cases.filter((c) => / house( weighted)?$/.test(c.name) && typeof c.result === "number");
  it("covers every regression metric, with and without weights", () => {
    expect(houseCases.length).toBeGreaterThanOrEqual(14);
  });
  for (const c of houseCases) {
    it(`${c.name}: scikit-learn's value to the bit`, () => {
      expect(run(c).result).toBe(c.result);
    });
  }
});

// Disagreements found by the randomized sweep (metrics.sweep.test.ts); expected values from scikit-learn 1.9.1.
describe("metrics sweep regressions", () => {
  it("averages eight or more labels in numpy's pairwise order (macro F1, balanced accuracy)", () => {
    const f1True = [3, 4, 6, 7, 0, 1, 6, 7, 1, 2, 6, 3, 2, 6, 2, 3];
    const f1Pred = [5, 4, 0, 0, 6, 6, 6, 4, 6, 2, 3, 6, 0, 2, 0, 3];
    expect(metrics.f1Score(f1True, f1Pred, { average: "macro", onWarning: () => {} })).toBe(0.2111111111111111);
    const baTrue = [6, 3, 7, 4, 2, 7, 5, 2, 1, 2, 1, 5, 0, 1, 5, 4];
    const baPred = [6, 2, 3, 4, 6, 4, 7, 5, 1, 3, 0, 1, 3, 0, 7, 4];
    expect(metrics.balancedAccuracyScore(baTrue, baPred)).toBe(0.2916666666666667);
  });

  it("weighs accuracy with numpy's pairwise sums, as np.average", () => {
    const yTrue = [0, 0, 0, 0, 0, 1, 1, 1, 1, 0, 0, 0];
    const yPred = [1, 1, 1, 0, 1, 1, 1, 0, 0, 1, 0, 0];
    const sampleWeight = [0.005, 1.546, 1.919, 2.957, 0.777, 2.407, 2.611, 2.768, 0.007, 1.408, 2.944, 1.197];
    // Added in order, the weights give 0.5897011583763263.
    expect(metrics.accuracyScore(yTrue, yPred, { sampleWeight })).toBe(0.5897011583763264);
  });

  it("rebuilds supports as tp + (sum - tp) with fractional weights, as scikit-learn does", () => {
    const scores = metrics.precisionRecallFscoreSupport([1, 1, 1, 1, 0, 1], [0, 0, 1, 0, 0, 0], { sampleWeight: [1.5, 1.5, 1.4, 0.8, 1.0, 1.5] });
    expect(scores.support[1]).toBe(6.700000000000001);
    expect(scores.recall[1]).toBe(0.20895522388059698);
  });

  it("gives R² = 0 for a constant target with fractional weights (its weighted mean is exact in numpy's order)", () => {
    const weights = [1.689, 1.895, 1.093, 0.906, 0.773, 0.75, 1.728, 1.424, 1.823, 0.066, 0.263, 1.049];
    const yPred = [2.5, 3.0, 3.5, 2.5, 3.0, 3.5, 2.5, 3.0, 3.5, 2.5, 3.0, 3.5];
    expect(metrics.r2Score(new Array(12).fill(3), yPred, { sampleWeight: weights })).toBe(0);
  });

  it("refuses maxFpr when every negative weighs zero (scikit-learn raises)", () => {
    const call = (): number => metrics.rocAucScore([1, 0, 1], [0.99, 0.66, 0.89], { maxFpr: 0.8, sampleWeight: [2, 0, 1], onWarning: () => {} });
    expect(call).toThrow(DataError);
  });
});
