// What the churn project reports about a model: weighted F1/F2/precision/recall and ROC AUC with a
// verbal rating, and a risk band per customer.
import type { ColumnTransformer, Pipeline } from "tabkit/compose";
import { f1Score, fbetaScore, precisionScore, rateScore, recallScore, rocAucScore, type ScoreRating } from "tabkit/metrics";
import type { OneHotEncoder, TargetEncoder } from "tabkit/preprocessing";
import type { CustomerSchema } from "./customers.js";

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
