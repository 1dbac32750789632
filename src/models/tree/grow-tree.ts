import { DataError, type ErrorSite } from "../../core/errors.js";
import { anyOf, integer, nullable, number, oneOf, param, seed, type ParamCheck } from "../../core/params.js";
import { pairwiseSum } from "../../core/pairwise-sum.js";
import { BestSplitter } from "./best-splitter.js";
import { buildTree } from "./build-tree.js";
import { AbsoluteErrorCriterion, ClassificationCriterion, SquaredErrorCriterion, type Criterion } from "./criterion.js";
import { pruneTree } from "./prune-tree.js";
import type { FeatureRanks } from "./feature-ranks.js";
import type { TreeData } from "./tree-data.js";
import type { TreeStructure } from "./tree-structure.js";

export type ClassificationCriterionName = "gini" | "entropy" | "log_loss";
/** "friedman_mse" is scikit-learn 1.9's deprecated alias of "squared_error". */
export type RegressionCriterionName = "squared_error" | "friedman_mse" | "absolute_error";
/** `maxFeatures`: a count (integer >= 1), a fraction in (0, 1), "sqrt", "log2", or null for all. */
export type MaxFeatures = "sqrt" | "log2" | number | null;

/** The growth params shared by trees and forests (scikit-learn's names in camelCase). */
export interface TreeGrowthParams {
  /** Deepest level (root = 0); null grows until the leaves are pure or small. */
  maxDepth: number | null;
  /** Fewest rows a node needs to be split: a count >= 2, or a fraction of rows in (0, 1). */
  minSamplesSplit: number;
  /** Fewest rows per leaf: a count >= 1, or a fraction of rows in (0, 1). */
  minSamplesLeaf: number;
  /** Fewest share of the total sample weight per leaf, in [0, 0.5]. */
  minWeightFractionLeaf: number;
  maxFeatures: MaxFeatures;
  /** Grow best-first to at most this many leaves (>= 2); null grows depth-first. */
  maxLeafNodes: number | null;
  /** Split only when the weighted impurity decrease is at least this. */
  minImpurityDecrease: number;
  /** Cost-complexity pruning strength (0: no pruning). */
  ccpAlpha: number;
}

const countOrFraction = (minCount: number): ParamCheck => anyOf(integer({ min: minCount }), number({ min: 0, max: 1, exclusiveMin: true, exclusiveMax: true }));

/** Param checks for {@link TreeGrowthParams}. */
export const growthChecks = {
  maxDepth: nullable(integer({ min: 1 })),
  minSamplesSplit: countOrFraction(2),
  minSamplesLeaf: countOrFraction(1),
  minWeightFractionLeaf: number({ min: 0, max: 0.5 }),
  maxFeatures: nullable(anyOf(oneOf("sqrt", "log2"), integer({ min: 1 }), number({ min: 0, max: 1, exclusiveMin: true, exclusiveMax: true }))),
  maxLeafNodes: nullable(integer({ min: 2 })),
  minImpurityDecrease: number({ min: 0 }),
  ccpAlpha: number({ min: 0 }),
} satisfies Record<keyof TreeGrowthParams, ParamCheck>;

/** Param specs with scikit-learn's defaults, shared by the tree and forest estimators (maxFeatures and criterion differ). */
export const GROWTH_SCHEMA = {
  maxDepth: param<number | null>(null, growthChecks.maxDepth),
  minSamplesSplit: param(2, growthChecks.minSamplesSplit),
  minSamplesLeaf: param(1, growthChecks.minSamplesLeaf),
  minWeightFractionLeaf: param(0, growthChecks.minWeightFractionLeaf),
  maxLeafNodes: param<number | null>(null, growthChecks.maxLeafNodes),
  minImpurityDecrease: param(0, growthChecks.minImpurityDecrease),
  ccpAlpha: param(0, growthChecks.ccpAlpha),
  randomState: param<number | null>(null, seed()),
};

/** The target of one tree: class codes, or float64 values. */
export type TreeTarget = { readonly kind: "classification"; readonly codes: Int32Array; readonly nClasses: number; readonly criterion: ClassificationCriterionName } | { readonly kind: "regression"; readonly y: Float64Array; readonly criterion: RegressionCriterionName };

/** scikit-learn's `max_features_` for `cols` features; a count above `cols` is a DataError. */
export function resolveMaxFeatures(maxFeatures: MaxFeatures, cols: number, site: ErrorSite): number {
  if (maxFeatures === null) return cols;
  if (maxFeatures === "sqrt") return Math.max(1, Math.floor(Math.sqrt(cols)));
  if (maxFeatures === "log2") return Math.max(1, 31 - Math.clz32(cols));
  if (Number.isInteger(maxFeatures)) {
    if (maxFeatures > cols) throw DataError.at(site, `maxFeatures is ${maxFeatures} but X has only ${cols} feature column(s); use at most ${cols}, a fraction, "sqrt" or null`);
    return maxFeatures;
  }
  return Math.max(1, Math.floor(maxFeatures * cols));
}

/**
 * Grows one tree as scikit-learn's `BaseDecisionTree._fit` does after input validation:
 * resolves the size limits, builds depth-first or best-first, then prunes. `weights` are the
 * per-row sample weights (null: all 1); `seed` seeds the tree's xorshift.
 */
export function growTree(data: TreeData, target: TreeTarget, weights: Float64Array | null, params: TreeGrowthParams, maxFeatures: number, seed: number, ranks: FeatureRanks | null = null): TreeStructure {
  const n = data.rows;
  const minSamplesLeaf = Number.isInteger(params.minSamplesLeaf) ? params.minSamplesLeaf : Math.ceil(params.minSamplesLeaf * n);
  let minSamplesSplit = Number.isInteger(params.minSamplesSplit) ? params.minSamplesSplit : Math.max(2, Math.ceil(params.minSamplesSplit * n));
  minSamplesSplit = Math.max(minSamplesSplit, 2 * minSamplesLeaf);
  const minWeightLeaf = params.minWeightFractionLeaf * (weights === null ? n : pairwiseSum(weights));
  const criterion = makeCriterion(target, n);
  const orderFree = ranks !== null && target.kind === "classification" && exactSums(weights, target.nClasses);
  const splitter = new BestSplitter(data, criterion, weights, maxFeatures, minSamplesLeaf, minWeightLeaf, seed, orderFree ? ranks : null);
  const valueStride = target.kind === "classification" ? target.nClasses : 1;
  const tree = buildTree(
    splitter,
    {
      maxDepth: params.maxDepth ?? 0x7fffffff,
      minSamplesSplit,
      minSamplesLeaf,
      minWeightLeaf,
      minImpurityDecrease: params.minImpurityDecrease,
      maxLeafNodes: params.maxLeafNodes,
    },
    valueStride,
  );
  return params.ccpAlpha > 0 ? pruneTree(tree, params.ccpAlpha) : tree;
}

/**
 * True when every weighted class count is an exact integer that the rank search's 32-bit
 * counters hold, with room for the class code packed below each weight (integer weights whose
 * total, times the next power of two >= nClasses, is below 2^31): then no sum depends on the
 * order rows are visited in, and the rank-based search gives scikit-learn's results exactly.
 */
export function exactSums(weights: Float64Array | null, nClasses: number): boolean {
  if (weights === null) return true;
  const limit = 2 ** (31 - (32 - Math.clz32(nClasses - 1)));
  let total = 0;
  for (let i = 0; i < weights.length; i++) {
    const w = weights[i];
    if (w !== Math.floor(w)) return false;
    total += w;
  }
  return total < limit;
}

function makeCriterion(target: TreeTarget, n: number): Criterion {
  if (target.kind === "classification") return new ClassificationCriterion(target.codes, target.nClasses, target.criterion !== "gini");
  return target.criterion === "absolute_error" ? new AbsoluteErrorCriterion(target.y, n) : new SquaredErrorCriterion(target.y);
}
