import * as metrics from "../../src/metrics/index.js";

// scikit-learn function -> tabkit function (classification_report splits by output_dict).
const TWINS: Record<string, (...args: never[]) => unknown> = {
  accuracy_score: metrics.accuracyScore,
  balanced_accuracy_score: metrics.balancedAccuracyScore,
  matthews_corrcoef: metrics.matthewsCorrcoef,
  confusion_matrix: metrics.confusionMatrix,
  precision_score: metrics.precisionScore,
  recall_score: metrics.recallScore,
  f1_score: metrics.f1Score,
  fbeta_score: metrics.fbetaScore,
  precision_recall_fscore_support: metrics.precisionRecallFscoreSupport,
  roc_curve: metrics.rocCurve,
  precision_recall_curve: metrics.precisionRecallCurve,
  confusion_matrix_at_thresholds: metrics.confusionMatrixAtThresholds,
  roc_auc_score: metrics.rocAucScore,
  average_precision_score: metrics.averagePrecisionScore,
  log_loss: metrics.logLoss,
  brier_score_loss: metrics.brierScoreLoss,
  mean_absolute_error: metrics.meanAbsoluteError,
  mean_squared_error: metrics.meanSquaredError,
  root_mean_squared_error: metrics.rootMeanSquaredError,
  mean_absolute_percentage_error: metrics.meanAbsolutePercentageError,
  median_absolute_error: metrics.medianAbsoluteError,
  r2_score: metrics.r2Score,
  explained_variance_score: metrics.explainedVarianceScore,
  max_error: metrics.maxError,
};

/**
 * Calls tabkit's twin of the scikit-learn metric `fn` with scikit-learn's positional `args` and
 * keyword `kwargs` (snake_case keys become camelCase options), `onWarning` passed to every metric
 * that takes warnings.
 */
export function callMetricTwin(fn: string, args: readonly unknown[], kwargs: Readonly<Record<string, unknown>>, onWarning: (message: string) => void): unknown {
  const options: Record<string, unknown> = fn === "max_error" ? {} : { onWarning };
  for (const [key, value] of Object.entries(kwargs)) if (key !== "output_dict") options[key.replace(/_([a-z])/g, (_, ch: string) => ch.toUpperCase())] = value;
  let twin = TWINS[fn];
  if (fn === "classification_report") twin = kwargs.output_dict === true ? metrics.classificationReport : metrics.classificationReportText;
  return (twin as (...a: unknown[]) => unknown)(...args, options);
}
