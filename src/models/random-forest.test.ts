import { describe, expect, it } from "vitest";
import { loadModel } from "../load-model.js";
import { expectClose, readFixture } from "../../test/helpers/fixtures.js";
import { f32zMatrix, f64Matrix, treeDifference, treeDigest, type FullTree } from "../../test/helpers/trees.js";
import { DecisionTreeRegressor } from "./decision-tree-regressor.js";
import { RandomForestClassifier } from "./random-forest-classifier.js";
import { RandomForestRegressor } from "./random-forest-regressor.js";

interface ForestCase {
  name: string;
  kind: "RandomForestClassifier" | "RandomForestRegressor";
  params: Record<string, unknown>;
  X: Float64Array;
  y: (string | number)[];
  sampleWeight: Float64Array | null;
  XTest: Float64Array;
  trees: FullTree[];
  digests: string[];
  featureImportances: Float64Array;
  classes?: (string | number)[];
  proba?: Float64Array;
  predict?: Float64Array;
  oobScore?: number;
  oobDecision?: Float64Array;
  oobPrediction?: Float64Array;
}

const FOREST_KEYS = ["nEstimators", "criterion", "maxDepth", "minSamplesSplit", "minSamplesLeaf", "minWeightFractionLeaf", "maxFeatures", "maxLeafNodes", "minImpurityDecrease", "bootstrap", "oobScore", "randomState", "classWeight", "ccpAlpha", "maxSamples"];

function forestParams(params: Record<string, unknown>, regressor: boolean): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of FOREST_KEYS) if (key in params) out[key] = params[key];
  // scikit-learn's regressor default max_features=1.0 means every feature: null here
  if (regressor && out.maxFeatures === 1) out.maxFeatures = null;
  return out;
}

function checkTrees(trees: { nodeCount: number }[] & Parameters<typeof treeDigest>[0][], full: FullTree[], digests: string[]): void {
  expect(trees.length).toBe(digests.length);
  full.forEach((t, i) => expect(treeDifference(trees[i], t), `tree ${i}`).toBeUndefined());
  const mismatched = digests.map((d, i) => (treeDigest(trees[i]) === d ? -1 : i)).filter((i) => i >= 0);
  expect(mismatched, "trees whose arrays differ from scikit-learn's").toEqual([]);
}

describe("random forests match scikit-learn 1.9.1 tree for tree", () => {
  const { cases } = readFixture<{ cases: ForestCase[] }>("models/trees/small-forests.json");
  it.each(cases.map((c) => [c.name, c] as const))("%s", (_name, c) => {
    const cols = c.featureImportances.length;
    const X = f64Matrix(c.X, cols);
    const XTest = f64Matrix(c.XTest, cols);
    const options = c.sampleWeight === null ? {} : { sampleWeight: c.sampleWeight };
    if (c.kind === "RandomForestClassifier") {
      const model = new RandomForestClassifier(forestParams(c.params, false)).fit(X, c.y, options);
      checkTrees(model.estimators, c.trees, c.digests);
      expect(model.classes).toEqual(c.classes);
      expect(model.predictProba(XTest).data).toEqual(c.proba);
      // entropy impurities use Math.log, which may differ from glibc's log in the last ulp
      if (c.params.criterion === "gini") expect(model.featureImportances).toEqual(c.featureImportances);
      else expectClose(model.featureImportances, c.featureImportances, 1e-12, "featureImportances");
      if (c.oobScore !== undefined) {
        expect(model.oobScore).toBe(c.oobScore);
        expect(model.oobDecisionFunction.data).toEqual(c.oobDecision);
      }
      const loaded = loadModel(JSON.parse(JSON.stringify(model.toJSON()))) as RandomForestClassifier;
      expect(loaded.predictProba(XTest).data).toEqual(model.predictProba(XTest).data);
    } else {
      const model = new RandomForestRegressor(forestParams(c.params, true)).fit(X, c.y as number[], options);
      checkTrees(model.estimators, c.trees, c.digests);
      expect(model.predict(XTest)).toEqual(c.predict);
      expect(model.featureImportances).toEqual(c.featureImportances);
      if (c.oobScore !== undefined) {
        expect(model.oobPrediction).toEqual(c.oobPrediction);
        // r2Score sums in its own order: within an ulp of scikit-learn's
        expectClose([model.oobScore], [c.oobScore], 1e-12, "oobScore");
      }
      const loaded = loadModel(JSON.parse(JSON.stringify(model.toJSON()))) as RandomForestRegressor;
      expect(loaded.predict(XTest)).toEqual(model.predict(XTest));
    }
  });

  it("bank churn: the seed's 50-tree forest on the 8108 x 91 SMOTE matrix", () => {
    const f = readFixture<{ XTrain: never; XTest: never; yTrain: number[]; params: Record<string, unknown>; trees: FullTree[]; digests: string[]; proba: Float64Array; featureImportances: Float64Array }>("models/trees/bank-churn-forest.json");
    const model = new RandomForestClassifier(forestParams(f.params, false)).fit(f32zMatrix(f.XTrain), f.yTrain);
    checkTrees(model.estimators, f.trees, f.digests);
    expect(model.predictProba(f32zMatrix(f.XTest)).data).toEqual(f.proba);
    expect(model.featureImportances).toEqual(f.featureImportances);
  });

  it("telco: a default forest (20 trees) on the one-hot matrix with missing total_charges", () => {
    const f = readFixture<{ XTrain: never; XTest: never; yTrain: number[]; params: Record<string, unknown>; trees: FullTree[]; digests: string[]; proba: Float64Array; featureImportances: Float64Array }>("models/trees/telco-forest.json");
    const model = new RandomForestClassifier(forestParams(f.params, false)).fit(f32zMatrix(f.XTrain), f.yTrain);
    checkTrees(model.estimators, f.trees, f.digests);
    expect(model.predictProba(f32zMatrix(f.XTest)).data).toEqual(f.proba);
    expect(model.featureImportances).toEqual(f.featureImportances);
  });

  it("house prices: a regression tree (maxDepth 10) and a 10-tree forest", () => {
    const f = readFixture<{ XTrain: Float64Array; yTrain: Float64Array; XTest: Float64Array; tree: FullTree; treePredict: Float64Array; forestDigests: string[]; forestPredict: Float64Array; forestImportances: Float64Array }>("models/trees/house-prices.json");
    const cols = f.forestImportances.length;
    const X = f64Matrix(f.XTrain, cols);
    const XTest = f64Matrix(f.XTest, cols);
    const tree = new DecisionTreeRegressor({ maxDepth: 10, randomState: 42 }).fit(X, f.yTrain);
    expect(treeDifference(tree.tree, f.tree)).toBeUndefined();
    expect(tree.predict(XTest)).toEqual(f.treePredict);
    const forest = new RandomForestRegressor({ nEstimators: 10, maxDepth: 10, randomState: 42 }).fit(X, f.yTrain);
    checkTrees(forest.estimators, [], f.forestDigests);
    expect(forest.predict(XTest)).toEqual(f.forestPredict);
    expect(forest.featureImportances).toEqual(f.forestImportances);
  });
});
