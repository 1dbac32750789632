// Resampling and model selection against imbalanced-learn / scikit-learn on the same data in
// the same run: SMOTE(k=10) on the 5100 x 91 bank-churn matrix and on 200,000 x 20 rows,
// splitters on 1e6 rows, crossValidate and GridSearchCV over LogisticRegression.
import { Buffer } from "node:buffer";
import { mkdtempSync, readFileSync } from "node:fs";
import { inflateSync } from "node:zlib";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { GridSearchCV, KFold, LogisticRegression, Matrix, SMOTE, StratifiedKFold, crossValidate, trainTestSplit } from "../dist/index.js";
import { printTable, runPython, timeIt } from "./lib.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");

function bankChurn() {
  const fx = JSON.parse(readFileSync(join(root, "test", "fixtures", "sampling", "smote-bank-churn.json"), "utf8"));
  const bytes = inflateSync(Buffer.from(fx.base, "base64"));
  const base = new Float64Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
  const c = fx.baseCols;
  const width = c + (c * (c - 1)) / 2;
  const data = new Float64Array(fx.rows * width);
  for (let r = 0; r < fx.rows; r++) {
    let o = r * width;
    for (let j = 0; j < c; j++) data[o++] = base[r * c + j];
    for (let i = 0; i < c; i++) for (let j = i + 1; j < c; j++) data[o++] = base[r * c + i] * base[r * c + j];
  }
  return { X: new Matrix(data, fx.rows, width), y: fx.y };
}

function readBinary(dir) {
  const xb = readFileSync(join(dir, "big_X.f64"));
  const yb = readFileSync(join(dir, "big_y.i32"));
  const data = new Float64Array(xb.buffer.slice(xb.byteOffset, xb.byteOffset + xb.byteLength));
  const labels = Array.from(new Int32Array(yb.buffer.slice(yb.byteOffset, yb.byteOffset + yb.byteLength)));
  return { X: new Matrix(data, labels.length, 20), y: labels };
}

export async function run() {
  const dir = mkdtempSync(join(tmpdir(), "tabkit-selection-"));
  const ref = runPython("selection_reference.py", [dir]);
  const bank = bankChurn();
  const big = readBinary(dir);
  const n = 1_000_000;
  const ySplit = Array.from({ length: n }, (_, i) => (i % 7 === 0 ? 1 : 0));
  const rows = [
    { case: "SMOTE k=10, 5100 x 91 (bank churn)", tabkit: await timeIt(() => new SMOTE({ kNeighbors: 10, randomState: 32 }).fitResample(bank.X, bank.y)), reference: ref.smote_bank },
    { case: "SMOTE k=10, 200,000 x 20", tabkit: await timeIt(() => new SMOTE({ kNeighbors: 10, randomState: 32 }).fitResample(big.X, big.y), { repeat: 3 }), reference: ref.smote_big },
    { case: "trainTestSplit stratified, 1e6 rows", tabkit: await timeIt(() => trainTestSplit(n, { stratify: ySplit, testSize: 0.15, randomState: 42 })), reference: ref.tts },
    { case: "KFold(5, shuffle) all splits, 1e6 rows", tabkit: await timeIt(() => [...new KFold({ nSplits: 5, shuffle: true, randomState: 0 }).split(n)]), reference: ref.kfold },
    { case: "StratifiedKFold(5, shuffle), 1e6 rows", tabkit: await timeIt(() => [...new StratifiedKFold({ nSplits: 5, shuffle: true, randomState: 0 }).split(n, ySplit)]), reference: ref.skf },
    { case: "crossValidate LogisticRegression, 5 folds, bank churn", tabkit: await timeIt(() => crossValidate(new LogisticRegression(), bank.X, bank.y, { cv: 5, scoring: "f1" }), { repeat: 3 }), reference: ref.cv_logreg },
    { case: "GridSearchCV LogisticRegression C x3, 3 folds", tabkit: await timeIt(() => new GridSearchCV({ estimator: new LogisticRegression(), paramGrid: { C: [0.1, 1, 10] }, cv: 3, scoring: "f1" }).fit(bank.X, bank.y), { repeat: 3 }), reference: ref.grid_logreg },
  ];
  printTable(rows, { referenceName: "imbalanced-learn / scikit-learn" });
}
