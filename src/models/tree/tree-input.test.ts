import { describe, expect, it } from "vitest";
import { DataError, ValidationError } from "../../core/errors.js";
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
    expect(() => tree.fit(X, y, { sampleWeight: [0, 0, 0, 0, 0, 0] })).toThrow(/positive weight/);
  });

  it("a failed fit keeps the previous model", () => {
    const tree = new DecisionTreeClassifier({ randomState: 0 }).fit(X, y);
    const before = tree.predictProba(X).data;
    expect(() => tree.fit(X, ["a", "a", "a", "a", "a", "a"])).toThrow(DataError);
    expect(tree.predictProba(X).data).toEqual(before);
  });
});
