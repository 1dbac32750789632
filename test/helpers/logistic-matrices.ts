import type { Label } from "../../src/core/labels.js";
import { Matrix } from "../../src/core/matrix.js";
import type { LogisticRegressionParams } from "../../src/models/logistic-regression.js";
import { readFixture } from "./fixtures.js";

/** scikit-learn LogisticRegression params as parity/gen_logistic.py records them. */
export interface SklearnLogisticParams {
  C?: number;
  class_weight?: "balanced" | Record<string, number>;
  max_iter?: number;
  fit_intercept?: boolean;
  tol?: number;
}

export function paramsOf(p: SklearnLogisticParams): Partial<LogisticRegressionParams> {
  return { C: p.C, classWeight: p.class_weight, maxIter: p.max_iter, fitIntercept: p.fit_intercept, tol: p.tol };
}

const telco = readFixture<{ X: number[][]; y: string[] }>("models/logistic/telco-matrix.json");
const bank = readFixture<{ X: number[][]; y: number[]; products: number[]; productsColumns: number[] }>("models/logistic/bank-matrix.json");
const multi = readFixture<{ X: number[][]; y: string[] }>("models/logistic/multi3-matrix.json");

/** The prepared matrices of parity/gen_logistic.py, by name. */
export const matrices: Record<string, { X: Matrix; y: Label[] }> = {
  telco: { X: Matrix.from2D(telco.X), y: telco.y },
  bank: { X: Matrix.from2D(bank.X), y: bank.y },
  bank_products: { X: Matrix.from2D(bank.X.map((row) => bank.productsColumns.map((j) => row[j]))), y: bank.products },
  multi3: { X: Matrix.from2D(multi.X), y: multi.y },
};

/** The fixtures' deterministic sample weights: 0.25 + (i * 7 % 11) / 4. */
export const weightsFor = (n: number): Float64Array => Float64Array.from({ length: n }, (_, i) => 0.25 + ((i * 7) % 11) / 4);

/** The first n rows of X (a copy). */
export const firstRows = (X: Matrix, n: number): Matrix => new Matrix(X.data.slice(0, n * X.cols), n, X.cols);
