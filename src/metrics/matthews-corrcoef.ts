import { confusionCounts } from "./confusion-matrix.js";
import type { LabelArray, WarningOptions } from "./metric-input.js";

/** Options of `matthewsCorrcoef`. */
export interface MatthewsCorrcoefOptions extends WarningOptions {
  sampleWeight?: ArrayLike<number>;
}

/**
 * The Matthews correlation coefficient, multiclass form (scikit-learn's `matthews_corrcoef`):
 * 0 when it is undefined (a constant yTrue or yPred), as scikit-learn returns.
 */
export function matthewsCorrcoef(yTrue: LabelArray, yPred: LabelArray, options: MatthewsCorrcoefOptions = {}): number {
  const cm = confusionCounts("matthewsCorrcoef", yTrue, yPred, { sampleWeight: options.sampleWeight, onWarning: options.onWarning });
  const k = cm.rows;
  const tSum = new Float64Array(k);
  const pSum = new Float64Array(k);
  let correct = 0;
  for (let i = 0; i < k; i++) {
    for (let j = 0; j < k; j++) {
      tSum[i] += cm.data[i * k + j];
      pSum[j] += cm.data[i * k + j];
    }
    correct += cm.data[i * k + i];
  }
  let n = 0;
  let tp = 0;
  let pp = 0;
  let tt = 0;
  for (let i = 0; i < k; i++) {
    n += pSum[i];
    tp += tSum[i] * pSum[i];
    pp += pSum[i] * pSum[i];
    tt += tSum[i] * tSum[i];
  }
  const covYtYp = correct * n - tp;
  const covYpYp = n * n - pp;
  const covYtYt = n * n - tt;
  const product = covYpYp * covYtYt;
  return product === 0 ? 0 : covYtYp / Math.sqrt(product);
}
