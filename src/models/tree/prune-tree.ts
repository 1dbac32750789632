import { TREE_LEAF, TreeBuffer, type TreeStructure } from "./tree-structure.js";

/**
 * Minimal cost-complexity pruning (scikit-learn's `_build_pruned_tree_ccp`): repeatedly collapse
 * the internal node with the smallest effective alpha (first id on ties) while it is at most
 * `ccpAlpha`, then rebuild the kept nodes in pre-order.
 */
export function pruneTree(tree: TreeStructure, ccpAlpha: number): TreeStructure {
  const n = tree.nodeCount;
  const { left, right, weightedNNodeSamples, impurity } = tree;
  const total = weightedNNodeSamples[0];
  const rNode = new Float64Array(n);
  for (let i = 0; i < n; i++) rNode[i] = (weightedNNodeSamples[i] * impurity[i]) / total;
  const parent = new Int32Array(n);
  const leaves = new Uint8Array(n);
  const stack: number[] = [0, -2];
  while (stack.length > 0) {
    const p = stack.pop()!;
    const node = stack.pop()!;
    parent[node] = p;
    if (left[node] === TREE_LEAF) leaves[node] = 1;
    else stack.push(left[node], node, right[node], node);
  }
  const nLeaves = new Int32Array(n);
  const rBranch = new Float64Array(n);
  for (let leaf = 0; leaf < n; leaf++) {
    if (!leaves[leaf]) continue;
    rBranch[leaf] = rNode[leaf];
    const r = rNode[leaf];
    let node = leaf;
    while (node !== 0) {
      const p = parent[node];
      rBranch[p] += r;
      nLeaves[p] += 1;
      node = p;
    }
  }
  const candidate = new Uint8Array(n);
  for (let i = 0; i < n; i++) candidate[i] = leaves[i] ? 0 : 1;
  const inSubtree = new Uint8Array(n).fill(1);
  while (candidate[0]) {
    let effectiveAlpha = Number.MAX_VALUE;
    let pruned = 0;
    for (let i = 0; i < n; i++) {
      if (!candidate[i]) continue;
      const alpha = (rNode[i] - rBranch[i]) / (nLeaves[i] - 1);
      if (alpha < effectiveAlpha) {
        effectiveAlpha = alpha;
        pruned = i;
      }
    }
    if (ccpAlpha < effectiveAlpha) break;
    const drop = [pruned];
    while (drop.length > 0) {
      const node = drop.pop()!;
      if (!inSubtree[node]) continue;
      candidate[node] = 0;
      leaves[node] = 0;
      inSubtree[node] = 0;
      if (left[node] !== TREE_LEAF) drop.push(left[node], right[node]);
    }
    leaves[pruned] = 1;
    inSubtree[pruned] = 1;
    const nPrunedLeaves = nLeaves[pruned] - 1;
    nLeaves[pruned] = 0;
    const rDiff = rNode[pruned] - rBranch[pruned];
    rBranch[pruned] = rNode[pruned];
    for (let node = parent[pruned]; node !== -2; node = parent[node]) {
      nLeaves[node] -= nPrunedLeaves;
      rBranch[node] += rDiff;
    }
  }
  return rebuild(tree, leaves);
}

function rebuild(tree: TreeStructure, leaves: Uint8Array): TreeStructure {
  const stride = tree.valueStride;
  const out = new TreeBuffer(stride);
  const stack: number[] = [0, 0, -1, 0];
  let maxDepth = -1;
  while (stack.length > 0) {
    const isLeft = stack.pop()! === 1;
    const parent = stack.pop()!;
    const depth = stack.pop()!;
    const node = stack.pop()!;
    const isLeaf = leaves[node] === 1;
    const id = out.addNode(parent, isLeft, isLeaf, tree.feature[node], tree.threshold[node], tree.impurity[node], tree.nNodeSamples[node], tree.weightedNNodeSamples[node], tree.missingLeft[node] === 1);
    out.value.set(tree.value.subarray(node * stride, node * stride + stride), id * stride);
    if (!isLeaf) stack.push(tree.right[node], depth + 1, id, 0, tree.left[node], depth + 1, id, 1);
    if (depth > maxDepth) maxDepth = depth;
  }
  return out.finish(maxDepth);
}
