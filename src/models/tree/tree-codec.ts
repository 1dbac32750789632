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
 * Reads a stored tree and checks that it is one: every node but the root has exactly one parent
 * with a smaller id (so no cycles and every node is reachable), leaves carry the undefined
 * feature, splits a feature below `nFeatures` and a threshold that is finite or +Infinity (the
 * "only NaN goes right" split), and every value is finite.
 */
export function decodeTree(reader: StateReader, nFeatures: number, valueStride: number): TreeStructure {
  const nodeCount = reader.integer("nodeCount", { min: 1, max: 1 << 26 });
  const length = nodeCount;
  const left = reader.i32("left", { length, min: TREE_LEAF, max: nodeCount - 1 });
  const right = reader.i32("right", { length, min: TREE_LEAF, max: nodeCount - 1 });
  const feature = reader.i32("feature", { length, min: TREE_UNDEFINED, max: nFeatures - 1 });
  const threshold = reader.f64("threshold", { length });
  const missingLeft = reader.u8("missingLeft", { length, max: 1 });
  const impurity = reader.f64("impurity", { length, finite: true });
  const nNodeSamples = reader.i32("nNodeSamples", { length, min: 1 });
  const weightedNNodeSamples = reader.f64("weightedNNodeSamples", { length, finite: true });
  const value = reader.f64("value", { length: nodeCount * valueStride, finite: true });
  const parents = new Uint8Array(nodeCount);
  let depthBound = 0;
  for (let node = 0; node < nodeCount; node++) {
    const isLeaf = left[node] === TREE_LEAF;
    if (isLeaf !== (right[node] === TREE_LEAF)) reader.fail(`left[${node}]`, "a node has either two children or none");
    if (isLeaf) {
      if (feature[node] !== TREE_UNDEFINED || threshold[node] !== TREE_UNDEFINED) reader.fail(`feature[${node}]`, "a leaf has feature and threshold -2");
      continue;
    }
    depthBound++;
    if (feature[node] < 0) reader.fail(`feature[${node}]`, `must be a feature index below ${nFeatures}`);
    const t = threshold[node];
    if (!(Number.isFinite(t) || t === Infinity)) reader.fail(`threshold[${node}]`, "must be finite (or +Infinity)");
    for (const child of [left[node], right[node]]) {
      if (child <= node) reader.fail(`left[${node}]`, "children must come after their parent");
      if (parents[child] === 1) reader.fail(`left[${node}]`, `node ${child} has two parents`);
      parents[child] = 1;
    }
  }
  for (let node = 1; node < nodeCount; node++) if (parents[node] === 0) reader.fail(`left`, `node ${node} is unreachable`);
  const maxDepth = reader.integer("maxDepth", { min: 0, max: depthBound });
  return { nodeCount, valueStride, left, right, feature, threshold, missingLeft, impurity, nNodeSamples, weightedNNodeSamples, value, maxDepth };
}
