import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DataError, ValidationError } from "../core/errors.js";
import { Matrix } from "../core/matrix.js";
import * as m from "./index.js";

/** Asserts that `call` throws `type` with a message matching `pattern`. */
function expectError(call: () => unknown, type: typeof DataError | typeof ValidationError, pattern: RegExp): void {
  let thrown: unknown;
  try {
    call();
  } catch (error) {
    thrown = error;
  }
  expect(thrown, "expected an error").toBeInstanceOf(type);
  expect((thrown as Error).message).toMatch(pattern);
}

describe("bad input gets a clear error naming the function and the argument", () => {
  it("labels of mismatched length", () => {
    expectError(() => m.accuracyScore([0, 1, 1], [0, 1]), DataError, /^accuracyScore: yPred has 2 values but yTrue has 3$/);
    expectError(() => m.f1Score([0, 1], [0, 1, 1]), DataError, /^f1Score: yPred has 3 values/);
    expectError(() => m.rocAucScore([0, 1, 1], [0.2, 0.4]), DataError, /^rocAucScore: yScore has 2 rows but yTrue has 3/);
    expectError(() => m.meanSquaredError([1, 2], [1]), DataError, /^meanSquaredError: yPred has 1 values but yTrue has 2/);
    expectError(() => m.accuracyScore([0, 1], [0, 1], { sampleWeight: [1] }), DataError, /^accuracyScore: sampleWeight has 1 values but yTrue has 2/);
  });

  it("an empty array", () => {
    expectError(() => m.accuracyScore([], []), DataError, /^accuracyScore: yTrue is empty/);
    expectError(() => m.confusionMatrix([], [], { labels: [0, 1] }), DataError, /^confusionMatrix: yTrue is empty/);
    expectError(() => m.rocCurve([], []), DataError, /^rocCurve: yTrue is empty/);
    expectError(() => m.r2Score([], []), DataError, /^r2Score: yTrue is empty/);
    expectError(() => m.balancedAccuracyScore([], []), DataError, /^balancedAccuracyScore: yTrue is empty/);
    expectError(() => m.matthewsCorrcoef([], []), DataError, /^matthewsCorrcoef: yTrue is empty/);
  });

  it("warnings of the metrics built on the confusion matrix name the function called", () => {
    const messages: string[] = [];
    m.matthewsCorrcoef([1, 1], [1, 1], { onWarning: (message) => messages.push(message) });
    m.balancedAccuracyScore([1, 1], [1, 1], { onWarning: (message) => messages.push(message) });
    expect(messages.map((message) => message.split(":")[0])).toEqual(["matthewsCorrcoef", "balancedAccuracyScore"]);
  });

  it("NaN or infinite scores and targets", () => {
    expectError(() => m.rocAucScore([0, 1, 1], [0.2, NaN, 0.4]), DataError, /^rocAucScore: yScore value NaN \(row 1\) is not a finite number/);
    expectError(() => m.rocCurve([0, 1], [0.2, Infinity]), DataError, /^rocCurve: yScore value Infinity \(row 1\)/);
    expectError(() => m.logLoss([0, 1], [[0.5, 0.5], [NaN, 1]]), DataError, /^logLoss: yProba value NaN \(row 1, column 0\)/);
    expectError(() => m.meanAbsoluteError([1, NaN], [1, 2]), DataError, /^meanAbsoluteError: yTrue value NaN \(row 1\)/);
    expectError(() => m.meanAbsoluteError(["1", "2"] as never, [1, 2]), DataError, /^meanAbsoluteError: yTrue value "1" \(row 0\) is not a finite number/);
  });

  it("NaN or infinite typed-array targets of MSE, RMSE and R², whose check follows their first sum", () => {
    const values = (n: number, at: number, bad: number): Float64Array => Float64Array.from({ length: n }, (_, i) => (i === at ? bad : i / 7));
    const metrics = { meanSquaredError: m.meanSquaredError, rootMeanSquaredError: m.rootMeanSquaredError, r2Score: m.r2Score } as Record<string, (yTrue: Float64Array, yPred: Float64Array) => unknown>;
    for (const fn of Object.keys(metrics)) {
      for (const bad of [NaN, Infinity, -Infinity]) {
        for (const n of [1, 5, 3000]) {
          const at = n - 1;
          const shown = String(bad);
          expectError(() => metrics[fn](values(n, at, bad), values(n, -1, 0)), DataError, new RegExp(`^${fn}: yTrue value ${shown} \\(row ${at}\\) is not a finite number`));
          expectError(() => metrics[fn](values(n, -1, 0), values(n, at, bad)), DataError, new RegExp(`^${fn}: yPred value ${shown} \\(row ${at}\\) is not a finite number`));
        }
      }
      // Both arrays infinite at the same row: their difference is NaN, the first infinity is named.
      expectError(() => metrics[fn](values(4, 2, Infinity), values(4, 2, Infinity)), DataError, new RegExp(`^${fn}: yTrue value Infinity \\(row 2\\)`));
    }
    // A NaN or ±Infinity is named before any error of shape or option, and the same error comes
    // whether the values arrive as Float64Arrays (checked after the first sum) or as plain arrays
    // (checked as they are copied).
    const errorOf = (call: () => unknown): string => {
      try {
        call();
        return "no error";
      } catch (error) {
        return `${(error as Error).name}: ${(error as Error).message}`;
      }
    };
    const cell = fc.oneof(fc.constantFrom(NaN, Infinity, -Infinity, 0, -0, 1e308), fc.double({ noNaN: true, min: -10, max: 10 }));
    const options = fc.constantFrom<Record<string, unknown>>({}, { multioutput: "bogus" }, { multioutput: [1] }, { multioutput: "raw_values" }, { sampleWeight: [1] }, { sampleWeight: [1, NaN, 1, 1, 1, 1] }, { sampleWeight: [1, 2, 3, 4, 5, 6] });
    fc.assert(
      fc.property(fc.constantFrom(...Object.keys(metrics)), fc.array(cell, { minLength: 1, maxLength: 6 }), fc.array(cell, { minLength: 1, maxLength: 6 }), options, fc.boolean(), fc.boolean(), (fn, yTrue, yPred, option, typedTrue, typedPred) => {
        const metric = metrics[fn] as (a: unknown, b: unknown, o: unknown) => unknown;
        const given = (values: number[], typed: boolean): unknown => (typed ? Float64Array.from(values) : [...values]);
        expect(errorOf(() => metric(given(yTrue, typedTrue), given(yPred, typedPred), option))).toBe(errorOf(() => metric([...yTrue], [...yPred], option)));
      }),
      { numRuns: 3000 },
    );
    // Several outputs are checked before any sum.
    const twoOutputs = (bad: number): Matrix => new Matrix(Float64Array.of(1, 2, 3, bad), 2, 2);
    expectError(() => m.meanSquaredError(twoOutputs(NaN), twoOutputs(0)), DataError, /^meanSquaredError: yTrue value NaN \(row 1, column 1\)/);
    expectError(() => m.r2Score(twoOutputs(0), twoOutputs(Infinity)), DataError, /^r2Score: yPred value Infinity \(row 1, column 1\)/);
    // Finite values whose errors overflow are no error: scikit-learn also returns inf.
    expect(m.meanSquaredError(Float64Array.of(1e308, 0), Float64Array.of(-1e308, 0))).toBe(Infinity);
    // scikit-learn 1.9.1: r2_score([1, 2, 3], [1e308, -1e308, 0]) is -inf; [1e308, -1e308, 0] against [1, 2, 3] is nan.
    expect(m.r2Score(Float64Array.of(1, 2, 3), Float64Array.of(1e308, -1e308, 0))).toBe(-Infinity);
    expect(m.r2Score(Float64Array.of(1e308, -1e308, 0), Float64Array.of(1, 2, 3))).toBeNaN();
    expectError(() => m.accuracyScore([0, NaN], [0, 1]), DataError, /^accuracyScore: yTrue has a missing value \(row 1\)/);
  });

  it("a single class for ROC AUC", () => {
    expectError(() => m.rocAucScore([1, 1, 1], [0.2, 0.3, 0.9]), DataError, /^rocAucScore: only one class present in y_true; ROC AUC is not defined$/);
    expectError(() => m.rocAucScore(["a", "a"], [0.2, 0.3]), DataError, /only one class present in y_true/);
  });

  it("an unknown posLabel", () => {
    expectError(() => m.f1Score(["No", "Yes"], ["No", "Yes"]), DataError, /^f1Score: posLabel 1 is not one of the labels \["No", "Yes"\]; set posLabel/);
    expectError(() => m.precisionScore(["No", "Yes"], ["No", "Yes"], { posLabel: "yes" }), DataError, /posLabel "yes" is not one of the labels/);
    expectError(() => m.rocCurve(["No", "Yes"], [0.1, 0.2], { posLabel: "yes" }), DataError, /^rocCurve: posLabel "yes" is not one of the labels in yTrue/);
    expectError(() => m.rocCurve(["No", "Yes"], [0.1, 0.2]), DataError, /^rocCurve: yTrue takes values in \["No", "Yes"\] and posLabel is not specified/);
    expectError(() => m.averagePrecisionScore(["No", "Yes"], [0.1, 0.2]), DataError, /^averagePrecisionScore: posLabel 1 is not one of the labels/);
    expectError(() => m.brierScoreLoss(["No", "Yes"], [0.1, 0.2], { posLabel: "Maybe" }), DataError, /^brierScoreLoss: posLabel "Maybe"/);
  });

  it("scores or probabilities passed where labels belong", () => {
    expectError(() => m.accuracyScore([0, 1, 1], [0.2, 0.7, 0.9]), DataError, /^accuracyScore: yPred holds the non-integer number 0.2 \(row 0\); classification metrics need class labels/);
  });

  it("labels of different types", () => {
    expectError(() => m.f1Score([0, 1], ["0", "1"]), DataError, /^f1Score: yTrue holds numbers but yPred holds strings/);
    expectError(() => m.accuracyScore([0, "1"], [0, 1]), DataError, /^accuracyScore: yTrue mixes numbers and strings \(row 1\)/);
  });

  it("bad options are ValidationErrors naming the option", () => {
    expectError(() => m.f1Score([0, 1], [0, 1], { average: "samples" as never }), ValidationError, /^f1Score: average must be one of/);
    expectError(() => m.f1Score([0, 1], [0, 1], { zeroDivision: 0.5 }), ValidationError, /^f1Score: zeroDivision must be "warn", 0, 1 or NaN; got 0.5/);
    expectError(() => m.fbetaScore([0, 1], [0, 1], { beta: -1 }), ValidationError, /^fbetaScore: beta must be a number >= 0/);
    expectError(() => m.rocAucScore([0, 1], [0.1, 0.2], { maxFpr: 0 }), ValidationError, /^rocAucScore: maxFpr must be in \(0, 1\]/);
    expectError(() => m.rocAucScore([0, 1, 2], [[0.2, 0.3, 0.5], [0.1, 0.1, 0.8], [0.3, 0.3, 0.4]]), ValidationError, /set multiClass to "ovr" or "ovo"/);
    expectError(() => m.confusionMatrix([0, 1], [0, 1], { normalize: "rows" as never }), ValidationError, /^confusionMatrix: normalize must be/);
    expectError(() => m.meanSquaredError([1, 2], [1, 2], { multioutput: "variance_weighted" as never }), ValidationError, /^meanSquaredError: multioutput must be one of/);
    expectError(() => m.maxError([1, 2], [1, 2], { sampleWeight: [1, 1] }), ValidationError, /^maxError: maxError does not support sampleWeight/);
  });

  it("bad weights", () => {
    expectError(() => m.accuracyScore([0, 1], [0, 1], { sampleWeight: [1, -1] }), DataError, /sampleWeight value -1 \(row 1\) must be a finite non-negative number/);
    expectError(() => m.accuracyScore([0, 1], [0, 1], { sampleWeight: [0, 0] }), DataError, /sampleWeight must contain at least one non-zero number/);
  });

  it("probabilities out of range and wrong widths", () => {
    expectError(() => m.logLoss([0, 1], [0.2, 1.5]), DataError, /^logLoss: yProba value 1.5 \(row 1\) is outside \[0, 1\]/);
    expectError(() => m.logLoss([0, 1, 2], Matrix.from2D([[0.5, 0.5], [0.5, 0.5], [0.5, 0.5]])), DataError, /yTrue holds 3 classes but yProba has 2 columns/);
    expectError(() => m.rocAucScore([0, 1], [[0.5, 0.5], [0.2, 0.8]]), DataError, /needs one score per sample; pass the scores \(or probabilities\) of the class 1/);
    expectError(() => m.rocAucScore([0, 1, 2], [[0.5, 0.6, 0], [0.2, 0.8, 0], [0, 0, 1]], { multiClass: "ovr" }), DataError, /the scores of row 0 sum to 1.1/);
  });
});

describe("undefined metrics warn through onWarning and return the zeroDivision value", () => {
  const yTrue = [0, 0, 1, 1];
  const nothingPredicted = [0, 0, 0, 0];

  it("warns and returns 0 by default, never NaN", () => {
    const warnings: string[] = [];
    expect(m.precisionScore(yTrue, nothingPredicted, { onWarning: (w) => warnings.push(w) })).toBe(0);
    expect(warnings).toEqual([
      "precisionScore: Precision is ill-defined and being set to 0.0 due to no predicted samples. Use the zeroDivision option to control this behavior.",
    ]);
  });

  it("returns the chosen value silently", () => {
    for (const zeroDivision of [0, 1, NaN] as const) {
      const warnings: string[] = [];
      const value = m.precisionScore(yTrue, nothingPredicted, { zeroDivision, onWarning: (w) => warnings.push(w) });
      expect(value).toBe(zeroDivision);
      expect(warnings).toEqual([]);
    }
  });

  it("works without a listener", () => {
    expect(m.recallScore([0, 0], [0, 1])).toBe(0);
    expect(m.r2Score([1], [1])).toBeNaN();
  });

  it("keeps F from counts: an undefined precision with true samples gives F = 0 whatever zeroDivision says", () => {
    expect(m.f1Score(yTrue, nothingPredicted, { zeroDivision: 1 })).toBe(0);
    expect(m.f1Score([0, 0], [0, 0], { zeroDivision: 1 })).toBe(1);
  });
});

describe("label arrays", () => {
  it("are read, never changed, and typed arrays give the same results as plain ones", () => {
    const yTrue = [2, 0, 1, 1, 2, 0, 0, 1];
    const yPred = [2, 1, 1, 0, 2, 0, 2, 1];
    const before = [[...yTrue], [...yPred]];
    const plain = [m.confusionMatrix(yTrue, yPred).data, m.f1Score(yTrue, yPred, { average: "macro" }), m.accuracyScore(yTrue, yPred)];
    const typed = [m.confusionMatrix(Int32Array.from(yTrue), Int32Array.from(yPred)).data, m.f1Score(Int32Array.from(yTrue), Int32Array.from(yPred), { average: "macro" }), m.accuracyScore(Int32Array.from(yTrue), Int32Array.from(yPred))];
    expect(typed).toEqual(plain);
    expect([yTrue, yPred]).toEqual(before);
  });
});
