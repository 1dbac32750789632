// The bank-churn command line: train, predict and retrain.
//   tsx examples/churn/cli.ts train   [--data FILE] [--out DIR] [--trees N] [--jobs N]
//   tsx examples/churn/cli.ts predict --input FILE [--model FILE] [--output FILE] [--strict]
//   tsx examples/churn/cli.ts retrain --new FILE [--data FILE] [--model FILE] [--out DIR] [--trees N] [--jobs N]
import { existsSync } from "node:fs";
import { mkdir, readFile, stat } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { Frame, isTabkitError, loadModel } from "tabkit";
import type { Pipeline } from "tabkit/compose";
import { DataDriftDetector } from "tabkit/drift";
import { saveModel, writeCsvFile, WorkerPool } from "tabkit/node";
import { MinMaxScaler } from "tabkit/preprocessing";
import { trainTestSplit, type TunedThresholdClassifierCV } from "tabkit/selection";
import { buildChurnPipeline, ID, NUMERICAL, TARGET } from "./churn-pipeline.js";
import { readCustomers, withoutRows, type CustomerBatch, type CustomerSchema } from "./customers.js";
import { progressPrinter } from "./progress.js";
import { churnMetrics, churnScores, rangesOf, ratedRows, riskBand, schemaOf, scoreCustomers, setAsideUnscorable, METRIC_LABELS, type ChurnMetrics } from "./scoring.js";

const USAGE = `usage:
  cli.ts train   [--data FILE] [--out DIR] [--trees N] [--jobs N]
  cli.ts predict --input FILE [--model FILE] [--output FILE] [--strict]
  cli.ts retrain --new FILE [--data FILE] [--model FILE] [--out DIR] [--trees N] [--jobs N]`;
const DEFAULT_DATA = "data/bank_churn/dados_treino.csv";
const DEFAULT_OUT = "out/churn";
/** Saved beside model.json: a MinMaxScaler fitted on the training customers remembers each number's range. */
const RANGES = "ranges.json";
/** The options of each command: another command's option is refused, not silently ignored. */
const COMMANDS: Record<string, string[]> = {
  train: ["data", "out", "trees", "jobs"],
  predict: ["input", "model", "output", "strict"],
  retrain: ["new", "data", "model", "out", "trees", "jobs"],
};

class UsageError extends Error {}

async function main(argv: string[]): Promise<void> {
  const [command, ...rest] = argv;
  if (["--help", "-h", "help"].includes(command) || rest.includes("--help")) return console.log(USAGE);
  if (command === undefined) throw new UsageError("no command given");
  if (!Object.hasOwn(COMMANDS, command)) throw new UsageError(`unknown command ${JSON.stringify(command)}`);
  const values = parseOptions(rest);
  const foreign = Object.keys(values).filter((name) => !COMMANDS[command].includes(name));
  if (foreign.length > 0) throw new UsageError(`${command} does not take ${foreign.map((name) => `--${name}`).join(", ")}`);
  const nTrees = positiveInteger(values.trees ?? "1000", "--trees");
  const nJobs = Number(values.jobs ?? -1);
  if (!Number.isInteger(nJobs) || nJobs === 0 || nJobs < -1) throw new UsageError(`--jobs must be a positive integer or -1, got ${values.jobs}`);
  const model = values.model ?? join(DEFAULT_OUT, "model.json");
  switch (command) {
    case "train":
      return train(values.data ?? DEFAULT_DATA, values.out ?? DEFAULT_OUT, nTrees, nJobs);
    case "predict":
      if (values.input === undefined) throw new UsageError("predict needs --input FILE");
      return predict(model, values.input, values.output ?? join(DEFAULT_OUT, "predictions.csv"), values.strict ?? false);
    default:
      if (values.new === undefined) throw new UsageError("retrain needs --new FILE");
      return retrain(model, values.data ?? DEFAULT_DATA, values.new, values.out ?? join(DEFAULT_OUT, "retrained"), nTrees, nJobs);
  }
}

function parseOptions(args: string[]) {
  try {
    // No defaults here: the options given are checked against the command's.
    return parseArgs({
      args,
      options: {
        data: { type: "string" },
        out: { type: "string" },
        model: { type: "string" },
        input: { type: "string" },
        output: { type: "string" },
        new: { type: "string" },
        trees: { type: "string" },
        jobs: { type: "string" },
        strict: { type: "boolean" },
      },
    }).values;
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

async function train(dataPath: string, outDir: string, nTrees: number, nJobs: number): Promise<void> {
  await makeDirectory(outDir);
  const data = await readTrainingFile(dataPath);
  const labels = data.labels;
  const split = trainTestSplit(data.features, { stratify: labels, testSize: 0.15, randomState: 42 });
  const [trainX, testX] = split.take(data.features);
  const [trainY, testY] = split.take(labels);
  console.log(`${data.ids.length} customers from ${dataPath}: ${trainY.length} to train, ${testY.length} to test; ${nTrees} trees`);

  const model = await fitPipeline(buildChurnPipeline({ nTrees, nJobs }), trainX, trainY, "training on the train split");
  const metrics = evaluate(model, testX, testY);
  printMetrics(metrics, threshold(model));

  console.log("refitting on every customer to save the model");
  const final = await fitPipeline(buildChurnPipeline({ nTrees, nJobs }), data.features, labels, "refit on all rows");
  await writeModel(outDir, final, data.features, metrics, threshold(model));
  console.log(`wrote ${join(outDir, "metrics.csv")}, ${join(outDir, RANGES)} and ${join(outDir, "model.json")} (threshold of the saved model ${threshold(final).toFixed(4)})`);
}

async function predict(modelPath: string, inputPath: string, outputPath: string, strict: boolean): Promise<void> {
  if ((await stat(outputPath).catch(() => null))?.isDirectory()) throw new RefusedError(`--output ${outputPath} is a directory; give a file name`);
  const { model, schema } = await loadChurnModel(modelPath);
  const read = readCustomers(await readText(inputPath), { ...schema, ranges: await loadRanges(modelPath) }, inputPath, "ignored");
  const { batch, probability, predicted } = scoreCustomers(model, read);
  printProblems(batch, inputPath);
  const rejected = batch.totalRows - batch.ids.length;
  if (strict && rejected > 0) throw new RefusedError(`${inputPath}: ${rejected} of ${batch.totalRows} rows have errors; nothing written (--strict)`);
  if (batch.ids.length === 0) throw new RefusedError(`${inputPath}: no row can be scored; nothing written`);

  const bands = Array.from(probability, riskBand);
  const table = Frame.fromColumns({ [batch.idColumn]: batch.ids, probability, churn: Float64Array.from(predicted), risk_band: bands });
  await makeDirectory(dirname(outputPath));
  await onFile("write", outputPath, () => writeCsvFile(outputPath, table));
  const counts = ["very high", "high", "moderate", "low"].map((band) => `${band} ${bands.filter((b) => b === band).length}`);
  console.log(`scored ${batch.ids.length} of ${batch.totalRows} customers (${rejected} set aside) into ${outputPath}; risk: ${counts.join(", ")}`);
}

async function retrain(modelPath: string, dataPath: string, newPath: string, outDir: string, nTrees: number, nJobs: number): Promise<void> {
  if (resolve(outDir, "model.json") === resolve(modelPath)) throw new RefusedError(`--out ${outDir} would overwrite the model being retrained (${modelPath}); choose another directory`);
  const { model: oldModel, schema } = await loadChurnModel(modelPath);
  await makeDirectory(outDir);
  const old = await readTrainingFile(dataPath);
  // The new customers are checked as predict checks them (the old model's categories, the training ranges).
  const ranges = rangesOf(new MinMaxScaler().fit(old.features.select(NUMERICAL)));
  const read = await readTrainingFile(newPath, { ...schema, ranges }, oldModel);
  // Customers already trained on would make the holdout comparison flatter the old model.
  const known = new Set(old.idColumn === ID ? old.ids : []);
  const repeated = new Set(read.ids.flatMap((id, i) => (read.idColumn === ID && known.has(id) ? [i] : [])));
  if (repeated.size > 0) console.error(`warning: ${repeated.size} customers of ${newPath} are already in ${dataPath} (same ${ID}); dropped from the new rows`);
  const fresh = withoutRows(read, repeated);
  const [oldLabels, freshLabels] = [old.labels, fresh.labels];
  if (new Set(freshLabels).size < 2) throw new RefusedError(`${newPath}: the ${fresh.ids.length} new customers do not have both outcomes (${TARGET} 0 and 1); the comparison needs both`);

  const drift = new DataDriftDetector().fit(old.features).evaluate(fresh.features);
  console.log(`drift of ${newPath} against ${dataPath}:`);
  for (const column of drift.columns) {
    const verdict = column.drift === null ? column.status : column.drift ? "DRIFT" : "ok";
    console.log(`  ${column.column.padEnd(18)} ${(column.methodName ?? "-").padEnd(30)} ${column.scoreKind ?? "score"} ${formatScore(column.score)}  ${verdict}`);
  }
  const untested = drift.columns.length - drift.nTested;
  const verdict = drift.datasetDrift ? "the data set has drifted" : drift.nTested === 0 ? "drift could not be tested" : "no data set drift";
  console.log(`  ${drift.nDrifted} of ${drift.nTested} columns drifted${untested > 0 ? ` (${untested} could not be tested)` : ""}: ${verdict}`);
  const empty = drift.columns.filter((column) => column.status === "empty_current").map((column) => column.column);
  if (empty.length > 0) throw new RefusedError(`${newPath}: no new customer has a value in ${empty.join(", ")}; the refit would learn only imputed values`);

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
  await writeModel(outDir, newModel, combinedX, after, threshold(newModel));
  const better = after.f2 >= before.f2 ? "the retrained model is at least as good on weighted F2" : `the retrained model is worse on weighted F2: keep the old one (${modelPath})`;
  console.log(`${better}; wrote ${join(outDir, "model.json")} and ${join(outDir, "metrics.csv")}`);
}

async function readTrainingFile(path: string, schema: CustomerSchema | null = null, oldModel?: Pipeline): Promise<CustomerBatch<number>> {
  let batch = readCustomers(await readText(path), schema, path, "required");
  // Rows the old model cannot score (a value too large for its forest) are as bad for training.
  if (oldModel !== undefined) batch = setAsideUnscorable(oldModel, batch).batch;
  printProblems(batch, path);
  if (batch.problems.some((p) => p.severity === "error")) throw new RefusedError(`${path}: fix the rows above before training on this file`);
  return batch;
}

/** Loads the model and checks that it is a fitted churn pipeline before any work is done with it. */
async function loadChurnModel(path: string): Promise<{ model: Pipeline; schema: CustomerSchema }> {
  const model = await loadFitted<Pipeline>(path, "Pipeline", "churn Pipeline");
  try {
    return { model, schema: schemaOf(model) };
  } catch (error) {
    throw isTabkitError(error) ? new RefusedError(`model ${path} is not a churn Pipeline: ${error.message}`) : error;
  }
}

/** The training ranges saved beside the model; without them (an older model) values go unchecked. */
async function loadRanges(modelPath: string): Promise<Record<string, [number, number]> | undefined> {
  const path = join(dirname(modelPath), RANGES);
  if (existsSync(path)) return rangesOf(await loadFitted<MinMaxScaler>(path, "MinMaxScaler", "MinMaxScaler of training ranges"));
  console.error(`note: no ${path} beside the model: values are not checked against the training ranges`);
  return undefined;
}

async function loadFitted<M>(path: string, kind: string, what: string): Promise<M> {
  const text = await readText(path);
  try {
    const model = loadModel(text);
    if (model.kind !== kind) throw new RefusedError(`model ${path} is a ${model.kind}, not a ${what}`);
    if (!model.isFitted) throw new RefusedError(`model ${path} is a ${what} that was saved before fitting`);
    return model as M;
  } catch (error) {
    throw isTabkitError(error) ? new RefusedError(`model ${path}: ${error.message}`) : error;
  }
}

/** Writes the model, the training ranges of its numbers (for predict's warnings) and the metrics. */
async function writeModel(outDir: string, model: Pipeline, trainedOn: Frame, metrics: ChurnMetrics, tuned: number): Promise<void> {
  const ranges = new MinMaxScaler().fit(trainedOn.select(NUMERICAL));
  await onFile("write", outDir, async () => {
    await writeMetrics(join(outDir, "metrics.csv"), metrics, tuned);
    await saveModel(join(outDir, RANGES), ranges);
    await saveModel(join(outDir, "model.json"), model);
  });
}

function readText(path: string): Promise<string> {
  return onFile("read", path, () => readFile(path, "utf8"));
}

function makeDirectory(path: string): Promise<unknown> {
  return onFile("write", path, () => mkdir(path, { recursive: true }));
}

/** Runs a file operation, turning a system error (ENOENT, EISDIR, EACCES...) into a refusal naming the path. */
async function onFile<T>(verb: "read" | "write", path: string, operation: () => Promise<T>): Promise<T> {
  try {
    return await operation();
  } catch (error) {
    // tabkit's file helpers already name the file; only raw system errors need the path
    if (isTabkitError(error)) throw error;
    if ((error as NodeJS.ErrnoException).code === undefined) throw error;
    // "ENOENT: no such file or directory, open 'x'" → "no such file or directory"
    throw new RefusedError(`cannot ${verb} ${path}: ${(error as Error).message.replace(/^[A-Z]+: ([^,]*).*$/s, "$1")}`);
  }
}

async function fitPipeline(pipeline: Pipeline, X: Frame, y: number[], what: string): Promise<Pipeline> {
  // worker threads: as fast as worker processes since they copy their trees back, and lighter (docs/parallelism.md)
  const pool = new WorkerPool();
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
  const { probability, predicted } = churnScores(model, X);
  return churnMetrics(y, predicted, probability);
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

function printProblems(batch: CustomerBatch, source: string): void {
  for (const p of batch.problems) {
    const id = p.id === null || batch.idColumn !== ID ? "" : ` (${ID} ${p.id})`;
    // Named by file: retrain reads two.
    const where = `${source}${p.line === null ? "" : `: line ${p.line}${id}`}${p.column === null ? "" : `, column ${p.column}`}`;
    console.error(`${p.severity}: ${where}${p.value === "" ? "" : ` = ${JSON.stringify(p.value)}`}: ${p.message}`);
  }
  if (batch.blankRows > 0) console.error(`note: ${source}: skipped ${batch.blankRows} blank row(s)`);
}

function formatScore(score: number | null): string {
  if (score === null) return "-".padStart(10);
  const fixed = score === 0 || (Math.abs(score) >= 1e-3 && Math.abs(score) < 1e4);
  return (fixed ? score.toFixed(4) : score.toExponential(2)).padStart(10);
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
