import { DataError, type ErrorSite } from "../../core/errors.js";
import { checkFeatures, toMatrix, type FeatureSchema, type MatrixInput } from "../../core/input.js";
import type { Matrix } from "../../core/matrix.js";
import { checkFloat32Range } from "./tree-data.js";

/** A prediction input for a fitted tree model: NaN allowed, same columns as at fit, float32 range. */
export function predictionMatrix(X: MatrixInput, schema: FeatureSchema, site: ErrorSite): Matrix {
  const matrix = toMatrix(X, site, { allowNaN: true });
  checkFeatures(schema, matrix.names(), site);
  checkFloat32Range(matrix, site);
  return matrix;
}

/** Refuses fits that scikit-learn would turn into a single leaf or reject later. */
export function checkTrainingSize(rows: number, minSamplesSplit: number, weights: Float64Array | undefined, site: ErrorSite): void {
  if (Number.isInteger(minSamplesSplit) && rows < minSamplesSplit) {
    throw DataError.at(site, `X has ${rows} row(s), fewer than minSamplesSplit = ${minSamplesSplit}; no split is possible (lower minSamplesSplit or add rows)`);
  }
  if (weights !== undefined && !weights.some((w) => w > 0)) throw DataError.at(site, "sampleWeight must contain at least one positive weight");
}

/** Parses a fit's X with NaN allowed (trees route missing values). */
export function trainingMatrix(X: MatrixInput, site: ErrorSite): Matrix {
  return toMatrix(X, site, { allowNaN: true });
}
