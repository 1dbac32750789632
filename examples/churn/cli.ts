// The bank-churn command line: train, predict and retrain.
//   tsx examples/churn/cli.ts train   [--data FILE] [--out DIR] [--trees N] [--jobs N]
//   tsx examples/churn/cli.ts predict --input FILE [--model FILE] [--output FILE] [--strict]
//   tsx examples/churn/cli.ts retrain --new FILE [--data FILE] [--model FILE] [--out DIR] [--trees N] [--jobs N]
import { mkdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { Frame, isTabkitError } from "tabkit";
import type { Pipeline } from "tabkit/compose";
import { DataDriftDetector } from "tabkit/drift";
import { loadModelFile, saveModel, writeCsvFile, WorkerPool } from "tabkit/node";
import { trainTestSplit, type TunedThresholdClassifierCV } from "tabkit/selection";
import { buildChurnPipeline, ID } from "./churn-pipeline.js";
import { readCustomers, requireLabels, type CustomerBatch, type Problem } from "./customers.js";
import { progressPrinter } from "./progress.js";
import { churnMetrics, churnProbability, ratedRows, riskBand, schemaOf, METRIC_LABELS, type ChurnMetrics } from "./scoring.js";

const USAGE = `usage:
  cli.ts train   [--data FILE] [--out DIR] [--trees N] [--jobs N]
  cli.ts predict --input FILE [--model FILE] [--output FILE] [--strict]
  cli.ts retrain --new FILE [--data FILE] [--model FILE] [--out DIR] [--trees N] [--jobs N]`;
const DEFAULT_DATA = "data/bank_churn/dados_treino.csv";
const DEFAULT_OUT = "out/churn";

class UsageError extends Error {}

async function main(argv: string[]): Promise<void> {
  const [command, ...rest] = argv;
  const { values } = parseOptions(rest);
  const nTrees = positiveInteger(values.trees, "--trees");
  const nJobs = Number(values.jobs);
  if (!Number.isInteger(nJobs) || nJobs === 0 || nJobs < -1) throw new UsageError(`--jobs must be a positive integer or -1, got ${values.jobs}`);
  switch (command) {
    case "train":
      return train(values.data, values.out, nTrees, nJobs);
    case "predict":
      if (values.input === undefined) throw new UsageError("predict needs --input FILE");
      return predict(values.model, values.input, values.output ?? join(DEFAULT_OUT, "predictions.csv"), values.strict);
    case "retrain":
      if (values.new === undefined) throw new UsageError("retrain needs --new FILE");
      return retrain(values.model, values.data, values.new, values.out === DEFAULT_OUT ? join(DEFAULT_OUT, "retrained") : values.out, nTrees, nJobs);
    default:
      throw new UsageError(command === undefined ? "no command given" : `unknown command ${JSON.stringify(command)}`);
  }
}

function parseOptions(args: string[]) {
  try {
    return parseArgs({
      args,
      options: {
        data: { type: "string", default: DEFAULT_DATA },
        out: { type: "string", default: DEFAULT_OUT },
        model: { type: "string", default: join(DEFAULT_OUT, "model.json") },
        input: { type: "string" },
        output: { type: "string" },
        new: { type: "string" },
        trees: { type: "string", default: "1000" },
        jobs: { type: "string", default: "-1" },
        strict: { type: "boolean", default: false },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

async function train(dataPath: string, outDir: string, nTrees: number, nJobs: number): Promise<void> {
  const data = await readTrainingFile(dataPath);
  const labels = requireLabels(data, dataPath);
  const split = trainTestSplit(data.features, { stratify: labels, testSize: 0.15, randomState: 42 });
  const [trainX, testX] = split.take(data.features);
  const [trainY, testY] = split.take(labels);
  console.log(`${data.totalRows} customers from ${dataPath}: ${trainY.length} to train, ${testY.length} to test; ${nTrees} trees`);

  const model = await fitPipeline(buildChurnPipeline({ nTrees, nJobs }), trainX, trainY, "training on the train split");
  const metrics = evaluate(model, testX, testY);
  printMetrics(metrics, threshold(model));

  console.log("refitting on every customer to save the model");
  const final = await fitPipeline(buildChurnPipeline({ nTrees, nJobs }), data.features, labels, "refit on all rows");
  await mkdir(outDir, { recursive: true });
  await writeMetrics(join(outDir, "metrics.csv"), metrics, threshold(model));
  await saveModel(join(outDir, "model.json"), final);
  console.log(`wrote ${join(outDir, "metrics.csv")} and ${join(outDir, "model.json")} (threshold of the saved model ${threshold(final).toFixed(4)})`);
}

async function predict(modelPath: string, inputPath: string, outputPath: string, strict: boolean): Promise<void> {
  const model = await loadModelFile<Pipeline>(modelPath);
  const batch = readCustomers(await readFile(inputPath, "utf8"), schemaOf(model), inputPath);
  printProblems(batch.problems);
  const rejected = batch.totalRows - batch.ids.length;
  if (strict && rejected > 0) throw new RefusedError(`${inputPath}: ${rejected} of ${batch.totalRows} rows have errors; nothing written (--strict)`);
  if (batch.ids.length === 0) throw new RefusedError(`${inputPath}: no row can be scored; nothing written`);

  const probability = churnProbability(model, batch.features);
  const predicted = model.predict(batch.features);
  const bands = Array.from(probability, riskBand);
  const table = Frame.fromColumns({ [ID]: batch.ids, probability, churn: Float64Array.from(predicted as number[]), risk_band: bands });
  await writeCsvFile(outputPath, table);
  const counts = ["very high", "high", "moderate", "low"].map((band) => `${band} ${bands.filter((b) => b === band).length}`);
  console.log(`scored ${batch.ids.length} of ${batch.totalRows} customers (${rejected} set aside) into ${outputPath}; risk: ${counts.join(", ")}`);
}

async function retrain(modelPath: string, dataPath: string, newPath: string, outDir: string, nTrees: number, nJobs: number): Promise<void> {
  const oldModel = await loadModelFile<Pipeline>(modelPath);
  const old = await readTrainingFile(dataPath);
  const fresh = await readTrainingFile(newPath);
  const oldLabels = requireLabels(old, dataPath);
  const freshLabels = requireLabels(fresh, newPath);

  const drift = new DataDriftDetector().fit(old.features).evaluate(fresh.features);
  console.log(`drift of ${newPath} against ${dataPath}:`);
  for (const column of drift.columns) {
    const verdict = column.drift === null ? column.status : column.drift ? "DRIFT" : "ok";
    console.log(`  ${column.column.padEnd(18)} ${(column.methodName ?? "-").padEnd(30)} ${column.scoreKind ?? "score"} ${formatScore(column.score)}  ${verdict}`);
  }
  console.log(`  ${drift.nDrifted} of ${drift.nTested} columns drifted: ${drift.datasetDrift ? "the data set has drifted" : "no data set drift"}`);

  // The comparison holds out part of the new customers: neither model sees them while fitting.
  const split = trainTestSplit(fresh.features, { stratify: freshLabels, testSize: 0.3, randomState: 42 });
  const [freshTrainX, holdoutX] = split.take(fresh.features);
  const [freshTrainY, holdoutY] = split.take(freshLabels);
  const combinedX = old.features.concatRows(freshTrainX);
  const combinedY = [...oldLabels, ...freshTrainY];
  console.log(`refitting on ${old.ids.length} old + ${freshTrainY.length} new customers; ${holdoutY.length} new customers held out`);
  const newModel = await fitPipeline(buildChurnPipeline({ nTrees, nJobs }), combinedX, combinedY, "retraining");

  const before = evaluate(oldModel, holdoutX, holdoutY);
  const after = evaluate(newModel, holdoutX, holdoutY);
  console.log(`\n${"metric (holdout)".padEnd(22)} ${"old model".padStart(10)} ${"new model".padStart(10)} ${"change".padStart(9)}`);
  for (const key of Object.keys(METRIC_LABELS) as (keyof ChurnMetrics)[]) {
    const change = after[key] - before[key];
    console.log(`${METRIC_LABELS[key].padEnd(22)} ${before[key].toFixed(4).padStart(10)} ${after[key].toFixed(4).padStart(10)} ${((change >= 0 ? "+" : "") + change.toFixed(4)).padStart(9)}`);
  }
  await mkdir(outDir, { recursive: true });
  await writeMetrics(join(outDir, "metrics.csv"), after, threshold(newModel));
  await saveModel(join(outDir, "model.json"), newModel);
  const verdict = after.f2 >= before.f2 ? "the retrained model is at least as good on weighted F2" : "the retrained model is worse on weighted F2: keep the old one";
  console.log(`${verdict}; wrote ${join(outDir, "model.json")} and ${join(outDir, "metrics.csv")}`);
}

async function readTrainingFile(path: string): Promise<CustomerBatch> {
  const batch = readCustomers(await readFile(path, "utf8"), null, path);
  printProblems(batch.problems);
  if (batch.problems.some((p) => p.severity === "error")) throw new RefusedError(`${path}: fix the rows above before training on this file`);
  return batch;
}

async function fitPipeline(pipeline: Pipeline, X: Frame, y: number[], what: string): Promise<Pipeline> {
  // worker processes: on Linux they grow forests faster than threads of this process (docs/parallelism.md)
  const pool = new WorkerPool(undefined, { kind: "processes" });
  const progress = progressPrinter();
  const started = Date.now();
  try {
    await pipeline.fitAsync(X, y, { parallel: pool, onProgress: progress.report });
  } finally {
    progress.end();
    await pool.close();
  }
  console.log(`${what}: ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return pipeline;
}

function evaluate(model: Pipeline, X: Frame, y: number[]): ChurnMetrics {
  return churnMetrics(y, model.predict(X) as number[], churnProbability(model, X));
}

function threshold(model: Pipeline): number {
  return model.step<TunedThresholdClassifierCV>("model").bestThreshold;
}

function printMetrics(metrics: ChurnMetrics, tuned: number): void {
  console.log(`\n${"metric (test split)".padEnd(22)} ${"value".padStart(7)}  rating`);
  for (const row of ratedRows(metrics)) console.log(`${row.metric.padEnd(22)} ${row.value.toFixed(4).padStart(7)}  ${row.rating}`);
  console.log(`${"tuned threshold".padEnd(22)} ${tuned.toFixed(4).padStart(7)}\n`);
}

async function writeMetrics(path: string, metrics: ChurnMetrics, tuned: number): Promise<void> {
  const rows = ratedRows(metrics);
  await writeCsvFile(
    path,
    Frame.fromColumns({
      metric: [...rows.map((r) => r.metric), "threshold"],
      value: [...rows.map((r) => r.value), tuned],
      rating: [...rows.map((r) => r.rating), null],
    }),
  );
}

function printProblems(problems: readonly Problem[], limit = 20): void {
  for (const p of problems.slice(0, limit)) {
    const where = p.line === null ? "file" : `line ${p.line} (${ID} ${p.id})`;
    console.error(`${p.severity === "error" ? "error" : "warning"}: ${where}, column ${p.column}${p.value === "" ? "" : ` = ${JSON.stringify(p.value)}`}: ${p.message}`);
  }
  if (problems.length > limit) console.error(`... and ${problems.length - limit} more problems`);
}

function formatScore(score: number | null): string {
  if (score === null) return "-".padStart(10);
  return (Math.abs(score) < 1e-3 && score !== 0 ? score.toExponential(2) : score.toFixed(4)).padStart(10);
}

function positiveInteger(text: string, flag: string): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1) throw new UsageError(`${flag} must be a positive integer, got ${text}`);
  return value;
}

/** A refusal the user can act on (bad rows, nothing to score): reported without a stack trace. */
class RefusedError extends Error {}

main(process.argv.slice(2)).catch((error: unknown) => {
  if (error instanceof UsageError) {
    console.error(`${error.message}\n${USAGE}`);
    process.exitCode = 2;
  } else if (error instanceof RefusedError || isTabkitError(error)) {
    console.error(`error: ${(error as Error).message}`);
    process.exitCode = 1;
  } else {
    throw error;
  }
});
