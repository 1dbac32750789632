// tabkit's side of the churn benchmark, run by churn.bench.mjs in its own process (so its peak
// memory is its own): the example's pipeline on the source project's split, timed as
// churn_reference.py times scikit-learn's. Usage: churn-tabkit.ts N_TREES N_JOBS OUT_DIR
import { readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { Frame } from "tabkit";
import { saveModel, WorkerPool } from "tabkit/node";
import { trainTestSplit, type TunedThresholdClassifierCV } from "tabkit/selection";
import { buildChurnPipeline } from "../examples/churn/churn-pipeline.js";
import { readCustomers, requireLabels } from "../examples/churn/customers.js";
import { churnMetrics, churnProbability } from "../examples/churn/scoring.js";

const [nTrees, nJobs] = process.argv.slice(2, 4).map(Number);
const outDir = process.argv[4];
const data = readCustomers(readFileSync(new URL("../data/bank_churn/dados_treino.csv", import.meta.url), "utf8"), null);
const labels = requireLabels(data, "dados_treino.csv");
const split = trainTestSplit(data.features, { stratify: labels, testSize: 0.15, randomState: 42 });
const [trainX, testX] = split.take(data.features);
const [trainY, testY] = split.take(labels);

const median = (times: number[]) => times.sort((a, b) => a - b)[Math.floor(times.length / 2)];
// one job is one thread, as scikit-learn's n_jobs=1: no pool, so every forest grows on this thread
const pool = nJobs === 1 ? undefined : new WorkerPool(nJobs === -1 ? undefined : nJobs);
let start = performance.now();
const model = await buildChurnPipeline({ nTrees, nJobs }).fitAsync(trainX, trainY, { parallel: pool });
const fitMs = performance.now() - start;
await pool?.close();

let probability = churnProbability(model, testX);
const predictTimes: number[] = [];
for (let i = 0; i < 5; i++) {
  start = performance.now();
  probability = churnProbability(model, testX);
  predictTimes.push(performance.now() - start);
}

// A raw JSON record, as a server receives it, to a probability.
const record = JSON.stringify(testX.row(0));
const latencies: number[] = [];
for (let i = 0; i < 230; i++) {
  start = performance.now();
  churnProbability(model, Frame.fromRecords([JSON.parse(record)]));
  if (i >= 30) latencies.push(performance.now() - start);
}

const path = join(outDir, "churn-tabkit.json");
await saveModel(path, model);
const predicted = model.predict(testX) as number[];
console.log(
  JSON.stringify({
    fitMs,
    predictMs: median(predictTimes),
    latencyMs: median(latencies),
    modelBytes: statSync(path).size,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
    threshold: model.step<TunedThresholdClassifierCV>("model").bestThreshold,
    metrics: churnMetrics(testY, predicted, probability),
    probability: Array.from(probability),
  }),
);
