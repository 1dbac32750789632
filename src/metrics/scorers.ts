import { accuracyScore } from "./accuracy-score.js";
import { averagePrecisionScore } from "./average-precision-score.js";
import { balancedAccuracyScore } from "./balanced-accuracy-score.js";
import { brierScoreLoss } from "./brier-score-loss.js";
import { explainedVarianceScore } from "./explained-variance-score.js";
import { f1Score } from "./f1-score.js";
import { logLoss } from "./log-loss.js";
import { makeScorer, type Scorer } from "./make-scorer.js";
import { matthewsCorrcoef } from "./matthews-corrcoef.js";
import { maxError } from "./max-error.js";
import { meanAbsoluteError } from "./mean-absolute-error.js";
import { meanAbsolutePercentageError } from "./mean-absolute-percentage-error.js";
import { meanSquaredError } from "./mean-squared-error.js";
import { medianAbsoluteError } from "./median-absolute-error.js";
import { optionError } from "./metric-input.js";
import { precisionScore } from "./precision-score.js";
import { r2Score } from "./r2-score.js";
import { recallScore } from "./recall-score.js";
import { rocAucScore } from "./roc-auc-score.js";
import { rootMeanSquaredError } from "./root-mean-squared-error.js";

/** scikit-learn's scorer table (`sklearn.metrics.get_scorer`), for the metrics tabkit has. Built on demand: nothing runs on import. */
function scorerTable(): Map<string, Scorer> {
  const scores = ["decisionFunction", "predictProba"] as const;
  const table = new Map<string, Scorer>([
    ["explained_variance", makeScorer(explainedVarianceScore)],
    ["r2", makeScorer(r2Score)],
    ["neg_max_error", makeScorer(maxError, { greaterIsBetter: false })],
    ["neg_median_absolute_error", makeScorer(medianAbsoluteError, { greaterIsBetter: false })],
    ["neg_mean_absolute_error", makeScorer(meanAbsoluteError, { greaterIsBetter: false })],
    ["neg_mean_absolute_percentage_error", makeScorer(meanAbsolutePercentageError, { greaterIsBetter: false })],
    ["neg_mean_squared_error", makeScorer(meanSquaredError, { greaterIsBetter: false })],
    ["neg_root_mean_squared_error", makeScorer(rootMeanSquaredError, { greaterIsBetter: false })],
    ["accuracy", makeScorer(accuracyScore)],
    ["balanced_accuracy", makeScorer(balancedAccuracyScore)],
    ["matthews_corrcoef", makeScorer(matthewsCorrcoef)],
    ["roc_auc", makeScorer(rocAucScore, { responseMethod: scores })],
    ["roc_auc_ovr", makeScorer(rocAucScore, { responseMethod: "predictProba", multiClass: "ovr" })],
    ["roc_auc_ovo", makeScorer(rocAucScore, { responseMethod: "predictProba", multiClass: "ovo" })],
    ["roc_auc_ovr_weighted", makeScorer(rocAucScore, { responseMethod: "predictProba", multiClass: "ovr", average: "weighted" })],
    ["roc_auc_ovo_weighted", makeScorer(rocAucScore, { responseMethod: "predictProba", multiClass: "ovo", average: "weighted" })],
    ["average_precision", makeScorer(averagePrecisionScore, { responseMethod: scores })],
    ["neg_log_loss", makeScorer(logLoss, { greaterIsBetter: false, responseMethod: "predictProba" })],
    ["neg_brier_score", makeScorer(brierScoreLoss, { greaterIsBetter: false, responseMethod: "predictProba" })],
  ]);
  for (const [name, metric] of [
    ["precision", precisionScore],
    ["recall", recallScore],
    ["f1", f1Score],
  ] as const) {
    table.set(name, makeScorer(metric, { average: "binary" }));
    for (const average of ["macro", "micro", "weighted"] as const) table.set(`${name}_${average}`, makeScorer(metric, { posLabel: null, average }));
  }
  return table;
}

/** The names `getScorer` accepts, sorted. */
export function getScorerNames(): string[] {
  return [...scorerTable().keys()].sort();
}

/** A scorer by its scikit-learn name ("roc_auc", "f1_weighted", "neg_log_loss", ...); a scorer function is returned as is. */
export function getScorer(scoring: string | Scorer): Scorer {
  if (typeof scoring === "function") return scoring;
  const scorer = scorerTable().get(scoring);
  if (scorer === undefined) {
    throw optionError("getScorer", "scoring", `${JSON.stringify(scoring)} is not a valid scoring value; valid names: ${getScorerNames().join(", ")}`);
  }
  return scorer;
}
