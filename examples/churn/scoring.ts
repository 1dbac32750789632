// What the churn project reports about a model: weighted F1/F2/precision/recall and ROC AUC with a
// verbal rating, and a risk band per customer.
import { isTabkitError } from "tabkit";
import type { ColumnTransformer, Pipeline } from "tabkit/compose";
import { f1Score, fbetaScore, precisionScore, rateScore, recallScore, rocAucScore, type ScoreRating } from "tabkit/metrics";
import type { MinMaxScaler, OneHotEncoder, TargetEncoder } from "tabkit/preprocessing";
import { FEATURES } from "./churn-pipeline.js";
import { withoutRows, type CustomerBatch, type CustomerSchema } from "./customers.js";

export interface ChurnMetrics {
  f1: number;
  f2: number;
  precision: number;
  recall: number;
  rocAuc: number;
}

export const METRIC_LABELS: Record<keyof ChurnMetrics, string> = {
  f1: "F1 (weighted)",
  f2: "F2 (weighted)",
  precision: "precision (weighted)",
  recall: "recall (weighted)",
  rocAuc: "ROC AUC",
};

export function churnMetrics(labels: readonly number[], predicted: readonly number[], probability: Float64Array): ChurnMetrics {
  return {
    f1: f1Score(labels, predicted, { average: "weighted" }),
    f2: fbetaScore(labels, predicted, { beta: 2, average: "weighted" }),
    precision: precisionScore(labels, predicted, { average: "weighted" }),
    recall: recallScore(labels, predicted, { average: "weighted" }),
    rocAuc: rocAucScore(labels, probability),
  };
}

export function ratedRows(metrics: ChurnMetrics): { metric: string; value: number; rating: ScoreRating }[] {
  return (Object.keys(METRIC_LABELS) as (keyof ChurnMetrics)[]).map((key) => ({ metric: METRIC_LABELS[key], value: metrics[key], rating: rateScore(metrics[key]) }));
}

export type RiskBand = "very high" | "high" | "moderate" | "low";

export function riskBand(probability: number): RiskBand {
  if (probability > 0.9) return "very high";
  if (probability > 0.7) return "high";
  if (probability > 0.5) return "moderate";
  return "low";
}

/** The churn probability of each row (column of class 1). */
export function churnProbability(pipeline: Pipeline, X: Parameters<Pipeline["predictProba"]>[0]): Float64Array {
  const proba = pipeline.predictProba(X);
  return proba.column(pipeline.classes.indexOf(1));
}

/** The categories a fitted churn pipeline knows, for checking new customer files. */
export function schemaOf(pipeline: Pipeline): CustomerSchema {
  const encoding = pipeline.step<ColumnTransformer>("encoding");
  const oneHot = encoding.transformer<OneHotEncoder>("categorical");
  const target = encoding.transformer<TargetEncoder>("ordinal");
  return {
    categories: Object.fromEntries(oneHot.featureNamesIn.map((name, j) => [name, oneHot.categories[j].map(String)])),
    ordinalValues: Object.fromEntries(target.featureNamesIn.map((name, j) => [name, target.categories[j].map(Number)])),
  };
}

/** The range of each column a fitted MinMaxScaler saw (the training ranges saved beside a model). */
export function rangesOf(scaler: MinMaxScaler): Record<string, [number, number]> {
  const [min, max] = [scaler.dataMin, scaler.dataMax];
  return Object.fromEntries(scaler.featureNamesIn.map((name, j) => [name, [min[j], max[j]]]));
}

/**
 * Scores a batch. A row the pipeline refuses (a DataError naming the row, e.g. a value that grows
 * too large for the forest's float32 thresholds) becomes an error on its line and is set aside,
 * and the other rows are scored again.
 */
export function scoreCustomers(pipeline: Pipeline, batch: CustomerBatch): { batch: CustomerBatch; probability: Float64Array; predicted: number[] } {
  for (;;) {
    if (batch.ids.length === 0) return { batch, probability: new Float64Array(0), predicted: [] };
    try {
      return { batch, probability: churnProbability(pipeline, batch.features), predicted: pipeline.predict(batch.features) as number[] };
    } catch (error) {
      if (!isTabkitError(error, "DATA_ERROR") || error.row === undefined || error.row >= batch.ids.length) throw error;
      const row = error.row;
      // The error names the pipeline's internal column ("numerical__escore_credito"): report the file's.
      const columns = FEATURES.filter((name) => error.column?.includes(name));
      const value = columns.length === 1 ? String(batch.features.row(row)[columns[0]]) : "";
      const reason = error.message.replace(/ \((column|row) [^)]*\)$/, "").replace(/^.*: /, "");
      const problem = { line: batch.lines[row], id: batch.ids[row], column: columns.join(", ") || null, value, severity: "error" as const, message: `the model cannot score it: ${reason}` };
      batch = { ...withoutRows(batch, new Set([row])), problems: [...batch.problems, problem].sort((a, b) => (a.line ?? 0) - (b.line ?? 0)) };
    }
  }
}
