import type { JsonObject } from "../../core/json.js";
import { encodeFloat64Array, encodeInt32Array, encodeUint8Array, type StateReader } from "../../core/state-codec.js";
import { TREE_LEAF, TREE_UNDEFINED, type TreeStructure } from "./tree-structure.js";

/** A tree as flat little-endian base64 arrays (DESIGN.md §6). */
export function encodeTree(tree: TreeStructure): JsonObject {
  return {
    nodeCount: tree.nodeCount,
    maxDepth: tree.maxDepth,
    left: encodeInt32Array(tree.left),
    right: encodeInt32Array(tree.right),
    feature: encodeInt32Array(tree.feature),
    threshold: encodeFloat64Array(tree.threshold),
    missingLeft: encodeUint8Array(tree.missingLeft),
    impurity: encodeFloat64Array(tree.impurity),
    nNodeSamples: encodeInt32Array(tree.nNodeSamples),
    weightedNNodeSamples: encodeFloat64Array(tree.weightedNNodeSamples),
    value: encodeFloat64Array(tree.value),
  };
}

/**
 * What a tree's leaves hold: the fractions of `nClasses` classes (a classifier's probabilities),
 * or one regression value, averaged over the `nTrees` trees of its model.
 */
type LeafValues = { readonly nClasses: number } | { readonly nTrees: number };

const strideOf = (leaves: LeafValues): number => ("nClasses" in leaves ? leaves.nClasses : 1);

/** Reads a stored tree: lengths, ranges and finite values, then the shape (`checkTreeShape`). */
export function decodeTree(reader: StateReader, nFeatures: number, leaves: LeafValues): TreeStructure {
  const valueStride = strideOf(leaves);
  const nodeCount = reader.integer("nodeCount", { min: 1, max: 1 << 26 });
  const length = nodeCount;
  const left = reader.i32("left", { length, min: TREE_LEAF, max: nodeCount - 1 });
  const right = reader.i32("right", { length, min: TREE_LEAF, max: nodeCount - 1 });
  const feature = reader.i32("feature", { length, min: TREE_UNDEFINED, max: nFeatures - 1 });
  const threshold = reader.f64("threshold", { length });
  const missingLeft = reader.u8("missingLeft", { length, min: 0, max: 1 });
  const impurity = reader.f64("impurity", { length, finite: true });
  const nNodeSamples = reader.i32("nNodeSamples", { length, min: 1 });
  const weightedNNodeSamples = reader.f64("weightedNNodeSamples", { length, finite: true, min: 0 });
  const value = reader.f64("value", { length: nodeCount * valueStride, finite: true });
  const maxDepth = reader.integer("maxDepth", { min: 0, max: nodeCount - 1 });
  const tree = { nodeCount, valueStride, left, right, feature, threshold, missingLeft, impurity, nNodeSamples, weightedNNodeSamples, value, maxDepth };
  checkTreeShape(reader, tree, nFeatures, leaves);
  return tree;
}

/**
 * A forest's tree in the compact form: children for every node, split data for internal nodes
 * only, values for leaves only (prediction needs nothing else; impurities and node weights are
 * summarised in the forest's stored feature importances). About a third of the full form.
 */
export function encodeCompactTree(tree: TreeStructure, nFeatures: number): JsonObject {
  const internal: number[] = [];
  const leaves: number[] = [];
  for (let node = 0; node < tree.nodeCount; node++) (tree.left[node] === TREE_LEAF ? leaves : internal).push(node);
  const stride = tree.valueStride;
  const right = new Int32Array(internal.length);
  const feature = nFeatures <= 256 ? new Uint8Array(internal.length) : new Int32Array(internal.length);
  const threshold = new Float64Array(internal.length);
  const missingLeft = new Uint8Array(internal.length);
  internal.forEach((node, k) => {
    right[k] = tree.right[node];
    feature[k] = tree.feature[node];
    threshold[k] = tree.threshold[node];
    missingLeft[k] = tree.missingLeft[node];
  });
  const value = new Float64Array(leaves.length * stride);
  leaves.forEach((node, k) => value.set(tree.value.subarray(node * stride, node * stride + stride), k * stride));
  return {
    nodeCount: tree.nodeCount,
    maxDepth: tree.maxDepth,
    left: encodeInt32Array(tree.left),
    right: encodeInt32Array(right),
    feature: feature instanceof Uint8Array ? encodeUint8Array(feature) : encodeInt32Array(feature),
    threshold: encodeFloat64Array(threshold),
    missingLeft: encodeUint8Array(missingLeft),
    value: encodeFloat64Array(value),
  };
}

/** Reads a compact tree back into full arrays (impurities and node sizes are zero) and checks it as `decodeTree` does. */
export function decodeCompactTree(reader: StateReader, nFeatures: number, leaves: LeafValues): TreeStructure {
  const valueStride = strideOf(leaves);
  const nodeCount = reader.integer("nodeCount", { min: 1, max: 1 << 26 });
  const left = reader.i32("left", { length: nodeCount, min: TREE_LEAF, max: nodeCount - 1 });
  let nInternal = 0;
  for (let node = 0; node < nodeCount; node++) if (left[node] !== TREE_LEAF) nInternal++;
  const nLeaves = nodeCount - nInternal;
  const rightIn = reader.i32("right", { length: nInternal, min: 1, max: nodeCount - 1 });
  const featureIn = nFeatures <= 256 ? reader.u8("feature", { length: nInternal, min: 0, max: nFeatures - 1 }) : reader.i32("feature", { length: nInternal, min: 0, max: nFeatures - 1 });
  const thresholdIn = reader.f64("threshold", { length: nInternal });
  const missingIn = reader.u8("missingLeft", { length: nInternal, min: 0, max: 1 });
  const valueIn = reader.f64("value", { length: nLeaves * valueStride, finite: true });
  const right = new Int32Array(nodeCount);
  const feature = new Int32Array(nodeCount);
  const threshold = new Float64Array(nodeCount);
  const missingLeft = new Uint8Array(nodeCount);
  const value = new Float64Array(nodeCount * valueStride);
  let k = 0;
  let leaf = 0;
  for (let node = 0; node < nodeCount; node++) {
    if (left[node] === TREE_LEAF) {
      right[node] = TREE_LEAF;
      feature[node] = TREE_UNDEFINED;
      threshold[node] = TREE_UNDEFINED;
      value.set(valueIn.subarray(leaf * valueStride, leaf * valueStride + valueStride), node * valueStride);
      leaf++;
    } else {
      right[node] = rightIn[k];
      feature[node] = featureIn[k];
      threshold[node] = thresholdIn[k];
      missingLeft[node] = missingIn[k];
      k++;
    }
  }
  const full: TreeStructure = {
    nodeCount,
    valueStride,
    left,
    right,
    feature,
    threshold,
    missingLeft,
    impurity: new Float64Array(nodeCount),
    nNodeSamples: new Int32Array(nodeCount).fill(1),
    weightedNNodeSamples: new Float64Array(nodeCount),
    value,
    maxDepth: reader.integer("maxDepth", { min: 0, max: nInternal }),
  };
  checkTreeShape(reader, full, nFeatures, leaves);
  return full;
}

// The largest float32: a threshold is the midpoint of two float32 values, or +Infinity.
const FLOAT32_MAX = 3.4028234663852886e38;
// How far a leaf's class fractions may sum from 1 (each is rounded once; sums of fractional weights drift a little).
const FRACTION_SUM_TOLERANCE = 1e-6;

/**
 * Checks that the arrays form a tree: every node but the root has exactly one parent with a
 * smaller id (no cycles, all reachable), leaves carry the undefined feature and threshold,
 * splits a feature below `nFeatures` and a threshold within float32's range or +Infinity (the
 * "only NaN goes right" split), and the stored depth is the real one. Leaves hold class
 * fractions in [0, 1] that sum to 1, or regression values whose mean over the model's trees
 * stays finite.
 */
function checkTreeShape(reader: StateReader, tree: TreeStructure, nFeatures: number, leaves: LeafValues): void {
  const { nodeCount, left, right, feature, threshold, value, valueStride } = tree;
  const parents = new Uint8Array(nodeCount);
  // children come after their parent, so one forward pass sets every depth
  const depth = new Int32Array(nodeCount);
  let maxDepth = 0;
  for (let node = 0; node < nodeCount; node++) {
    const isLeaf = left[node] === TREE_LEAF;
    if (isLeaf !== (right[node] === TREE_LEAF)) reader.fail(`left[${node}]`, "a node has either two children or none");
    if (isLeaf) {
      if (feature[node] !== TREE_UNDEFINED || threshold[node] !== TREE_UNDEFINED) reader.fail(`feature[${node}]`, "a leaf has feature and threshold -2");
      checkLeafValues(reader, value, node, valueStride, leaves);
      maxDepth = Math.max(maxDepth, depth[node]);
      continue;
    }
    if (feature[node] < 0 || feature[node] >= nFeatures) reader.fail(`feature[${node}]`, `must be a feature index below ${nFeatures}`);
    const t = threshold[node];
    if (!(Math.abs(t) <= FLOAT32_MAX || t === Infinity)) reader.fail(`threshold[${node}]`, "must be within float32's range (or +Infinity)");
    for (const child of [left[node], right[node]]) {
      if (child <= node) reader.fail(`left[${node}]`, "children must come after their parent");
      if (parents[child] === 1) reader.fail(`left[${node}]`, `node ${child} has two parents`);
      parents[child] = 1;
      depth[child] = depth[node] + 1;
    }
  }
  for (let node = 1; node < nodeCount; node++) if (parents[node] === 0) reader.fail("left", `node ${node} is unreachable`);
  if (tree.maxDepth !== maxDepth) reader.fail("maxDepth", `is ${tree.maxDepth} but the tree's deepest leaf is at depth ${maxDepth}`);
}

function checkLeafValues(reader: StateReader, value: Float64Array, node: number, stride: number, leaves: LeafValues): void {
  const at = node * stride;
  if ("nTrees" in leaves) {
    const limit = Number.MAX_VALUE / leaves.nTrees;
    if (!(Math.abs(value[at]) <= limit)) reader.fail("value", `of leaf ${node} is ${value[at]}; it must be at most ${limit} in magnitude, so that the mean over ${leaves.nTrees} tree(s) stays finite`);
    return;
  }
  let sum = 0;
  for (let k = at; k < at + stride; k++) {
    if (!(value[k] >= 0 && value[k] <= 1)) reader.fail("value", `of leaf ${node} holds ${value[k]}; class fractions must be within [0, 1]`);
    sum += value[k];
  }
  if (!(Math.abs(sum - 1) <= FRACTION_SUM_TOLERANCE)) reader.fail("value", `of leaf ${node} holds class fractions that sum to ${sum}, not 1`);
}
