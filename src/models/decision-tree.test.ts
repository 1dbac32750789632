import { describe, expect, it } from "vitest";
import { loadModel } from "../load-model.js";
import { readFixture } from "../../test/helpers/fixtures.js";
import { f64Matrix, treeDifference, type FullTree } from "../../test/helpers/trees.js";
import { DecisionTreeClassifier } from "./decision-tree-classifier.js";
import { DecisionTreeRegressor } from "./decision-tree-regressor.js";

interface TreeCase {
  name: string;
  kind: "DecisionTreeClassifier" | "DecisionTreeRegressor";
  params: Record<string, unknown>;
  X: Float64Array;
  y: (string | number)[];
  sampleWeight: Float64Array | null;
  XTest: Float64Array;
  tree: FullTree;
  featureImportances: Float64Array;
  depth: number;
  nLeaves: number;
  apply: number[];
  classes?: (string | number)[];
  proba?: Float64Array;
  predict?: Float64Array;
}

const { cases } = readFixture<{ cases: TreeCase[] }>("models/trees/small-trees.json");
const cols = (c: TreeCase) => c.featureImportances.length;

function build(c: TreeCase) {
  const { maxDepth, minSamplesSplit, minSamplesLeaf, minWeightFractionLeaf, maxFeatures, maxLeafNodes, minImpurityDecrease, ccpAlpha, randomState, criterion, classWeight } = c.params as never;
  const common = { maxDepth, minSamplesSplit, minSamplesLeaf, minWeightFractionLeaf, maxFeatures, maxLeafNodes, minImpurityDecrease, ccpAlpha, randomState, criterion };
  return c.kind === "DecisionTreeClassifier" ? new DecisionTreeClassifier({ ...common, classWeight }) : new DecisionTreeRegressor(common);
}

describe("decision trees match scikit-learn 1.9.1 node for node", () => {
  it.each(cases.map((c) => [c.name, c] as const))("%s", (_name, c) => {
    const model = build(c);
    const X = f64Matrix(c.X, cols(c));
    const XTest = f64Matrix(c.XTest, cols(c));
    const options = c.sampleWeight === null ? {} : { sampleWeight: c.sampleWeight };
    if (model instanceof DecisionTreeClassifier) model.fit(X, c.y, options);
    else model.fit(X, c.y as number[], options);
    expect(treeDifference(model.tree, c.tree)).toBeUndefined();
    expect(model.getDepth()).toBe(c.depth);
    expect(model.getNLeaves()).toBe(c.nLeaves);
    expect(Array.from(model.apply(XTest))).toEqual(c.apply);
    expect(Array.from(model.featureImportances)).toEqual(Array.from(c.featureImportances));
    if (model instanceof DecisionTreeClassifier) {
      expect(model.classes).toEqual(c.classes);
      expect(Array.from(model.predictProba(XTest).data)).toEqual(Array.from(c.proba!));
    } else {
      expect(Array.from(model.predict(XTest))).toEqual(Array.from(c.predict!));
    }
    const loaded = loadModel(JSON.parse(JSON.stringify(model.toJSON())));
    if (loaded instanceof DecisionTreeClassifier) expect(loaded.predictProba(XTest).data).toEqual((model as DecisionTreeClassifier).predictProba(XTest).data);
    else expect((loaded as DecisionTreeRegressor).predict(XTest)).toEqual((model as DecisionTreeRegressor).predict(XTest));
  });
});

describe("DecisionTreeRegressor.predict", () => {
  it("returns a leaf's -0 unchanged, as scikit-learn 1.9.1 (absolute-error median of -0 targets)", () => {
    const X = f64Matrix(Float64Array.from([0, 1, 2, 3, 4, 5]), 1);
    const model = new DecisionTreeRegressor({ criterion: "absolute_error", randomState: 0 }).fit(X, [-0, -0, -0, 5, 5, 5]);
    expect(Array.from(model.tree.value)).toEqual([2.5, -0, 5]);
    expect(Array.from(model.predict(X))).toEqual([-0, -0, -0, 5, 5, 5]);
  });
});
