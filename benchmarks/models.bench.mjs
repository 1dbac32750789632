// Random forests against scikit-learn on the bank-churn model matrix (8108 x 91 SMOTE-resampled
// training rows, 900 x 91 test rows; test/fixtures/models/trees/bank-churn-forest.json) with the
// seed's params, and against ml-random-forest (the JavaScript peer; a devDependency).
// TABKIT_BENCH_TREES sets the forest size (default 1000, as the seed pipeline's grid allows),
// TABKIT_BENCH_ROUNDS the rounds of fits (default 3; see lib.mjs).
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { Buffer } from "node:buffer";
import { inflateSync } from "node:zlib";
import { Matrix, RandomForestClassifier, rocAucScore } from "../dist/index.js";
import { WorkerPool } from "../dist/node/index.js";
import { alternatingRounds, peakResidentBytes, printRoundRatios, printTable, ROUNDS, roundsMedian, runPython, timeIt } from "./lib.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const N_TREES = Number(process.env.TABKIT_BENCH_TREES ?? 1000);
const PEER_TREES = 100;

function load() {
  const data = JSON.parse(readFileSync(join(here, "..", "test", "fixtures", "models", "trees", "bank-churn-forest.json"), "utf8"));
  const matrix = (block) => {
    const bytes = inflateSync(Buffer.from(block.$f32z, "base64"));
    const f32 = new Float32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
    return new Matrix(Float64Array.from(f32), block.shape[0], block.shape[1]);
  };
  return { X: matrix(data.XTrain), y: data.yTrain, XTest: matrix(data.XTest), yTest: data.yTest };
}

const seedForest = (nEstimators, nJobs = 1) =>
  new RandomForestClassifier({ nEstimators, criterion: "gini", maxDepth: 20, minSamplesLeaf: 5, minSamplesSplit: 10, maxFeatures: "sqrt", classWeight: "balanced", randomState: 42, nJobs });

/** Peak resident memory of a fresh process that loads the data and fits one forest. */
function peakMemory() {
  const out = execFileSync(process.execPath, [fileURLToPath(import.meta.url), "--memory", String(N_TREES)], { encoding: "utf8", maxBuffer: 1 << 24 });
  return JSON.parse(out.trim().split("\n").pop()).peakBytes;
}

async function peer(X, y, XTest, yTest) {
  let RF;
  try {
    ({ RandomForestClassifier: RF } = await import("ml-random-forest"));
  } catch {
    return undefined;
  }
  const rows = X.to2D();
  const options = (n) => ({ nEstimators: n, maxFeatures: Math.floor(Math.sqrt(X.cols)), replacement: true, useSampleBagging: true, noOOB: true, seed: 42, treeOptions: { maxDepth: 20, minNumSamples: 10 } });
  // time a few trees first; extrapolate when the full forest would take too long
  const probeTrees = 5;
  const t0 = performance.now();
  new RF(options(probeTrees)).train(rows, y);
  const probe = performance.now() - t0;
  const perTree = probe / probeTrees;
  const trees = perTree * PEER_TREES > 120_000 ? Math.max(probeTrees, Math.floor(120_000 / perTree)) : PEER_TREES;
  const t1 = performance.now();
  const model = new RF(options(trees));
  model.train(rows, y);
  const fitMs = ((performance.now() - t1) / trees) * PEER_TREES;
  const auc = rocAucScore(yTest, model.predictProbability(XTest.to2D(), 1));
  return { fitMs, auc, trees };
}

/**
 * One round of tabkit's fits: one thread, then two workers on fresh pools (threads, then
 * processes, each started before the first fit so that its workers have loaded the library, as a
 * long-lived program's would) and a second fit on each pool. Returns the times and the last
 * one-thread model.
 */
async function ourFits(X, y) {
  const threads = new WorkerPool(2);
  const processes = new WorkerPool(2, { kind: "processes" });
  let model;
  const fits = {};
  fits[`fit ${N_TREES} trees, nJobs 1`] = await timeIt(() => (model = seedForest(N_TREES).fit(X, y)), { repeat: 1, warmup: 0 });
  // a fresh pool's workers have not compiled the tree code yet; a long-lived pool's second fit shows the steady state
  for (const [pool, label] of [[threads, ""], [processes, ", worker processes"]]) {
    fits[`fit ${N_TREES} trees, nJobs 2${label}`] = await timeIt(() => seedForest(N_TREES, 2).fitAsync(X, y, { parallel: pool }), { repeat: 1, warmup: 0 });
    fits[`fit ${N_TREES} trees, nJobs 2${label}, second fit`] = await timeIt(() => seedForest(N_TREES, 2).fitAsync(X, y, { parallel: pool }), { repeat: 1, warmup: 0 });
    await pool.close();
  }
  return { fits, model };
}

export async function run() {
  const { X, y, XTest, yTest } = load();
  // The fits alternate between the two sides, round by round, so that a drift of the machine's
  // speed reaches both; each fit case reports its median over the rounds.
  let model;
  let reference;
  const ourRound = async () => {
    const ours = await ourFits(X, y);
    model = ours.model;
    return ours.fits;
  };
  const theirRound = (r) => {
    const theirs = runPython("models_reference.py", r === 0 ? [N_TREES] : [N_TREES, "fits"]);
    if (r === 0) reference = { ...theirs };
    return theirs;
  };
  const rounds = await alternatingRounds(ourRound, theirRound);
  const ours = {};
  for (const name of Object.keys(rounds[0].ours)) ours[name] = roundsMedian(rounds, "ours", name);
  for (const name of Object.keys(rounds[0].theirs).filter((k) => k.startsWith("fit "))) reference[name] = roundsMedian(rounds, "theirs", name);
  const one = new Matrix(XTest.data.slice(0, X.cols), 1, X.cols);
  ours["predictProba 1 row"] = await timeIt(() => model.predictProba(one), { repeat: 200, warmup: 20 });
  ours["predictProba 900 rows"] = await timeIt(() => model.predictProba(XTest), { repeat: 5 });
  const savedBytes = JSON.stringify(model.toJSON()).length;
  const auc = rocAucScore(yTest, model.predictProba(XTest).column(1));
  const memory = { tabkit: peakMemory(), reference: runPython("models_reference.py", [N_TREES, "memory"]).peakBytes };
  const rows = Object.entries(ours).map(([name, ms]) => ({ case: name, tabkit: ms, reference: reference[name.replace(", worker processes", "")] }));
  rows.push({ case: "saved model size (JSON vs pickle)", tabkit: savedBytes / 2 ** 20, reference: reference.savedBytes / 2 ** 20, unit: "MiB" });
  rows.push({ case: "peak memory of a process fitting (nJobs 1)", tabkit: memory.tabkit / 2 ** 20, reference: memory.reference / 2 ** 20, unit: "MiB" });
  printTable(rows);
  if (ROUNDS > 1) printRoundRatios(rounds, (name) => name.replace(", worker processes", ""));
  console.log(`\ntest AUC: tabkit ${auc.toFixed(6)}, scikit-learn ${reference.auc.toFixed(6)} (identical forests give identical AUCs)`);
  const p = await peer(X, y, XTest, yTest);
  if (p === undefined) console.log("ml-random-forest is not installed (run npm ci: it is a devDependency): peer comparison skipped");
  else {
    const ourPeer = await timeIt(() => seedForest(PEER_TREES).fit(X, y), { repeat: 1, warmup: 0 });
    console.log("");
    printTable([{ case: `fit ${PEER_TREES} trees${p.trees < PEER_TREES ? ` (extrapolated from ${p.trees})` : ""}`, tabkit: ourPeer, reference: p.fitMs }], { referenceName: "ml-random-forest" });
    console.log(`test AUC: tabkit ${auc.toFixed(4)} (${N_TREES} trees), ml-random-forest ${p.auc.toFixed(4)} (${p.trees} trees; it draws features per tree, not per split)`);
  }
}

// `node models.bench.mjs --memory N`: the child process of peakMemory()
if (process.argv[2] === "--memory") {
  const { X, y } = load();
  seedForest(Number(process.argv[3])).fit(X, y);
  console.log(JSON.stringify({ peakBytes: peakResidentBytes() }));
}
