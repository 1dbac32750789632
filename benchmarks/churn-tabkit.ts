// tabkit's side of the churn benchmark, run by churn.bench.mjs in its own process (so its peak
// memory is its own): the example's pipeline on the source project's split, timed as
// churn_reference.py times scikit-learn's. Usage: churn-tabkit.ts N_TREES N_JOBS OUT_DIR
import { readdirSync, readFileSync, statSync } from "node:fs";
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
// worker threads, as examples/churn does; TABKIT_BENCH_POOL=processes for a pool of processes
const kind = process.env.TABKIT_BENCH_POOL === "processes" ? "processes" : "threads";
const pool = nJobs === 1 ? undefined : new WorkerPool(nJobs === -1 ? undefined : nJobs, { kind });
let start = performance.now();
const model = await buildChurnPipeline({ nTrees, nJobs }).fitAsync(trainX, trainY, { parallel: pool });
const fitMs = performance.now() - start;
const workerPeakMb = kind === "processes" ? childPeaksMb() : 0;
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
    // worker processes count too: the sum of each process's own peak (an upper bound of the whole's)
    peakRssMb: peakMb("self") + workerPeakMb,
    threshold: model.step<TunedThresholdClassifierCV>("model").bestThreshold,
    metrics: churnMetrics(testY, predicted, probability),
    probability: Array.from(probability),
  }),
);

/**
 * The peak resident memory of process `pid` ("self": this one) in MiB: Linux's VmHWM, which,
 * unlike getrusage's maxrss, does not start from the size of the parent that forked it.
 */
function peakMb(pid: string): number {
  return Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? NaN) / 1024;
}

/** The peaks of this process's child processes (the pool's workers), summed, in MiB. */
function childPeaksMb(): number {
  let total = 0;
  for (const pid of readdirSync("/proc").filter((name) => /^\d+$/.test(name))) {
    try {
      // the parent pid is the fourth field of stat, after the name in parentheses
      if (Number(readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ")[1]) === process.pid) total += peakMb(pid);
    } catch {
      // the process ended meanwhile
    }
  }
  return total;
}
