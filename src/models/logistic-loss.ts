import { accumulateTransposedProduct, multiplyTransposed } from "./dense-products.js";
import type { ObjectiveWithGradient } from "./lbfgs.js";
import { pairwiseSum } from "../core/pairwise-sum.js";

/** What scikit-learn's `LinearModelLoss` sees: X, class codes, weights and the L2 strength. */
export interface LogisticProblem {
  /** Row-major n x p. */
  X: Float64Array;
  rows: number;
  cols: number;
  /** Class index per row, 0 .. nClasses - 1. */
  codes: Int32Array;
  nClasses: number;
  /** Per-row weights (sample weight times class weight), or undefined for all ones. */
  weights: Float64Array | undefined;
  /** The sum of the weights (n when unweighted): the loss is the weighted mean. */
  weightSum: number;
  /** `1 / (C * weightSum)`, 0 without penalty. */
  l2: number;
  fitIntercept: boolean;
}

/**
 * The parameter count of a problem. Binary: `[w_0 .. w_{p-1}, b]`. Multinomial: class-fastest
 * (scikit-learn's Fortran-order ravel), `coef[k + K * j]` for feature j, intercepts at j = p.
 */
export function coefficientCount(problem: LogisticProblem): number {
  const perClass = problem.cols + (problem.fitIntercept ? 1 : 0);
  return problem.nClasses === 2 ? perClass : perClass * problem.nClasses;
}

/**
 * scikit-learn's objective for lbfgs: the weighted mean of the half-binomial (two classes) or
 * half-multinomial (more) loss plus `l2 / 2 * ||w||^2` (intercepts unpenalized), with its gradient.
 */
export function logisticObjective(problem: LogisticProblem): ObjectiveWithGradient {
  return problem.nClasses === 2 ? binomialObjective(problem) : multinomialObjective(problem);
}

function binomialObjective({ X, rows, cols, codes, weights, weightSum, l2, fitIntercept }: LogisticProblem): ObjectiveWithGradient {
  const raw = new Float64Array(rows);
  const losses = new Float64Array(rows);
  const pointwise = new Float64Array(rows);
  return (coef, grad) => {
    multiplyTransposed(X, rows, cols, coef, 1, raw);
    const intercept = fitIntercept ? coef[cols] : 0;
    for (let i = 0; i < rows; i++) {
      const r = raw[i] + intercept;
      const y = codes[i];
      // scikit-learn's closs_grad_half_binomial: stable log(1 + exp(r)) - y * r and expit(r) - y.
      let loss: number;
      let gradient: number;
      if (r <= -37) {
        const e = Math.exp(r);
        loss = e - y * r;
        gradient = e - y;
      } else if (r <= -2) {
        const e = Math.exp(r);
        loss = Math.log1p(e) - y * r;
        gradient = ((1 - y) * e - y) / (1 + e);
      } else {
        const e = Math.exp(-r);
        loss = (r <= 18 ? Math.log1p(e) : e) + (1 - y) * r;
        gradient = (1 - y - y * e) / (1 + e);
      }
      if (weights !== undefined) {
        loss *= weights[i];
        gradient *= weights[i];
      }
      losses[i] = loss;
      pointwise[i] = gradient / weightSum;
    }
    grad.fill(0);
    accumulateTransposedProduct(X, rows, cols, pointwise, 1, grad);
    let norm = 0;
    for (let j = 0; j < cols; j++) {
      norm += coef[j] * coef[j];
      grad[j] += l2 * coef[j];
    }
    if (fitIntercept) grad[cols] = pairwiseSum(pointwise);
    return pairwiseSum(losses) / weightSum + 0.5 * l2 * norm;
  };
}

function multinomialObjective({ X, rows, cols, codes, nClasses: K, weights, weightSum, l2, fitIntercept }: LogisticProblem): ObjectiveWithGradient {
  const losses = new Float64Array(rows);
  const raw = new Float64Array(rows * K);
  const pointwise = new Float64Array(rows * K);
  const W = new Float64Array(K * cols);
  const gradW = new Float64Array(K * cols);
  const interceptAt = K * cols;
  return (coef, grad) => {
    for (let k = 0; k < K; k++) for (let j = 0; j < cols; j++) W[k * cols + j] = coef[k + K * j];
    multiplyTransposed(X, rows, cols, W, K, raw);
    for (let i = 0; i < rows; i++) {
      const at = i * K;
      if (fitIntercept) for (let k = 0; k < K; k++) raw[at + k] += coef[interceptAt + k];
      // scikit-learn's half-multinomial loss_gradient: log-sum-exp shifted by the row maximum.
      let max = raw[at];
      for (let k = 1; k < K; k++) if (max < raw[at + k]) max = raw[at + k];
      let sumExp = 0;
      for (let k = 0; k < K; k++) {
        const e = Math.exp(raw[at + k] - max);
        pointwise[at + k] = e;
        sumExp += e;
      }
      const y = codes[i];
      let loss = Math.log(sumExp) + max - raw[at + y];
      const w = weights === undefined ? 1 : weights[i];
      for (let k = 0; k < K; k++) {
        const g = pointwise[at + k] / sumExp - (k === y ? 1 : 0);
        pointwise[at + k] = (weights === undefined ? g : g * w) / weightSum;
      }
      if (weights !== undefined) loss *= w;
      losses[i] = loss;
    }
    gradW.fill(0);
    accumulateTransposedProduct(X, rows, cols, pointwise, K, gradW);
    let norm = 0;
    for (let j = 0; j < cols; j++) {
      for (let k = 0; k < K; k++) {
        const t = k + K * j;
        norm += coef[t] * coef[t];
        grad[t] = gradW[k * cols + j] + l2 * coef[t];
      }
    }
    if (fitIntercept) {
      for (let k = 0; k < K; k++) grad[interceptAt + k] = 0;
      for (let i = 0; i < rows; i++) for (let k = 0; k < K; k++) grad[interceptAt + k] += pointwise[i * K + k];
    }
    return pairwiseSum(losses) / weightSum + 0.5 * l2 * norm;
  };
}
