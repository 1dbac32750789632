import { describe, expect, it } from "vitest";
import { accumulateTransposedProduct, multiplyTransposed } from "./dense-products.js";

// Values with many significant bits, so any change of summation order would show.
const fill = (n: number, seed: number) => Float64Array.from({ length: n }, (_, i) => Math.sin(i * 12.9898 + seed) * 43758.5453 - Math.floor(Math.sin(i * 12.9898 + seed) * 43758.5453) - 0.5);

describe("dense products", () => {
  it.each([
    [1, 1, 1],
    [7, 3, 2],
    [8, 5, 1],
    [19, 4, 3],
    [33, 9, 4],
  ])("equal the naive in-order loops bit for bit (rows %i, cols %i, K %i)", (rows, cols, K) => {
    const X = fill(rows * cols, 1);
    const W = fill(K * cols, 2);
    const G = fill(rows * K, 3);
    const product = new Float64Array(rows * K);
    multiplyTransposed(X, rows, cols, W, K, product);
    const accumulated = fill(K * cols, 4);
    const start = accumulated.slice();
    accumulateTransposedProduct(X, rows, cols, G, K, accumulated);
    for (let i = 0; i < rows; i++) {
      for (let k = 0; k < K; k++) {
        let s = 0;
        for (let j = 0; j < cols; j++) s += X[i * cols + j] * W[k * cols + j];
        expect(product[i * K + k]).toBe(s);
      }
    }
    for (let k = 0; k < K; k++) {
      for (let j = 0; j < cols; j++) {
        let s = start[k * cols + j];
        for (let i = 0; i < rows; i++) s += G[i * K + k] * X[i * cols + j];
        expect(accumulated[k * cols + j]).toBe(s);
      }
    }
  });
});
