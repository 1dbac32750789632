import { describe, expect, it } from "vitest";
import { edited } from "../../../test/helpers/edited-model.js";
import type { JsonObject } from "../../core/json.js";
import { encodeFloat64Array, encodeUint8Array } from "../../core/state-codec.js";
import { loadModel } from "../../load-model.js";
import { DecisionTreeClassifier } from "../decision-tree-classifier.js";
import { RandomForestClassifier } from "../random-forest-classifier.js";
import { RandomForestRegressor } from "../random-forest-regressor.js";
import { encodeCompactTree, encodeTree } from "./tree-codec.js";
import { TREE_LEAF, type TreeStructure } from "./tree-structure.js";

const X = [[0, 1], [1, 0], [2, 1], [3, 0], [4, 1], [5, 0], [6, 1], [7, 0]];
const y = [0, 0, 0, 0, 1, 1, 1, 1];

const refused = (message: RegExp) => expect.objectContaining({ code: "SERIALIZATION_ERROR", message: expect.stringMatching(message) });

/** A copy of `tree` whose every leaf's values are replaced by `values`. */
function withLeafValues(tree: TreeStructure, values: number[]): TreeStructure {
  const value = tree.value.slice();
  for (let node = 0; node < tree.nodeCount; node++) if (tree.left[node] === TREE_LEAF) value.set(values, node * tree.valueStride);
  return { ...tree, value };
}

describe("the tree loader refuses what a fitted tree cannot hold", () => {
  const tree = new DecisionTreeClassifier({ randomState: 0 }).fit(X, y);
  const json = tree.toJSON();
  const withTree = (t: TreeStructure) => edited(json, (state) => ({ ...state, tree: encodeTree(t) }));

  it("accepts the document as saved", () => {
    expect(() => loadModel(JSON.parse(JSON.stringify(json)))).not.toThrow();
  });

  it("a schema with a text column: trees fit numeric columns only", () => {
    const schema = json.state!.schema as JsonObject;
    expect(() => loadModel(edited(json, (state) => ({ ...state, schema: { ...schema, kinds: ["numeric", "categorical"] } })))).toThrow(refused(/kinds\[1\].*numeric/));
  });

  it("classifier leaves: fractions within [0, 1] that sum to 1", () => {
    expect(() => loadModel(withTree(withLeafValues(tree.tree, [6, -5])))).toThrow(refused(/DecisionTreeClassifier\.state\.tree\.value of leaf \d+ holds 6; class fractions must be within \[0, 1\]/));
    expect(() => loadModel(withTree(withLeafValues(tree.tree, [0, 0])))).toThrow(refused(/tree\.value of leaf \d+ holds class fractions that sum to 0, not 1/));
  });

  it("the stored depth is the tree's real depth", () => {
    expect(() => loadModel(withTree({ ...tree.tree, maxDepth: 0 }))).toThrow(refused(/tree\.maxDepth is 0 but the tree's deepest leaf is at depth 1/));
  });

  it("node weights are not negative; messages give the real ranges", () => {
    const negative = { ...tree.tree, weightedNNodeSamples: tree.tree.weightedNNodeSamples.map((w) => -w) };
    expect(() => loadModel(withTree(negative))).toThrow(refused(/weightedNNodeSamples\[0\] must be within \[0, inf\]/));
    const missing = edited(json, (state) => ({ ...state, tree: { ...(state.tree as JsonObject), missingLeft: encodeUint8Array(new Uint8Array(tree.tree.nodeCount).fill(7)) } }));
    expect(() => loadModel(missing)).toThrow(refused(/missingLeft\[0\] must be within \[0, 1\]/));
  });

  it("classes: a bad entry is named, as a string among strings", () => {
    const labelled = new DecisionTreeClassifier({ randomState: 0 }).fit(X, y.map((k) => "ab"[k])).toJSON();
    expect(() => loadModel(edited(labelled, (state) => ({ ...state, classes: ["a", null] })))).toThrow(refused(/state\.classes\[1\] must be a string/));
  });
});

describe("the forest loader refuses what a fitted forest cannot hold", () => {
  const forest = new RandomForestClassifier({ nEstimators: 3, randomState: 0 }).fit(X, y);
  const json = forest.toJSON();
  const withTrees = (change: (t: TreeStructure) => TreeStructure) => edited(json, (state) => ({ ...state, trees: forest.estimators.map((t) => encodeCompactTree(change(t), 2)) }));

  it("classifier leaves hold probabilities", () => {
    expect(() => loadModel(withTrees((t) => withLeafValues(t, [-3, 4])))).toThrow(refused(/RandomForestClassifier\.state\.trees\[0\]\.value of leaf \d+ holds -3/));
  });

  it("thresholds within float32's range, depths as stored", () => {
    const far = (t: TreeStructure) => ({ ...t, threshold: t.threshold.map((v, node) => (t.left[node] === TREE_LEAF ? v : 1e39)) });
    expect(() => loadModel(withTrees(far))).toThrow(refused(/trees\[0\]\.threshold\[0\] must be within float32's range/));
    expect(() => loadModel(withTrees((t) => ({ ...t, maxDepth: t.maxDepth - 1 })))).toThrow(refused(/trees\[0\]\.maxDepth is \d+ but the tree's deepest leaf is at depth \d+/));
    const wide = edited(json, (state) => ({ ...state, trees: forest.estimators.map((t) => ({ ...encodeCompactTree(t, 2), feature: encodeUint8Array(new Uint8Array(t.nodeCount).fill(255).subarray(0, (t.nodeCount - 1) / 2)) })) }));
    expect(() => loadModel(wide)).toThrow(refused(/trees\[0\]\.feature\[0\] must be within \[0, 1\]/));
  });

  it("feature importances are not negative", () => {
    expect(() => loadModel(edited(json, (state) => ({ ...state, featureImportances: encodeFloat64Array(Float64Array.of(1.5, -0.5)) })))).toThrow(refused(/featureImportances\[0\] must be within \[0, 1\]/));
  });

  it("out-of-bag results exactly when params.oobScore asks for them", () => {
    const oob = new RandomForestClassifier({ nEstimators: 3, randomState: 0, oobScore: true }).fit(X, y).toJSON();
    expect(() => loadModel(edited(oob, (state) => state, { oobScore: false }))).toThrow(refused(/state\.oob must be null, as params\.oobScore is false/));
    expect(() => loadModel(edited(json, (state) => state, { oobScore: true }))).toThrow(refused(/state\.oob must hold the out-of-bag results/));
  });

  it("regressor leaves whose mean over the trees would overflow", () => {
    const regressor = new RandomForestRegressor({ nEstimators: 2, randomState: 0 }).fit(X, y);
    const huge = edited(regressor.toJSON(), (state) => ({ ...state, trees: regressor.estimators.map((t) => encodeCompactTree(withLeafValues(t, [1.7e308]), 2)) }));
    expect(() => loadModel(huge)).toThrow(refused(/RandomForestRegressor\.state\.trees\[0\]\.value of leaf \d+ is 1\.7e\+308; it must be at most 8\.98\d*e\+307 in magnitude/));
  });
});
