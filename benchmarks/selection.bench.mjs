// Resampling and model selection against imbalanced-learn / scikit-learn on the same data in
// the same run: SMOTE(k=10) on the 5100 x 91 bank-churn matrix and on 200,000 x 20 rows,
// splitters on 1e6 rows, crossValidate and GridSearchCV over LogisticRegression, and over the
// seed's 100-tree random forest on the bank-churn model matrix (8108 x 91 SMOTE-resampled training
// rows; test/fixtures/models/trees/bank-churn-forest.json) with one job and with two.
// TABKIT_BENCH_QUICK=1 shrinks those forests to 10 trees (a quick check; the table is for 100).
// TABKIT_BENCH_ONLY=text runs only the cases whose key contains the text (both sides): smote_bank,
// smote_big, tts, kfold, skf, cv_logreg, grid_logreg, and the forest cases together as "forest".
import { Buffer } from "node:buffer";
import { mkdtempSync, readFileSync } from "node:fs";
import { inflateSync } from "node:zlib";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { GridSearchCV, KFold, LogisticRegression, Matrix, RandomForestClassifier, SMOTE, StratifiedKFold, crossValidate, crossValidateAsync, trainTestSplit } from "../dist/index.js";
import { WorkerPool } from "../dist/node/index.js";
import { MIN_TOTAL_MS, printTable, runPython, timeIt } from "./lib.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const N_TREES = process.env.TABKIT_BENCH_QUICK === "1" ? 10 : 100;
const CV_FOLDS = 5;
// 3 folds, not 5: a 5-fold one-job search took scikit-learn 6.4 minutes on the shared 2-core VM
// while other jobs ran on it (load about 5); 3 folds took it 1.5 minutes on a quieter run
const GRID_FOLDS = 3;
// the same grid in selection_reference.py (snake_case); 20 candidates
const GRID = { maxDepth: [10, 20, null, 15, 25], minSamplesLeaf: [1, 5, 10, 20] };

const seedForest = (nJobs = 1) =>
  new RandomForestClassifier({ nEstimators: N_TREES, criterion: "gini", maxDepth: 20, minSamplesLeaf: 5, minSamplesSplit: 10, maxFeatures: "sqrt", classWeight: "balanced", randomState: 42, nJobs });

/** The bank-churn model matrix, as benchmarks/models.bench.mjs loads it (float32 fixture, widened). */
function churnModelMatrix() {
  const data = JSON.parse(readFileSync(join(root, "test", "fixtures", "models", "trees", "bank-churn-forest.json"), "utf8"));
  const bytes = inflateSync(Buffer.from(data.XTrain.$f32z, "base64"));
  const f32 = new Float32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
  return { X: new Matrix(Float64Array.from(f32), data.XTrain.shape[0], data.XTrain.shape[1]), y: data.yTrain };
}

/** Times `fn` like timeIt and keeps the value of its last call. */
async function timeKeep(fn, options) {
  let last;
  const ms = await timeIt(async () => (last = await fn()), options);
  return { ms, last };
}

const sameArray = (a, b) => a.length === b.length && a.every((v, i) => Object.is(v, b[i]));
const maxDiff = (a, b) => Math.max(...Array.from(a, (v, i) => Math.abs(v - b[i])));
const snakeParams = (p) => Object.fromEntries(Object.entries(p).map(([k, v]) => [k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`), v]));

async function forestCases(ref) {
  const { X, y } = churnModelMatrix();
  const pool = new WorkerPool(2);
  const forestLabel = `RandomForest ${N_TREES} trees, 8108 x 91`;
  const gridLabel = `GridSearchCV 20 candidates x ${GRID_FOLDS} folds, ${forestLabel}`;
  const grid = (nJobs) => new GridSearchCV({ estimator: seedForest(nJobs), paramGrid: GRID, cv: GRID_FOLDS, scoring: "roc_auc", nJobs });
  let cv1, cv2, grid1, grid2;
  try {
    cv1 = await timeKeep(() => crossValidate(seedForest(1), X, y, { cv: CV_FOLDS, scoring: "roc_auc", nJobs: 1 }), { repeat: 3, warmup: 0 });
    cv2 = await timeKeep(() => crossValidateAsync(seedForest(2), X, y, { cv: CV_FOLDS, scoring: "roc_auc", nJobs: 2, parallel: pool }), { repeat: 3, warmup: 0 });
    grid1 = await timeKeep(() => grid(1).fit(X, y), { repeat: 1, warmup: 0 });
    grid2 = await timeKeep(() => grid(2).fitAsync(X, y, { parallel: pool }), { repeat: 1, warmup: 0 });
  } finally {
    await pool.close();
  }
  const rows = [
    { case: `crossValidate roc_auc, ${CV_FOLDS} folds, ${forestLabel}, nJobs 1`, tabkit: cv1.ms, reference: ref.cv_forest_1 },
    { case: `crossValidate roc_auc, ${CV_FOLDS} folds, ${forestLabel}, nJobs 2`, tabkit: cv2.ms, reference: ref.cv_forest_2 },
    { case: `${gridLabel}, nJobs 1`, tabkit: grid1.ms, reference: ref.grid_forest_1 },
    { case: `${gridLabel}, nJobs 2`, tabkit: grid2.ms, reference: ref.grid_forest_2 },
  ];
  const agreement = [];
  for (const [name, ours] of [["nJobs 1", cv1.last], ["nJobs 2", cv2.last]]) {
    const theirs = ref.cv_forest_scores[name];
    agreement.push({ what: `crossValidate test scores (${name})`, ok: sameArray(ours.test_score, theirs), detail: `max |diff| ${maxDiff(ours.test_score, theirs).toExponential(2)}` });
  }
  for (const [name, ours] of [["nJobs 1", grid1.last], ["nJobs 2", grid2.last]]) {
    const theirs = ref.grid_forest_results[name];
    const means = ours.cvResults.mean_test_score;
    agreement.push({ what: `GridSearchCV mean test scores (${name})`, ok: sameArray(means, theirs.mean_test_score), detail: `max |diff| ${maxDiff(means, theirs.mean_test_score).toExponential(2)}` });
    const best = snakeParams(ours.bestParams);
    agreement.push({ what: `GridSearchCV bestParams (${name})`, ok: JSON.stringify(best) === JSON.stringify(theirs.best_params), detail: `tabkit ${JSON.stringify(best)}, scikit-learn ${JSON.stringify(theirs.best_params)}` });
  }
  return { rows, agreement };
}

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
  const only = process.env.TABKIT_BENCH_ONLY ?? "";
  const ref = runPython("selection_reference.py", [dir, N_TREES, CV_FOLDS, GRID_FOLDS, MIN_TOTAL_MS, only]);
  const bank = bankChurn();
  const big = readBinary(dir);
  const n = 1_000_000;
  const ySplit = Array.from({ length: n }, (_, i) => (i % 7 === 0 ? 1 : 0));
  // keyed like the cases of selection_reference.py
  const cases = [
    { key: "smote_bank", case: "SMOTE k=10, 5100 x 91 (bank churn)", run: () => new SMOTE({ kNeighbors: 10, randomState: 32 }).fitResample(bank.X, bank.y) },
    { key: "smote_big", case: "SMOTE k=10, 200,000 x 20", run: () => new SMOTE({ kNeighbors: 10, randomState: 32 }).fitResample(big.X, big.y), options: { repeat: 3 } },
    { key: "tts", case: "trainTestSplit stratified, 1e6 rows", run: () => trainTestSplit(n, { stratify: ySplit, testSize: 0.15, randomState: 42 }) },
    { key: "kfold", case: "KFold(5, shuffle) all splits, 1e6 rows", run: () => [...new KFold({ nSplits: 5, shuffle: true, randomState: 0 }).split(n)] },
    { key: "skf", case: "StratifiedKFold(5, shuffle), 1e6 rows", run: () => [...new StratifiedKFold({ nSplits: 5, shuffle: true, randomState: 0 }).split(n, ySplit)] },
    { key: "cv_logreg", case: "crossValidate LogisticRegression, 5 folds, bank churn", run: () => crossValidate(new LogisticRegression(), bank.X, bank.y, { cv: 5, scoring: "f1" }), options: { repeat: 3 } },
    { key: "grid_logreg", case: "GridSearchCV LogisticRegression C x3, 3 folds", run: () => new GridSearchCV({ estimator: new LogisticRegression(), paramGrid: { C: [0.1, 1, 10] }, cv: 3, scoring: "f1" }).fit(bank.X, bank.y), options: { repeat: 3 } },
  ];
  const rows = [];
  for (const c of cases.filter(({ key }) => key.includes(only))) rows.push({ case: c.case, tabkit: await timeIt(c.run, { ...c.options, minTotalMs: MIN_TOTAL_MS }), reference: ref[c.key] });
  const forests = "forest".includes(only) ? await forestCases(ref) : { rows: [], agreement: [] };
  rows.push(...forests.rows);
  printTable(rows, { referenceName: "imbalanced-learn / scikit-learn" });
  if (forests.agreement.length === 0) return;
  const failed = forests.agreement.filter((a) => !a.ok);
  console.log(`\nagreement with scikit-learn (identical forests for a seed): ${failed.length === 0 ? "all identical" : `${failed.length} of ${forests.agreement.length} differ`}`);
  for (const a of forests.agreement) console.log(`  ${a.ok ? "same" : "DIFFERENT"}: ${a.what}; ${a.detail}`);
}
