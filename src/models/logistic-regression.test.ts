import { describe, expect, it } from "vitest";
import { isTabkitError } from "../core/errors.js";
import { Frame } from "../core/frame.js";
import type { Label } from "../core/labels.js";
import { Matrix } from "../core/matrix.js";
import { loadModel } from "../load-model.js";
import { expectClose, readFixture } from "../../test/helpers/fixtures.js";
import { firstRows, matrices, paramsOf, weightsFor, type SklearnLogisticParams } from "../../test/helpers/logistic-matrices.js";
import { LogisticRegression } from "./logistic-regression.js";

interface LogisticCase {
  matrix: string;
  params: SklearnLogisticParams;
  weighted: boolean;
  classes: Label[];
  coef: number[][];
  intercept: number[];
  nIter: number;
  converged: boolean;
  decision: number[] | number[][];
  proba: number[][];
  predictCodes: number[];
}

interface EdgeCase {
  X: number[][];
  y: string[];
  params: SklearnLogisticParams;
  coef: number[][];
  intercept: number[];
  nIter: number;
  converged: boolean;
  proba: number[][];
}

const fixture = readFixture<{ probaRows: number; cases: Record<string, LogisticCase>; edgeCases: Record<string, EdgeCase> }>("models/logistic/cases.json");

describe("LogisticRegression parity with scikit-learn (lbfgs)", () => {
  it.each(Object.entries(fixture.cases))("%s", (_name, c) => {
    const { X, y } = matrices[c.matrix];
    const warnings: string[] = [];
    const model = new LogisticRegression(paramsOf(c.params)).fit(X, y, {
      sampleWeight: c.weighted ? weightsFor(X.rows) : undefined,
      onWarning: (message) => warnings.push(message),
    });
    expect(model.classes).toEqual(c.classes);
    // Fitted to tol 1e-8, the last steps are decided by ulp-level differences of the gradient
    // (BLAS summation order), so the iteration count may differ a little; elsewhere it is exact.
    if (c.params.tol === undefined) expect(model.nIter).toBe(c.nIter);
    else expect(Math.abs(model.nIter - c.nIter)).toBeLessThanOrEqual(0.1 * c.nIter);
    expect(warnings.length === 0).toBe(c.converged);
    expectClose(model.coef.data, c.coef.flat(), 1e-4, "coef");
    expectClose(model.intercept, c.intercept, 1e-4, "intercept");
    const head = firstRows(X, fixture.probaRows);
    expectClose(model.predictProba(head).data, c.proba.flat(), 1e-6, "predictProba");
    const decision = model.decisionFunction(head);
    expectClose(decision instanceof Matrix ? decision.data : decision, c.decision.flat(), 1e-4, "decisionFunction");
    const predicted = model.predict(X);
    const expected = c.predictCodes.map((k) => c.classes[k]);
    const mismatches = predicted.filter((label, i) => label !== expected[i]).length;
    expect(mismatches).toBe(0);
  });
});

describe("LogisticRegression parity on extreme inputs", () => {
  // Where scikit-learn's lbfgs cannot take a single step it warns and keeps the all-zero start
  // (probabilities 0.5 everywhere); tabkit refuses such a fit, naming the column to scale.
  const stuck = Object.entries(fixture.edgeCases).filter(([, c]) => c.nIter === 0 && !c.converged);
  const fitted = Object.entries(fixture.edgeCases).filter(([, c]) => !(c.nIter === 0 && !c.converged));

  it("the fixture has stuck cases (huge and large features)", () => {
    expect(stuck.map(([name]) => name).sort()).toEqual(["huge_features", "large_features"]);
  });

  it.each(stuck)("%s is a DataError asking to scale the column", (_name, c) => {
    expect(() => new LogisticRegression(paramsOf(c.params)).fit(c.X, c.y)).toThrow(
      expect.objectContaining({ code: "DATA_ERROR", column: "x0", message: expect.stringMatching(/^LogisticRegression\.fit: lbfgs could not take a single step.*column "x0" holds values up to .*scale the features/) }),
    );
  });

  it.each(fitted)("%s", (_name, c) => {
    const warnings: string[] = [];
    const model = new LogisticRegression(paramsOf(c.params)).fit(c.X, c.y, { onWarning: (m) => warnings.push(m) });
    expect(model.nIter).toBe(c.nIter);
    expect(warnings.length === 0).toBe(c.converged);
    expectClose(model.coef.data, c.coef.flat(), 1e-8, "coef");
    expectClose(model.intercept, c.intercept, 1e-8, "intercept");
    expectClose(model.predictProba(c.X).data, c.proba.flat(), 1e-8, "predictProba");
  });
});

describe("LogisticRegression", () => {
  const X = [
    [0, 1],
    [1, 0],
    [2, 2],
    [3, 1],
    [4, 3],
    [5, 2],
  ];
  const y = ["a", "a", "b", "a", "b", "b"];

  it("has scikit-learn's defaults", () => {
    expect(new LogisticRegression().params).toEqual({ C: 1, fitIntercept: true, classWeight: null, maxIter: 100, tol: 1e-4, solver: "lbfgs" });
  });

  it("rejects bad params", () => {
    for (const bad of [{ C: 0 }, { C: NaN }, { maxIter: -1 }, { tol: -1 }, { classWeight: "auto" }, { solver: "saga" }]) {
      expect(() => new LogisticRegression(bad as never)).toThrow(expect.objectContaining({ code: "VALIDATION_ERROR" }));
    }
  });

  it("warns through onWarning, and only there, when it stops at maxIter", () => {
    const warnings: string[] = [];
    const { X: tx, y: ty } = matrices.telco;
    const model = new LogisticRegression({ maxIter: 2 }).fit(tx, ty, { onWarning: (m) => warnings.push(m) });
    expect(model.nIter).toBe(2);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/^LogisticRegression\.fit: lbfgs failed to converge after 2 iteration/);
    expect(() => new LogisticRegression({ maxIter: 2 }).fit(tx, ty)).not.toThrow();
  });

  it("fits with maxIter 0 like scikit-learn (one step, nIter 0)", () => {
    const model = new LogisticRegression({ maxIter: 0 }).fit(X, y);
    expect(model.nIter).toBe(0);
  });

  it("class weights equal the matching sample weights", () => {
    const byClass = new LogisticRegression({ classWeight: { a: 1, b: 3 } }).fit(X, y);
    const bySample = new LogisticRegression().fit(X, y, { sampleWeight: y.map((label) => (label === "b" ? 3 : 1)) });
    expectClose(byClass.coef.data, bySample.coef.data, 1e-12, "coef");
  });

  it("accepts C = Infinity (no penalty) and saves it", () => {
    const model = new LogisticRegression({ C: Infinity }).fit(X, y);
    const loaded = loadModel<LogisticRegression>(JSON.stringify(model.toJSON()));
    expect(loaded.params.C).toBe(Infinity);
    expect(loaded.predictProba(X).data).toEqual(model.predictProba(X).data);
  });

  it("keeps Frame feature names and checks them at predict", () => {
    const frame = Frame.fromColumns({ u: X.map((r) => r[0]), v: X.map((r) => r[1]) });
    const model = new LogisticRegression().fit(frame, y);
    expect(model.featureNamesIn).toEqual(["u", "v"]);
    const renamed = Frame.fromColumns({ u: X.map((r) => r[0]), w: X.map((r) => r[1]) });
    expect(() => model.predict(renamed)).toThrow(/LogisticRegression\.predict: column\(s\) "v" seen at fit are missing/);
    expect(() => model.predict(X)).toThrow(/^LogisticRegression\.predict: the input has no column names, but this estimator was fitted on named columns \("u", "v"\)/);
  });

  const dataErrors: [string, () => unknown, RegExp][] = [
    ["a single class", () => new LogisticRegression().fit(X, ["a", "a", "a", "a", "a", "a"]), /single class \("a"\)/],
    ["y longer than X", () => new LogisticRegression().fit(X, [...y, "a"]), /y has 7 values but X has 6 rows/],
    ["NaN labels", () => new LogisticRegression().fit(X, [0, 1, NaN, 1, 0, 1]), /missing value.*row 2/],
    ["infinite values", () => new LogisticRegression().fit([[0, 1], [1, Infinity], [2, 2], [3, 1]], ["a", "b", "a", "b"]), /value Infinity is not allowed.*column "x1".*row 1/],
    ["NaN in X", () => new LogisticRegression().fit([[0, NaN], [1, 0], [2, 2], [3, 1]], ["a", "b", "a", "b"]), /impute missing values/],
    ["a class weight for an unknown class", () => new LogisticRegression({ classWeight: { a: 1, c: 2 } }).fit(X, y), /classWeight names class "c", which is not in y/],
    ["all-zero sample weights", () => new LogisticRegression().fit(X, y, { sampleWeight: [0, 0, 0, 0, 0, 0] }), /sum to 0/],
    ["negative sample weights", () => new LogisticRegression().fit(X, y, { sampleWeight: [1, 1, -1, 1, 1, 1] }), /sampleWeight value -1 \(row 2\)/],
    ["sample weights whose sum overflows", () => new LogisticRegression().fit(X, y, { sampleWeight: [1e308, 1e308, 1, 1, 1, 1] }), /sum past float64's range/],
    ["a different column count at predict", () => new LogisticRegression().fit(X, y).predict([[1, 2, 3]]), /X has 3 features, but this estimator was fitted with 2/],
  ];
  it.each(dataErrors)("refuses %s with a DataError naming the site", (_what, action, message) => {
    let error: unknown;
    try {
      action();
    } catch (e) {
      error = e;
    }
    expect(isTabkitError(error, "DATA_ERROR"), String(error)).toBe(true);
    expect((error as Error).message).toMatch(/^LogisticRegression\.(fit|predict)/);
    expect((error as Error).message).toMatch(message);
  });

  it("refuses a fit that cannot leave its all-zero start, naming the column to scale", () => {
    for (const huge of [1e300, 1e39]) {
      const Xh = [[0, 1], [1, 0], [2, huge], [3, 0], [4, 1], [5, 0], [6, 1], [7, 0]];
      expect(() => new LogisticRegression().fit(Xh, [0, 0, 0, 0, 1, 1, 1, 1])).toThrow(
        expect.objectContaining({ code: "DATA_ERROR", column: "x1", row: 2, message: expect.stringMatching(/holds values up to 1e\+(300|39) in magnitude: scale the features/) }),
      );
    }
  });

  it("refuses rows whose decision value overflows instead of returning NaN", () => {
    const model = new LogisticRegression({ C: 100 }).fit([[0, 0], [1, 1], [2, 2], [3, 3], [0, 3], [1, 4], [2, 5], [3, 6]], [0, 0, 0, 0, 1, 1, 1, 1]);
    const huge = [[1, 1], [1e308, 1e308]];
    for (const method of ["predictProba", "decisionFunction", "predict"] as const) {
      expect(() => model[method](huge)).toThrow(expect.objectContaining({ code: "DATA_ERROR", row: 1, message: expect.stringMatching(new RegExp(`^LogisticRegression\\.${method}: the decision value is NaN.*overflow.*\\(row 1\\)`)) }));
    }
    expect(model.predict([[1, 1], [1, 4]])).toEqual([0, 1]);
  });

  it("leaves the previous fit intact when a fit fails", () => {
    const model = new LogisticRegression().fit(X, y);
    const before = model.coef.data;
    expect(() => model.fit(X, ["a", "a", "a", "a", "a", "a"])).toThrow();
    expect(model.coef.data).toEqual(before);
  });

  it("scores mean accuracy, optionally weighted", () => {
    const model = new LogisticRegression().fit(X, y);
    const predicted = model.predict(X);
    const correct = predicted.map((label, i) => (label === y[i] ? 1 : 0));
    expect(model.score(X, y)).toBe(correct.reduce((a: number, b) => a + b, 0) / y.length);
    const weights = [1, 2, 3, 4, 5, 6];
    expect(model.score(X, y, { sampleWeight: weights })).toBeCloseTo(correct.reduce((a: number, c, i) => a + c * weights[i], 0) / 21, 15);
  });

  it("numeric labels come back as numbers, sorted numerically", () => {
    const model = new LogisticRegression().fit(X, [10, 10, 9, 10, 2, 9]);
    expect(model.classes).toEqual([2, 9, 10]);
    expect(model.predict(X).every((label) => typeof label === "number")).toBe(true);
    expect(model.coef.rows).toBe(3);
  });

  it("refuses a stored state whose coefficients do not fit the classes", () => {
    const json = new LogisticRegression().fit(X, y).toJSON();
    const state = { ...json.state!, intercept: { $f64: "AAAAAAAAAAAAAAAAAAAAAA==" } };
    const document = JSON.parse(JSON.stringify({ ...json, state }));
    expect(() => loadModel(document)).toThrow(expect.objectContaining({ code: "SERIALIZATION_ERROR" }));
  });
});
