// What the churn project reports about a model: weighted F1/F2/precision/recall and ROC AUC with a
// verbal rating, and a risk band per customer.
import { Frame, isTabkitError, type Matrix } from "tabkit";
import type { ColumnTransformer, Pipeline } from "tabkit/compose";
import type { TunedThresholdClassifierCV } from "tabkit/selection";
import { f1Score, fbetaScore, precisionScore, rateScore, recallScore, rocAucScore, type ScoreRating } from "tabkit/metrics";
import type { MinMaxScaler, OneHotEncoder, PolynomialFeatures, TargetEncoder } from "tabkit/preprocessing";
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
 * Scores a batch. Rows the model cannot score (a value that grows too large for the forest's
 * float32 thresholds once transformed) become errors on their line and are set aside first. The
 * transforms and the forest, the slow part, each run once.
 */
export function scoreCustomers<Label extends number | null>(pipeline: Pipeline, batch: CustomerBatch<Label>): { batch: CustomerBatch<Label>; probability: Float64Array; predicted: number[] } {
  const scorable = setAsideUnscorable(pipeline, batch);
  if (scorable.batch.ids.length === 0) return { batch: scorable.batch, probability: new Float64Array(0), predicted: [] };
  return { batch: scorable.batch, ...scoresOf(pipeline, scorable.transformed) };
}

/** The batch without the rows the model cannot score (each an error on its line), and the forest's input for the rest. */
export function setAsideUnscorable<Label extends number | null>(pipeline: Pipeline, batch: CustomerBatch<Label>): { batch: CustomerBatch<Label>; transformed: Matrix } {
  const { refused, transformed } = transformScorable(pipeline, batch.features);
  const problems = [...refused].map(([row, refusal]) => {
    // The model names its internal columns ("numerical__escore_credito"): report the file's.
    const columns = FEATURES.filter((name) => refusal.column.includes(name));
    const value = columns.length === 1 ? String(batch.features.row(row)[columns[0]]) : "";
    return { line: batch.lines[row], id: batch.ids[row], column: columns.join(", ") || null, value, severity: "error" as const, message: `the model cannot score it: ${refusal.reason}` };
  });
  return { batch: { ...withoutRows(batch, new Set(refused.keys())), problems: [...batch.problems, ...problems].sort((a, b) => (a.line ?? 0) - (b.line ?? 0)) }, transformed };
}

/**
 * The churn probability and predicted label of every row of X, with the transforms and the forest
 * run once (the pipeline's `predictProba` and `predict` would each run both).
 */
export function churnScores(pipeline: Pipeline, X: Frame): { probability: Float64Array; predicted: number[] } {
  return scoresOf(pipeline, forestInput(pipeline, X));
}

/** The tuned model's probabilities for transformed rows, and its labels derived from them as its `predict` derives them (class 1 from the tuned threshold up). */
function scoresOf(pipeline: Pipeline, transformed: Frame | Matrix): { probability: Float64Array; predicted: number[] } {
  const model = pipeline.step<TunedThresholdClassifierCV>("model");
  const probability = model.predictProba(transformed).column(model.classes.indexOf(1));
  const threshold = model.bestThreshold;
  return { probability, predicted: Array.from(probability, (p) => (p >= threshold ? 1 : 0)) };
}

/** The steps that turn customers into the forest's input (SMOTE only resamples while fitting). */
const TRANSFORMS = ["imputation", "encoding", "interactions"];

function forestInput(pipeline: Pipeline, X: Frame): Frame | Matrix {
  let input: Frame | Matrix = X;
  for (const name of TRANSFORMS) input = pipeline.step<ColumnTransformer | PolynomialFeatures>(name).transform(input);
  return input;
}

/**
 * The rows of X the forest would refuse, found by running the transforms and looking for inputs
 * beyond float32's range, and the forest's input for the other rows. A row a transform itself
 * refuses (a power transform overflowing, e.g. 1e300) is set aside and the transforms rerun.
 */
function transformScorable(pipeline: Pipeline, X: Frame): { refused: Map<number, { column: string; reason: string }>; transformed: Matrix } {
  const refused = new Map<number, { column: string; reason: string }>();
  for (;;) {
    const rows = [...Array(X.nRows).keys()].filter((row) => !refused.has(row));
    let input: Frame | Matrix;
    try {
      input = forestInput(pipeline, refused.size === 0 ? X : X.takeRows(rows));
    } catch (error) {
      if (!isTabkitError(error, "DATA_ERROR") || error.row === undefined || error.row >= rows.length) throw error;
      refused.set(rows[error.row], { column: error.column ?? "", reason: error.message.replace(/ \((column|row) [^)]*\)$/, "").replace(/^.*: /, "").replace(/ at row \d+/, "") });
      continue;
    }
    const matrix = input instanceof Frame ? input.toMatrix() : input;
    const kept: number[] = [];
    rows.forEach((row, i) => {
      const j = matrix.row(i).findIndex((value) => Math.abs(Math.fround(value)) === Infinity);
      if (j >= 0) refused.set(row, { column: matrix.names()[j], reason: `value ${matrix.get(i, j)} is too large for float32, which trees compute in` });
      else kept.push(i);
    });
    return { refused, transformed: kept.length === rows.length ? matrix : matrix.takeRows(kept) };
  }
}
