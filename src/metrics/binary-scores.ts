import { checkNumericBlock, checkWeights, metricError } from "./metric-input.js";

/** Reads one score per sample (a flat array or a one-column block) and the optional weights. */
export function checkBinaryScores(fn: string, yScore: unknown, n: number, sampleWeight: ArrayLike<number> | undefined): { scores: Float64Array; weights: Float64Array | undefined } {
  const block = checkNumericBlock(fn, "yScore", yScore);
  if (block.cols !== 1) {
    throw metricError(fn, `yScore has ${block.cols} columns but a binary target needs one score per sample; pass the scores (or probabilities) of the positive class`);
  }
  if (block.rows !== n) throw metricError(fn, `yScore has ${block.rows} values but yTrue has ${n}`);
  return { scores: block.data, weights: checkWeights(fn, sampleWeight, n) };
}
