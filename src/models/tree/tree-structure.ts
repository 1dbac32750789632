/** Marks a leaf in `left`/`right` (scikit-learn's TREE_LEAF). */
export const TREE_LEAF = -1;
/** `feature` and `threshold` of a leaf (scikit-learn's TREE_UNDEFINED). */
export const TREE_UNDEFINED = -2;

/**
 * A fitted tree as flat parallel arrays, node ids in creation order (scikit-learn's `Tree`):
 * children (-1 for leaves), split feature and float64 threshold (-2 for leaves), where NaN goes,
 * impurity, row count, weighted row count, and `valueStride` values per node (class fractions
 * or the regression prediction).
 */
export interface TreeStructure {
  readonly nodeCount: number;
  readonly valueStride: number;
  readonly left: Int32Array;
  readonly right: Int32Array;
  readonly feature: Int32Array;
  readonly threshold: Float64Array;
  readonly missingLeft: Uint8Array;
  readonly impurity: Float64Array;
  readonly nNodeSamples: Int32Array;
  readonly weightedNNodeSamples: Float64Array;
  readonly value: Float64Array;
  /** depth of the deepest node (root = 0) */
  readonly maxDepth: number;
}

/** Grows a tree node by node during a build, then trims to a TreeStructure. */
export class TreeBuffer {
  nodeCount = 0;
  private capacity: number;
  left: Int32Array;
  right: Int32Array;
  feature: Int32Array;
  threshold: Float64Array;
  missingLeft: Uint8Array;
  impurity: Float64Array;
  nNodeSamples: Int32Array;
  weightedNNodeSamples: Float64Array;
  value: Float64Array;

  constructor(
    readonly valueStride: number,
    capacity = 64,
  ) {
    this.capacity = capacity;
    this.left = new Int32Array(capacity);
    this.right = new Int32Array(capacity);
    this.feature = new Int32Array(capacity);
    this.threshold = new Float64Array(capacity);
    this.missingLeft = new Uint8Array(capacity);
    this.impurity = new Float64Array(capacity);
    this.nNodeSamples = new Int32Array(capacity);
    this.weightedNNodeSamples = new Float64Array(capacity);
    this.value = new Float64Array(capacity * valueStride);
  }

  /** scikit-learn's `Tree._add_node`: registers the node with its parent; returns its id. */
  addNode(parent: number, isLeft: boolean, isLeaf: boolean, feature: number, threshold: number, impurity: number, n: number, weighted: number, missingLeft: boolean): number {
    if (this.nodeCount === this.capacity) this.grow();
    const id = this.nodeCount++;
    this.impurity[id] = impurity;
    this.nNodeSamples[id] = n;
    this.weightedNNodeSamples[id] = weighted;
    if (parent >= 0) {
      if (isLeft) this.left[parent] = id;
      else this.right[parent] = id;
    }
    if (isLeaf) this.makeLeaf(id);
    else {
      this.feature[id] = feature;
      this.threshold[id] = threshold;
      this.missingLeft[id] = missingLeft ? 1 : 0;
    }
    return id;
  }

  makeLeaf(id: number): void {
    this.left[id] = TREE_LEAF;
    this.right[id] = TREE_LEAF;
    this.feature[id] = TREE_UNDEFINED;
    this.threshold[id] = TREE_UNDEFINED;
    this.missingLeft[id] = 0;
  }

  finish(maxDepth: number): TreeStructure {
    const n = this.nodeCount;
    return {
      nodeCount: n,
      valueStride: this.valueStride,
      left: this.left.slice(0, n),
      right: this.right.slice(0, n),
      feature: this.feature.slice(0, n),
      threshold: this.threshold.slice(0, n),
      missingLeft: this.missingLeft.slice(0, n),
      impurity: this.impurity.slice(0, n),
      nNodeSamples: this.nNodeSamples.slice(0, n),
      weightedNNodeSamples: this.weightedNNodeSamples.slice(0, n),
      value: this.value.slice(0, n * this.valueStride),
      maxDepth,
    };
  }

  private grow(): void {
    const capacity = this.capacity * 2;
    const extend = <T extends Int32Array | Float64Array | Uint8Array>(a: T, size: number): T => {
      const b = new (a.constructor as new (n: number) => T)(size);
      b.set(a);
      return b;
    };
    this.left = extend(this.left, capacity);
    this.right = extend(this.right, capacity);
    this.feature = extend(this.feature, capacity);
    this.threshold = extend(this.threshold, capacity);
    this.missingLeft = extend(this.missingLeft, capacity);
    this.impurity = extend(this.impurity, capacity);
    this.nNodeSamples = extend(this.nNodeSamples, capacity);
    this.weightedNNodeSamples = extend(this.weightedNNodeSamples, capacity);
    this.value = extend(this.value, capacity * this.valueStride);
    this.capacity = capacity;
  }
}

/** A deep copy, so callers cannot change a fitted model through a getter. */
export function copyTree(t: TreeStructure): TreeStructure {
  return {
    ...t,
    left: t.left.slice(),
    right: t.right.slice(),
    feature: t.feature.slice(),
    threshold: t.threshold.slice(),
    missingLeft: t.missingLeft.slice(),
    impurity: t.impurity.slice(),
    nNodeSamples: t.nNodeSamples.slice(),
    weightedNNodeSamples: t.weightedNNodeSamples.slice(),
    value: t.value.slice(),
  };
}

