import { pairwiseSum } from "../../core/pairwise-sum.js";
import type { StateReader } from "../../core/state-codec.js";
import { bootstrapCounts, type ForestPlan } from "./forest-plan.js";
import { addTreeValues, toFloat32Rows } from "./tree-predict.js";
import type { TreeStructure } from "./tree-structure.js";

/**
 * A forest's `feature_importances_` from its trees' normalised importances (null for a tree that
 * never split): their mean over the trees that split, summed in tree order, renormalised; all
 * zeros if none split.
 */
export function meanFeatureImportances(perTree: readonly (Float64Array | null)[], nFeatures: number): Float64Array {
  const mean = new Float64Array(nFeatures);
  let used = 0;
  for (const imp of perTree) {
    if (imp === null) continue;
    for (let f = 0; f < nFeatures; f++) mean[f] += imp[f];
    used++;
  }
  if (used === 0) return mean;
  for (let f = 0; f < nFeatures; f++) mean[f] /= used;
  const total = pairwiseSum(mean);
  for (let f = 0; f < nFeatures; f++) mean[f] /= total;
  return mean;
}

/**
 * Out-of-bag predictions: each row averages the trees whose bootstrap sample missed it (rows
 * never out of bag keep zeros, divided by 1, as scikit-learn does). `x` is the training matrix.
 */
export function outOfBag(plan: ForestPlan, trees: readonly TreeStructure[], x: Float64Array, rows: number, cols: number, valueStride: number): { values: Float64Array; missing: number } {
  const values = new Float64Array(rows * valueStride);
  const seen = new Float64Array(rows);
  const row = new Float64Array(valueStride);
  const x32 = toFloat32Rows(x);
  trees.forEach((tree, t) => {
    const counts = bootstrapCounts(plan, t);
    for (let i = 0; i < rows; i++) {
      if (counts[i] !== 0) continue;
      row.fill(0);
      addTreeValues(tree, x32.subarray(i * cols, (i + 1) * cols), 1, cols, row);
      for (let k = 0; k < valueStride; k++) values[i * valueStride + k] += row[k];
      seen[i]++;
    }
  });
  let missing = 0;
  for (let i = 0; i < rows; i++) {
    if (seen[i] === 0) missing++;
    const d = seen[i] === 0 ? 1 : seen[i];
    for (let k = 0; k < valueStride; k++) values[i * valueStride + k] /= d;
  }
  return { values, missing };
}

/** A stored forest has out-of-bag results exactly when its params ask for them. */
export function checkOobBlock(reader: StateReader, oobScore: boolean): void {
  if ((reader.raw("oob") !== null) !== oobScore) reader.fail("oob", oobScore ? "must hold the out-of-bag results, as params.oobScore is true" : "must be null, as params.oobScore is false");
}
