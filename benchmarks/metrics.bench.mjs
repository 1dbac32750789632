// Metrics against scikit-learn on the same values in the same run: ranking metrics and curves on
// 1e6 binary scores with ties, label metrics on 1e6 labels (numbers and "Yes"/"No" strings),
// multiclass ROC AUC on 200,000 x 5 probabilities, regression metrics on 1e6 targets.
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  Matrix,
  averagePrecisionScore,
  classificationReportText,
  confusionMatrix,
  f1Score,
  logLoss,
  matthewsCorrcoef,
  meanSquaredError,
  medianAbsoluteError,
  r2Score,
  rocAucScore,
  rocCurve,
} from "../dist/index.js";
import { alternatingRounds, MIN_TOTAL_MS, printRoundRatios, printTable, ROUNDS, roundsMedian, runPython, timeIt } from "./lib.mjs";

const REPEAT = 5;

function read(dir, name, Type) {
  const bytes = readFileSync(join(dir, `${name}.bin`));
  return new Type(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
}

export async function run() {
  const dir = mkdtempSync(join(tmpdir(), "tabkit-metrics-"));
  const values = runPython("metrics_reference.py", [dir, "write"]);
  const y = Array.from(read(dir, "y", Int32Array));
  const pred = Array.from(read(dir, "pred", Int32Array));
  const score = read(dir, "score", Float64Array);
  const weight = read(dir, "weight", Float64Array);
  const mcTrue = Array.from(read(dir, "mc_true", Int32Array));
  const mcProba = new Matrix(read(dir, "mc_proba", Float64Array), mcTrue.length, 5);
  const regTrue = read(dir, "reg_true", Float64Array);
  const regPred = read(dir, "reg_pred", Float64Array);
  const yStr = y.map((v) => (v === 1 ? "Yes" : "No"));
  const predStr = pred.map((v) => (v === 1 ? "Yes" : "No"));
  const cases = {
    roc_auc: ["rocAucScore, 1e6 scores with ties", () => rocAucScore(y, score)],
    roc_auc_weighted: ["rocAucScore weighted, 1e6", () => rocAucScore(y, score, { sampleWeight: weight })],
    average_precision: ["averagePrecisionScore, 1e6", () => averagePrecisionScore(y, score)],
    roc_curve: ["rocCurve, 1e6", () => rocCurve(y, score).fpr.length],
    log_loss: ["logLoss, 1e6", () => logLoss(y, score)],
    f1: ["f1Score, 1e6 labels", () => f1Score(y, pred)],
    f1_strings: ['f1Score, 1e6 "Yes"/"No" labels', () => f1Score(yStr, predStr, { posLabel: "Yes" })],
    confusion_matrix: ["confusionMatrix, 1e6", () => confusionMatrix(y, pred).get(1, 1)],
    report: ["classificationReportText, 1e6", () => classificationReportText(y, pred).length],
    mcc: ["matthewsCorrcoef, 1e6", () => matthewsCorrcoef(y, pred)],
    roc_auc_ovr: ["rocAucScore ovr, 200,000 x 5", () => rocAucScore(mcTrue, mcProba, { multiClass: "ovr" })],
    roc_auc_ovo: ["rocAucScore ovo, 200,000 x 5", () => rocAucScore(mcTrue, mcProba, { multiClass: "ovo" })],
    mse: ["meanSquaredError, 1e6", () => meanSquaredError(regTrue, regPred)],
    r2: ["r2Score, 1e6", () => r2Score(regTrue, regPred)],
    median_ae: ["medianAbsoluteError, 1e6", () => medianAbsoluteError(regTrue, regPred)],
  };
  let worst = 0;
  for (const [key, [, fn]] of Object.entries(cases)) {
    const expected = values[key];
    worst = Math.max(worst, Math.abs(fn() - expected) / Math.max(1, Math.abs(expected)));
  }
  const ourRound = async () => {
    const ours = {};
    for (const [key, [, fn]] of Object.entries(cases)) ours[key] = await timeIt(fn, { repeat: REPEAT, minTotalMs: MIN_TOTAL_MS });
    return ours;
  };
  const rounds = await alternatingRounds(ourRound, () => runPython("metrics_reference.py", [dir, "time", REPEAT, MIN_TOTAL_MS]));
  printTable(Object.entries(cases).map(([key, [label]]) => ({ case: label, tabkit: roundsMedian(rounds, "ours", key), reference: roundsMedian(rounds, "theirs", key) })));
  if (ROUNDS > 1) printRoundRatios(rounds);
  console.log(`largest relative difference of the metric values: ${worst.toExponential(2)}`);
}
