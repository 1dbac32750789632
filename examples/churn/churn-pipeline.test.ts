import { describe, expect, it } from "vitest";
import { Pipeline } from "tabkit/compose";
import { Frame, type Matrix } from "tabkit";
import { trainTestSplit, type TunedThresholdClassifierCV } from "tabkit/selection";
import { expectClose, readDataFile, readFixture } from "../../test/helpers/fixtures.js";
import { buildChurnPipeline } from "./churn-pipeline.js";
import { readCustomers, requireLabels } from "./customers.js";
import { churnMetrics, churnProbability } from "./scoring.js";

interface BlockFixture {
  trainRows: number[];
  testRows: number[];
  names: string[];
  train: Float64Array;
  test: Float64Array;
}

interface PipelineFixture {
  nTrees: number;
  threshold: number;
  bestScore: number;
  probability: Float64Array;
  predicted: number[];
  metrics: Record<string, number>;
}

// The source project's split: train_test_split(stratify=y, test_size=0.15, random_state=42).
const data = readCustomers(readDataFile("bank_churn/dados_treino.csv"), null);
const labels = requireLabels(data, "dados_treino.csv");
const split = trainTestSplit(data.features, { stratify: labels, testSize: 0.15, randomState: 42 });
const [trainX, testX] = split.take(data.features);
const [trainY, testY] = split.take(labels);

describe("the bank-churn pipeline against scikit-learn and imbalanced-learn", () => {
  it("splits the customers exactly as train_test_split does", () => {
    const block = readFixture<BlockFixture>("churn/block.json");
    expect(Array.from(split.train)).toEqual(block.trainRows);
    expect(Array.from(split.test)).toEqual(block.testRows);
  });

  it("reproduces the transformation block's 5100 x 91 training and 900 x 91 test matrices", () => {
    const block = readFixture<BlockFixture>("churn/block.json");
    const transformation = new Pipeline({ steps: buildChurnPipeline().params.steps.slice(0, 3) });
    const asMatrix = (out: Frame | Matrix) => (out instanceof Frame ? out.toMatrix() : out);
    const train = asMatrix(transformation.fitTransform(trainX, trainY));
    const test = asMatrix(transformation.transform(testX));
    expect(transformation.featureNamesOut()).toEqual(block.names);
    expect([train.rows, train.cols, test.rows, test.cols]).toEqual([5100, 91, 900, 91]);
    // The Yeo-Johnson lambdas are scipy's bit for bit, so the columns built from them are exact
    // but for the transform of the data's last bit (yeo-johnson-transform.ts): saldo_conta of one
    // training and one test row, about 3e-16 relative after scaling, and the 8 interactions of each;
    // every other column is exact.
    const powered = block.names.map((name) => name.includes("numerical__"));
    for (const [what, ours, theirs, rows] of [["train", train, block.train, 5100], ["test", test, block.test, 900]] as const) {
      let worst = 0;
      for (let j = 0; j < 91; j++) {
        const column = (data: Float64Array) => Float64Array.from({ length: rows }, (_, i) => data[i * 91 + j]);
        if (powered[j]) worst = Math.max(worst, expectClose(column(ours.data), column(theirs), 1e-15, `${what} ${block.names[j]}`));
        else expect(Array.from(column(ours.data)), `${what} ${block.names[j]}`).toEqual(Array.from(column(theirs)));
      }
      console.log(`transformation block (${what}): ${powered.filter((p) => !p).length} columns identical, the ${powered.filter(Boolean).length} from power-transformed columns within ${worst} relative`);
    }
  });

  it("tunes the same threshold and gives the same test probabilities and metrics with a 100-tree forest", async () => {
    const expected = readFixture<PipelineFixture>("churn/pipeline-100trees.json");
    const model = await buildChurnPipeline({ nTrees: expected.nTrees }).fitAsync(trainX, trainY);
    const tuned = model.step<TunedThresholdClassifierCV>("model");
    expect(tuned.bestThreshold).toBe(expected.threshold);
    expect(tuned.bestScore).toBeCloseTo(expected.bestScore, 12);
    const probability = churnProbability(model, testX);
    const worst = expectClose(probability, expected.probability, 1e-12, "test probability");
    const predicted = model.predict(testX) as number[];
    expect(predicted).toEqual(expected.predicted);
    const metrics = churnMetrics(testY, predicted, probability);
    for (const [name, value] of Object.entries(expected.metrics)) expect(metrics[name as keyof typeof metrics], name).toBe(value);
    console.log(`100-tree pipeline: threshold ${tuned.bestThreshold}, worst probability error ${worst}, metrics ${JSON.stringify(metrics)}`);
  });
});
