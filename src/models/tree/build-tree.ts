import type { BestSplitter } from "./best-splitter.js";
import { FrontierHeap } from "./frontier-heap.js";
import { TreeBuffer, type TreeStructure } from "./tree-structure.js";

const EPSILON = 2.220446049250313e-16;

/** Resolved growth limits (scikit-learn's builder arguments). */
export interface GrowthLimits {
  maxDepth: number;
  minSamplesSplit: number;
  minSamplesLeaf: number;
  minWeightLeaf: number;
  minImpurityDecrease: number;
  /** null: depth-first; otherwise best-first with at most this many leaves */
  maxLeafNodes: number | null;
}

/** Grows a tree with scikit-learn's depth-first or best-first builder. */
export function buildTree(splitter: BestSplitter, limits: GrowthLimits, valueStride: number): TreeStructure {
  return limits.maxLeafNodes === null ? buildDepthFirst(splitter, limits, valueStride) : buildBestFirst(splitter, limits, limits.maxLeafNodes, valueStride);
}

function isSmall(limits: GrowthLimits, depth: number, n: number, weighted: number): boolean {
  return depth >= limits.maxDepth || n < limits.minSamplesSplit || n < 2 * limits.minSamplesLeaf || weighted < 2 * limits.minWeightLeaf;
}

/**
 * `DepthFirstTreeBuilder`: a LIFO stack, right child pushed before left, so nodes are created
 * (and the splitter's random stream consumed) in pre-order; children inherit the parent's
 * count of known-constant features.
 */
function buildDepthFirst(splitter: BestSplitter, limits: GrowthLimits, valueStride: number): TreeStructure {
  const tree = new TreeBuffer(valueStride, limits.maxDepth <= 10 ? 2 ** (limits.maxDepth + 1) - 1 : 2047);
  const criterion = splitter.criterion;
  const stack: number[] = [0, splitter.nSamples, 0, -1, 0, Infinity, 0];
  const constants = { count: 0 };
  let first = true;
  let maxDepthSeen = -1;
  while (stack.length > 0) {
    const nConstant = stack.pop()!;
    let impurity = stack.pop()!;
    const isLeft = stack.pop()! === 1;
    const parent = stack.pop()!;
    const depth = stack.pop()!;
    const end = stack.pop()!;
    const start = stack.pop()!;
    const n = end - start;
    const weighted = splitter.nodeReset(start, end);
    let isLeaf = isSmall(limits, depth, n, weighted);
    if (first) {
      impurity = criterion.nodeImpurity();
      first = false;
    }
    isLeaf ||= impurity <= EPSILON;
    let split = null;
    constants.count = nConstant;
    if (!isLeaf) {
      split = splitter.nodeSplit(impurity, constants);
      isLeaf = split.pos >= end || split.improvement + EPSILON < limits.minImpurityDecrease;
    }
    const id = tree.addNode(parent, isLeft, isLeaf, split?.feature ?? 0, split?.threshold ?? 0, impurity, n, weighted, split?.missingGoToLeft ?? false);
    criterion.nodeValue(tree.value, id * valueStride);
    if (!isLeaf && split !== null) {
      stack.push(split.pos, end, depth + 1, id, 0, split.impurityRight, constants.count);
      stack.push(start, split.pos, depth + 1, id, 1, split.impurityLeft, constants.count);
    }
    if (depth > maxDepthSeen) maxDepthSeen = depth;
  }
  return tree.finish(maxDepthSeen);
}

/** What the best-first frontier keeps per node. */
interface FrontierRecord {
  nodeId: number;
  start: number;
  end: number;
  pos: number;
  depth: number;
  isLeaf: boolean;
  impurityLeft: number;
  impurityRight: number;
  improvement: number;
}

/**
 * `BestFirstTreeBuilder`: each node's split is searched when the node is created; the frontier
 * pops the largest improvement (libstdc++ heap order on ties) until maxLeafNodes - 1 splits are
 * made. Known-constant features are not inherited.
 */
function buildBestFirst(splitter: BestSplitter, limits: GrowthLimits, maxLeafNodes: number, valueStride: number): TreeStructure {
  const tree = new TreeBuffer(valueStride, 2 * maxLeafNodes - 1);
  const frontier = new FrontierHeap<FrontierRecord>((a, b) => a.improvement < b.improvement);
  const criterion = splitter.criterion;
  const constants = { count: 0 };
  let maxSplitNodes = maxLeafNodes - 1;
  let maxDepthSeen = -1;

  const addSplitNode = (start: number, end: number, impurity: number, isFirst: boolean, isLeft: boolean, parent: number, depth: number): FrontierRecord => {
    const weighted = splitter.nodeReset(start, end);
    constants.count = 0;
    if (isFirst) impurity = criterion.nodeImpurity();
    const n = end - start;
    let isLeaf = isSmall(limits, depth, n, weighted) || impurity <= EPSILON;
    let split = null;
    if (!isLeaf) {
      split = splitter.nodeSplit(impurity, constants);
      isLeaf = split.pos >= end || split.improvement + EPSILON < limits.minImpurityDecrease;
    }
    const id = tree.addNode(parent, isLeft, isLeaf, split?.feature ?? 0, split?.threshold ?? 0, impurity, n, weighted, split?.missingGoToLeft ?? false);
    criterion.nodeValue(tree.value, id * valueStride);
    if (!isLeaf && split !== null) {
      return { nodeId: id, start, end, pos: split.pos, depth, isLeaf: false, impurityLeft: split.impurityLeft, impurityRight: split.impurityRight, improvement: split.improvement };
    }
    return { nodeId: id, start, end, pos: end, depth, isLeaf: true, impurityLeft: impurity, impurityRight: impurity, improvement: 0 };
  };

  frontier.push(addSplitNode(0, splitter.nSamples, Infinity, true, true, -1, 0));
  while (frontier.size > 0) {
    const record = frontier.pop();
    if (record.isLeaf || maxSplitNodes <= 0) tree.makeLeaf(record.nodeId);
    else {
      maxSplitNodes--;
      const left = addSplitNode(record.start, record.pos, record.impurityLeft, false, true, record.nodeId, record.depth + 1);
      const right = addSplitNode(record.pos, record.end, record.impurityRight, false, false, record.nodeId, record.depth + 1);
      frontier.push(left);
      frontier.push(right);
    }
    if (record.depth > maxDepthSeen) maxDepthSeen = record.depth;
  }
  return tree.finish(maxDepthSeen);
}
