import { describe, expect, it } from "vitest";
import { Matrix } from "../../core/matrix.js";
import { RandomState } from "../../core/random-state.js";
import { exactSums, GROWTH_SCHEMA, growTree, type TreeGrowthParams } from "./grow-tree.js";
import { rankFeatures } from "./feature-ranks.js";
import { toTreeData } from "./tree-data.js";

const defaults = Object.fromEntries(Object.entries(GROWTH_SCHEMA).map(([k, spec]) => [k, typeof spec.default === "function" ? null : spec.default])) as unknown as TreeGrowthParams;

describe("rank-based split search (integer weights) grows the same trees as the sorted port", () => {
  // the larger sets have nodes with 64 times fewer rows than a feature has values, which sort their rows
  it.each([0, 1, 2, 3, 4, 5, 6, 7])("random data set %i", (seed) => {
    const rs = new RandomState(seed);
    const rows = seed < 6 ? 150 + seed * 40 : 3000;
    const cols = 6;
    const data = new Float64Array(rows * cols);
    for (let k = 0; k < data.length; k++) {
      const j = k % cols;
      const u = rs.nextDouble();
      // ties (few levels), near-equal values, wide ranges and NaN
      data[k] = j === 0 ? Math.floor(u * 4) : j === 1 ? 1 + Math.floor(u * 50) * 1e-8 : j === 2 && u < 0.1 ? NaN : (u - 0.5) * 10 ** (j - 2);
    }
    const codes = new Int32Array(rows);
    for (let i = 0; i < rows; i++) codes[i] = rs.bounded(1 + (seed % 2));
    const counts = new Float64Array(rows);
    for (let i = 0; i < rows; i++) counts[i] = rs.bounded(3);
    const treeData = toTreeData(new Matrix(data, rows, cols), { estimator: "test", method: "fit" });
    const ranks = rankFeatures(treeData);
    // large weights leave no room to pack a rank's count and class weights into one double
    for (const [criterion, weightScale] of [["gini", 1], ["entropy", 1], ["gini", 100_000]] as const) {
      const weights = counts.map((c) => c * weightScale);
      expect(exactSums(weights, 2 + (seed % 2))).toBe(true);
      const params = { ...defaults, minSamplesLeaf: 1 + (seed % 3), maxLeafNodes: seed === 5 ? 12 : null };
      const target = { kind: "classification" as const, codes, nClasses: 2 + (seed % 2), criterion };
      const fast = growTree(treeData, target, weights, params, 3, 1234 + seed, ranks);
      const exact = growTree(treeData, target, weights, params, 3, 1234 + seed, null);
      for (const key of ["left", "right", "feature", "threshold", "missingLeft", "impurity", "nNodeSamples", "weightedNNodeSamples", "value"] as const) {
        expect(Array.from(fast[key]), `${criterion} x${weightScale} ${key}`).toEqual(Array.from(exact[key]));
      }
      expect(fast.maxDepth).toBe(exact.maxDepth);
    }
  });
});
