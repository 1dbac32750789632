import { describe, expect, it } from "vitest";
import { DataError, ValidationError } from "../../core/errors.js";
import { Frame } from "../../core/frame.js";
import { Matrix } from "../../core/matrix.js";
import { DecisionTreeClassifier } from "../decision-tree-classifier.js";
import { DecisionTreeRegressor } from "../decision-tree-regressor.js";
import { RandomForestClassifier } from "../random-forest-classifier.js";
import { RandomForestRegressor } from "../random-forest-regressor.js";

const X = Matrix.from2D(
  [
    [1, 2],
    [2, 1],
    [3, 5],
    [4, 3],
    [5, 4],
    [6, 0],
  ],
  ["a", "b"],
);
const y = ["n", "y", "n", "y", "y", "n"];

describe("tree models refuse bad input with clear errors", () => {
  const classifiers = [() => new DecisionTreeClassifier(), () => new RandomForestClassifier({ nEstimators: 3 })];
  it.each(classifiers.map((make) => [make().kind, make] as const))("%s", (kind, make) => {
    expect(() => make().fit(X, ["a", "a", "a", "a", "a", "a"])).toThrow(/single class/);
    expect(() => make().fit(X, [...y, "n"])).toThrow(DataError);
    expect(() => make().fit(X, [NaN, 1, 0, 1, 0, 1])).toThrow(/missing value/);
    expect(() => make().fit(Matrix.from2D([[1, Infinity], [2, 3]]), ["a", "b"])).toThrow(/column "x1".*row 0|Infinity/);
    expect(() => make().fit(Matrix.from2D([[1, 1e39], [2, 3]]), ["a", "b"])).toThrow(/too large for float32/);
    expect(() => make().withParams({ minSamplesSplit: 10 }).fit(X, y)).toThrow(/fewer than minSamplesSplit/);
    expect(() => make().withParams({ maxFeatures: 3 }).fit(X, y)).toThrow(/maxFeatures is 3 but X has only 2/);
    expect(() => make().withParams({ classWeight: { maybe: 2 } }).fit(X, y)).toThrow(/classWeight names class "maybe"/);
    const fitted = make().fit(X, y);
    expect(() => fitted.predictProba(Matrix.from2D([[1, 2, 3]]))).toThrow(new RegExp(`${kind}.predictProba`));
    expect(() => fitted.predict(Matrix.from2D([[1, 2]], ["a", "c"]))).toThrow(new RegExp(`${kind}.predict: .*"b"`));
    expect(() => fitted.predict(Matrix.from2D([[1, -Infinity]], ["a", "b"]))).toThrow(DataError);
    // NaN at predict time follows each split's stored direction, as scikit-learn does
    expect(fitted.predict(Matrix.from2D([[NaN, NaN]], ["a", "b"]))).toHaveLength(1);
  });

  it("regressors refuse non-numeric or infinite targets and bad params", () => {
    for (const make of [() => new DecisionTreeRegressor(), () => new RandomForestRegressor({ nEstimators: 2 })]) {
      expect(() => make().fit(X, [1, 2, 3, Infinity, 5, 6])).toThrow(/not a finite number/);
      expect(() => make().fit(X, [1, 2, 3])).toThrow(/3 values but X has 6 rows/);
    }
    expect(() => new DecisionTreeRegressor({ criterion: "poisson" as never })).toThrow(ValidationError);
    expect(() => new RandomForestClassifier({ nEstimators: 0 })).toThrow(ValidationError);
    expect(() => new RandomForestClassifier({ maxFeatures: 1.5 })).toThrow(ValidationError);
    expect(() => new RandomForestClassifier({ bootstrap: false, oobScore: true }).fit(X, y)).toThrow(/oobScore needs bootstrap/);
    expect(() => new RandomForestClassifier().oobScore).toThrow(/not fitted|NotFitted|before/i);
  });

  it("sample weights: wrong length, negative or all zero", () => {
    const tree = new DecisionTreeClassifier();
    expect(() => tree.fit(X, y, { sampleWeight: [1, 2] })).toThrow(/sampleWeight has 2 values/);
    expect(() => tree.fit(X, y, { sampleWeight: [1, 1, 1, 1, 1, -1] })).toThrow(/non-negative/);
    expect(() => tree.fit(X, y, { sampleWeight: [0, 0, 0, 0, 0, 0] })).toThrow(/^DecisionTreeClassifier\.fit: sampleWeight gives every row a weight of 0; at least one row needs a positive weight/);
  });

  it("fitAsync names itself when it refuses sample weights", async () => {
    for (const forest of [new RandomForestClassifier({ nEstimators: 2 }), new RandomForestRegressor({ nEstimators: 2 })]) {
      await expect(forest.fitAsync(X, [0, 1, 0, 1, 0, 1], { sampleWeight: [1, 2] })).rejects.toThrow(new RegExp(`^${forest.kind}\\.fitAsync: sampleWeight has 2 values but X has 6 rows$`));
      await expect(forest.fitAsync(X, [0, 1, 0, 1, 0, 1], { sampleWeight: [1, 1, NaN, 1, 1, 1] })).rejects.toThrow(new RegExp(`^${forest.kind}\\.fitAsync: sampleWeight value NaN \\(row 2\\)`));
    }
  });

  it("tells a model fitted on named columns that number rows have no column names", () => {
    const frame = Frame.fromColumns({ a: [1, 2, 3, 4, 5, 6], b: [2, 1, 5, 3, 4, 0] });
    const tree = new DecisionTreeClassifier().fit(frame, y);
    expect(() => tree.predict([[1, 2]])).toThrow(
      expect.objectContaining({ code: "DATA_ERROR", message: expect.stringMatching(/^DecisionTreeClassifier\.predict: the input has no column names, but this estimator was fitted on named columns \("a", "b"\)/) }),
    );
    expect(tree.predict(Matrix.from2D([[1, 2]], ["a", "b"]))).toEqual(tree.predict(frame).slice(0, 1));
  });

  // the reviewer's data: two columns, classes 0 and 1 in halves
  const X8 = [[0, 1], [1, 0], [2, 1], [3, 0], [4, 1], [5, 0], [6, 1], [7, 0]];
  const y8 = [0, 0, 0, 0, 1, 1, 1, 1];
  const dataError = (message: RegExp) => expect.objectContaining({ code: "DATA_ERROR", message: expect.stringMatching(message) });

  it("refuses class weights that leave every row a weight of 0 (no NaN probabilities)", () => {
    const zero = /^\w+\.fit: sampleWeight × classWeight gives every row a weight of 0/;
    expect(() => new DecisionTreeClassifier({ classWeight: { 0: 0, 1: 0 } }).fit(X8, y8)).toThrow(dataError(zero));
    expect(() => new DecisionTreeClassifier({ classWeight: { 0: 0 } }).fit(X8, y8, { sampleWeight: [1, 1, 1, 1, 0, 0, 0, 0] })).toThrow(dataError(zero));
    for (const bootstrap of [false, true]) {
      expect(() => new RandomForestClassifier({ nEstimators: 3, bootstrap, classWeight: { 0: 0, 1: 0 } }).fit(X8, y8)).toThrow(dataError(zero));
    }
  });

  it("refuses targets and weights whose sums overflow float64 (no NaN importances, no silent stump)", () => {
    const bigY = [0, 0, 0, 1e160, 1e160, 1, 1, 1];
    expect(() => new DecisionTreeRegressor().fit(X8, bigY)).toThrow(
      expect.objectContaining({ code: "DATA_ERROR", row: 3, message: expect.stringMatching(/^DecisionTreeRegressor\.fit: y value 1e\+160 is too large.*squared-error sums overflow float64; rescale y/) }),
    );
    expect(() => new RandomForestRegressor({ nEstimators: 3, oobScore: true }).fit(X8, bigY)).toThrow(dataError(/^RandomForestRegressor\.fit: y value 1e\+160 is too large/));
    // absolute error adds, never squares: 1e160 fits, and its importances are numbers
    expect(Array.from(new DecisionTreeRegressor({ criterion: "absolute_error" }).fit(X8, bigY).featureImportances).every(Number.isFinite)).toBe(true);
    const heavy = { sampleWeight: X8.map(() => 1e300) };
    expect(() => new DecisionTreeClassifier().fit(X8, y8, heavy)).toThrow(dataError(/^DecisionTreeClassifier\.fit: sampleWeight totals 8e\+300 per tree, whose square .* overflows float64; rescale sampleWeight/));
    expect(() => new DecisionTreeClassifier().fit(X8, y8, { sampleWeight: X8.map(() => 1e308) })).toThrow(dataError(/sampleWeight sums past float64's range/));
    // entropy does not square the weights; bootstrap trees are weighted by their draw counts
    expect(new DecisionTreeClassifier({ criterion: "entropy" }).fit(X8, y8, heavy).getDepth()).toBe(1);
    const forest = new RandomForestClassifier({ nEstimators: 3, randomState: 0 }).fit(X8, y8, heavy);
    expect(forest.estimators.map((tree) => tree.weightedNNodeSamples[0])).toEqual([8, 8, 8]);
    expect(forest.estimators.every((tree) => tree.maxDepth >= 1)).toBe(true);
    expect(forest.predict(X8)).toEqual(y8);
  });

  it("warns, as scikit-learn does, when maxSamples draws few rows per tree", () => {
    const warnings: string[] = [];
    new RandomForestClassifier({ nEstimators: 2, maxSamples: 0.1, randomState: 0 }).fit(X8, y8, { onWarning: (m) => warnings.push(m) });
    new RandomForestRegressor({ nEstimators: 2, maxSamples: 1, randomState: 0 }).fit(X8, y8, { onWarning: (m) => warnings.push(m) });
    new RandomForestClassifier({ nEstimators: 2, maxSamples: 0.5, randomState: 0 }).fit(X8, y8, { sampleWeight: X8.map(() => 2), onWarning: (m) => warnings.push(m) });
    expect(warnings).toEqual([
      "RandomForestClassifier.fit: using the fractional value maxSamples = 0.1 when the number of samples is 8 results in a low number (1) of bootstrap samples; we recommend passing maxSamples as an integer instead",
      "RandomForestRegressor.fit: maxSamples: 1 draws a single row per tree (1.0 is the integer 1 in JavaScript); use null to draw as many rows as X has",
      "RandomForestClassifier.fit: using the fractional value maxSamples = 0.5 when the total sum of sample weights is 16 results in a low number (8) of bootstrap samples; we recommend passing maxSamples as an integer instead",
    ]);
  });

  const notRunners: [string, unknown][] = [["{}", {}], ['"x"', "x"], ["run without size", { run: () => Promise.resolve([]) }], ["run not a function", { run: "no", size: 2 }]];
  it.each(notRunners)("fitAsync refuses parallel: %s with a ValidationError", async (_what, parallel) => {
    for (const forest of [new RandomForestClassifier({ nEstimators: 2 }), new RandomForestRegressor({ nEstimators: 2 })]) {
      await expect(forest.fitAsync(X8, y8, { parallel: parallel as never })).rejects.toThrow(
        expect.objectContaining({ code: "VALIDATION_ERROR", message: expect.stringMatching(new RegExp(`^${forest.kind}\\.fitAsync: options\\.parallel must be a parallel runner.*run\\(.*size.*WorkerPool`)) }),
      );
    }
  });

  it("fitAsync names itself in its errors", async () => {
    await expect(new RandomForestClassifier({ nEstimators: 2 }).fitAsync(X8, X8.map(() => 1))).rejects.toThrow(/^RandomForestClassifier\.fitAsync: y has a single class \(1\)/);
    await expect(new RandomForestRegressor({ nEstimators: 2 }).fitAsync(X8, [1, 2])).rejects.toThrow(/^RandomForestRegressor\.fitAsync: y has 2 values/);
  });

  it("a failed fit keeps the previous model", () => {
    const tree = new DecisionTreeClassifier({ randomState: 0 }).fit(X, y);
    const before = tree.predictProba(X).data;
    expect(() => tree.fit(X, ["a", "a", "a", "a", "a", "a"])).toThrow(DataError);
    expect(tree.predictProba(X).data).toEqual(before);
  });
});
