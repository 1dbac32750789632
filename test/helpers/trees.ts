import { createHash } from "node:crypto";
import { inflateSync } from "node:zlib";
import { Matrix } from "../../src/core/matrix.js";
import type { TreeStructure } from "../../src/models/tree/tree-structure.js";

/** A `{ "$f32z": base64(zlib(float32 LE)), shape }` block of parity/gen_trees.py as a float64 Matrix. */
export function f32zMatrix(block: { $f32z: string; shape: [number, number] }): Matrix {
  const bytes = inflateSync(Buffer.from(block.$f32z, "base64"));
  const f32 = new Float32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
  return new Matrix(Float64Array.from(f32), block.shape[0], block.shape[1]);
}

/** A float64 fixture array (row-major) as a Matrix. */
export function f64Matrix(data: Float64Array, cols: number): Matrix {
  return new Matrix(data, data.length / cols, cols);
}

/** SHA-256 over the node arrays exactly as parity/gen_trees.py's tree_digest hashes them. */
export function treeDigest(tree: TreeStructure): string {
  const h = createHash("sha256");
  const bytes = (a: Int32Array | Float64Array | Uint8Array) => new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
  h.update(bytes(tree.left));
  h.update(bytes(tree.right));
  h.update(bytes(tree.feature));
  h.update(bytes(tree.threshold));
  h.update(bytes(tree.missingLeft));
  h.update(bytes(tree.value));
  return h.digest("hex");
}

export interface FullTree {
  nodeCount: number;
  maxDepth: number;
  left: number[];
  right: number[];
  feature: number[];
  threshold: Float64Array;
  missingLeft: number[];
  value: Float64Array;
  impurity: Float64Array;
  nNodeSamples: number[];
  weightedNNodeSamples: Float64Array;
  digest: string;
}

/** The first difference between a fitted tree and scikit-learn's, or undefined when identical. */
export function treeDifference(actual: TreeStructure, expected: FullTree): string | undefined {
  if (actual.nodeCount !== expected.nodeCount) return `nodeCount ${actual.nodeCount} != ${expected.nodeCount}`;
  const keys = ["left", "right", "feature", "threshold", "missingLeft", "value", "impurity", "nNodeSamples", "weightedNNodeSamples"] as const;
  for (const key of keys) {
    const a = actual[key];
    const b = expected[key];
    for (let i = 0; i < b.length; i++) {
      if (!Object.is(a[i], b[i])) return `${key}[${i}] = ${a[i]}, expected ${b[i]}`;
    }
  }
  if (actual.maxDepth !== expected.maxDepth) return `maxDepth ${actual.maxDepth} != ${expected.maxDepth}`;
  return undefined;
}
