import { FlatForestBuilder, type FlatForest } from "./flat-forest.js";
import { meanFeatureImportances } from "./forest-summary.js";
import type { ForestPlan } from "./forest-plan.js";
import { treeFeatureImportances } from "./tree-predict.js";
import type { TreeStructure } from "./tree-structure.js";

/** A grown forest with what prediction and `featureImportances` need. */
export interface AssembledForest {
  readonly trees: TreeStructure[];
  readonly flat: FlatForest;
  readonly featureImportances: Float64Array;
}

/**
 * Collects a forest's trees as batches arrive, in any order, and does each tree's own share of
 * the finishing work on arrival (its prediction records, its importances): with trees growing
 * on workers, that work overlaps theirs instead of following the last batch.
 */
export class ForestAssembly {
  private readonly trees: TreeStructure[];
  /** per tree: its normalised importances, or null for a tree that never split */
  private readonly importances: (Float64Array | null)[];
  private readonly flat: FlatForestBuilder;
  private readonly nFeatures: number;

  constructor(plan: ForestPlan) {
    const nTrees = plan.seeds.length;
    this.trees = new Array<TreeStructure>(nTrees);
    this.importances = new Array<Float64Array | null>(nTrees).fill(null);
    this.flat = new FlatForestBuilder(nTrees, plan.target.kind === "classification" ? plan.target.nClasses : 1);
    this.nFeatures = plan.data.cols;
  }

  /** Takes trees `from`, `from + 1`... */
  add(from: number, trees: readonly TreeStructure[]): void {
    this.flat.addBatch(from, trees);
    trees.forEach((tree, i) => {
      this.trees[from + i] = tree;
      if (tree.nodeCount > 1) this.importances[from + i] = treeFeatureImportances(tree, this.nFeatures);
    });
  }

  finish(): AssembledForest {
    return { trees: this.trees, flat: this.flat.build(), featureImportances: meanFeatureImportances(this.importances, this.nFeatures) };
  }
}
