import { RandomState } from "../../core/random-state.js";
import { growTree, type TreeGrowthParams, type TreeTarget } from "./grow-tree.js";
import type { FeatureRanks } from "./feature-ranks.js";
import type { TreeData } from "./tree-data.js";
import type { TreeStructure } from "./tree-structure.js";
import { chooseIndex, type WeightedChoice } from "./weighted-choice.js";

/**
 * Everything needed to grow any tree of a forest, independent of the others: the shared data,
 * the per-tree seeds drawn up front, and how rows are drawn. Growing tree `t` depends only on
 * this plan and `t`, so trees can be grown in any order, on any thread, with identical results.
 */
export interface ForestPlan {
  readonly data: TreeData;
  readonly target: TreeTarget;
  readonly growth: TreeGrowthParams;
  readonly maxFeatures: number;
  /** `randint(0, 2^31 - 1)` per tree from the forest's generator */
  readonly seeds: Float64Array;
  readonly bootstrap: boolean;
  /** rows drawn per tree */
  readonly nBoot: number;
  /** bootstrap by weight (numpy's `choice(p=...)`), or null for uniform draws */
  readonly choice: WeightedChoice | null;
  /** per-row weights without bootstrap (sample x class weights), or null */
  readonly baseWeights: Float64Array | null;
  /** reweight each bootstrap sample by its own class balance ("balanced_subsample") */
  readonly balancedSubsample: boolean;
  /** feature ranks for classification forests (used by trees whose weights are integers) */
  readonly ranks: FeatureRanks | null;
}

/** Per-tree seeds: one `randint(0, 2^31 - 1)` per tree, all drawn before any tree is grown. */
export function drawTreeSeeds(master: RandomState, nTrees: number): Float64Array {
  const seeds = new Float64Array(nTrees);
  for (let t = 0; t < nTrees; t++) seeds[t] = master.randint(0, 0x7fffffff);
  return seeds;
}

/** How many times each row is drawn for tree `t` (scikit-learn's `_generate_sample_indices` + bincount). */
export function bootstrapCounts(plan: ForestPlan, t: number): Float64Array {
  const n = plan.data.rows;
  const rs = new RandomState(plan.seeds[t]);
  const counts = new Float64Array(n);
  const choice = plan.choice;
  if (choice === null) {
    for (let k = 0; k < plan.nBoot; k++) counts[rs.bounded(n - 1)]++;
  } else {
    for (let k = 0; k < plan.nBoot; k++) counts[chooseIndex(choice, rs.nextDouble())]++;
  }
  return counts;
}

/** Grows tree `t` of the plan. */
export function growForestTree(plan: ForestPlan, t: number): TreeStructure {
  let weights = plan.baseWeights;
  if (plan.bootstrap) {
    weights = bootstrapCounts(plan, t);
    if (plan.balancedSubsample && plan.target.kind === "classification") applySubsampleBalance(weights, plan.target.codes, plan.target.nClasses);
  }
  // the tree's own check_random_state(seed) starts a fresh generator with the same seed
  const treeSeed = new RandomState(plan.seeds[t]).randint(0, 0x7fffffff);
  return growTree(plan.data, plan.target, weights, plan.growth, plan.maxFeatures, treeSeed, plan.ranks);
}

/** Multiplies bootstrap counts by "balanced" class weights computed on the drawn sample. */
function applySubsampleBalance(counts: Float64Array, codes: Int32Array, nClasses: number): void {
  const classCounts = new Float64Array(nClasses);
  for (let i = 0; i < counts.length; i++) classCounts[codes[i]] += counts[i];
  let present = 0;
  let total = 0;
  for (let k = 0; k < nClasses; k++) {
    if (classCounts[k] > 0) present++;
    total += classCounts[k];
  }
  const weight = new Float64Array(nClasses);
  for (let k = 0; k < nClasses; k++) weight[k] = classCounts[k] > 0 ? total / (present * classCounts[k]) : 0;
  for (let i = 0; i < counts.length; i++) counts[i] *= weight[codes[i]];
}

/** Grows trees `from` to `to - 1` in order. */
export function growForestTrees(plan: ForestPlan, from: number, to: number): TreeStructure[] {
  const trees: TreeStructure[] = [];
  for (let t = from; t < to; t++) trees.push(growForestTree(plan, t));
  return trees;
}
