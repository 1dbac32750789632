import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isTabkitError } from "../core/errors.js";
import type { Estimator } from "../core/estimator.js";
import { Matrix } from "../core/matrix.js";
import { LogisticRegression } from "../models/logistic-regression.js";
import { RandomForestClassifier } from "../models/random-forest-classifier.js";
import { VotingClassifier } from "../models/voting-classifier.js";
import { crossValidate, crossValidateAsync } from "../selection/cross-validate.js";
import { FixedThresholdClassifier } from "../selection/fixed-threshold-classifier.js";
import { GridSearchCV } from "../selection/grid-search-cv.js";
import { TunedThresholdClassifierCV } from "../selection/tuned-threshold-classifier-cv.js";
import { bundledWorkerPool } from "../../test/helpers/bundled-worker-pool.js";
import { churnLikeData, forestPipeline } from "../../test/helpers/forest-pipeline.js";
import type { WorkerPool as WorkerPoolType } from "./worker-pool.js";

let WorkerPool: typeof WorkerPoolType;
let remove: () => void;
let pool: WorkerPoolType;

beforeAll(async () => {
  ({ WorkerPool, remove } = await bundledWorkerPool());
  pool = new WorkerPool(2);
}, 30_000);

afterAll(async () => {
  await pool.close();
  remove();
});

const { X, y } = churnLikeData();
const rows = Array.from({ length: 90 }, (_, i) => [Math.sin(i), Math.cos(i * 1.3) * 2, (i * 37) % 17]);
const M = Matrix.from2D(rows);
const labels = rows.map(([a, b]) => (a + b > 0.5 ? "yes" : "no"));
const forest = (nJobs: number | null) => new RandomForestClassifier({ nEstimators: 10, randomState: 5, nJobs });
const saved = (model: Estimator<object, unknown>) => JSON.stringify(model.toJSON());
/** The fitted state alone (params such as nJobs may differ). */
const state = (model: Estimator<object, unknown>) => JSON.stringify(model.toJSON().state);

describe("fitAsync on a WorkerPool gives the synchronous fit's model, for any nJobs", () => {
  it("Pipeline(columns → SMOTE → TunedThresholdClassifierCV(forest))", async () => {
    const expected = forestPipeline(10, null).fit(X, y);
    for (const nJobs of [1, 2, -1]) {
      const pipeline = await forestPipeline(10, nJobs).fitAsync(X, y, { parallel: pool });
      expect(pipeline.predictProba(X).data).toEqual(expected.predictProba(X).data);
      expect(pipeline.step<TunedThresholdClassifierCV>("classifier").bestThreshold).toBe(expected.step<TunedThresholdClassifierCV>("classifier").bestThreshold);
      const [tuned, tunedSync] = [pipeline, expected].map((p) => p.step<TunedThresholdClassifierCV>("classifier"));
      expect(tuned.bestScore).toBe(tunedSync.bestScore);
      expect(state(tuned.estimator) === state(tunedSync.estimator)).toBe(true);
    }
  }, 60_000);

  it("FixedThresholdClassifier, GridSearchCV, VotingClassifier and crossValidateAsync", async () => {
    const fixed = await new FixedThresholdClassifier({ estimator: forest(2), threshold: 0.4 }).fitAsync(M, labels, { parallel: pool });
    expect(saved(fixed) === saved(new FixedThresholdClassifier({ estimator: forest(2), threshold: 0.4 }).fit(M, labels))).toBe(true);

    const search = () => new GridSearchCV({ estimator: forest(-1), paramGrid: { maxDepth: [2, null] }, cv: 3 });
    const a = await search().fitAsync(M, labels, { parallel: pool });
    const b = search().fit(M, labels);
    expect(a.bestParams).toEqual(b.bestParams);
    expect(a.cvResults.mean_test_score).toEqual(b.cvResults.mean_test_score);
    expect(a.cvResults.split2_test_score).toEqual(b.cvResults.split2_test_score);
    expect(saved(a.bestEstimator) === saved(b.bestEstimator)).toBe(true);

    const voting = () => new VotingClassifier({ estimators: [["rf", forest(2)], ["lr", new LogisticRegression()]], voting: "soft" });
    const votes = await voting().fitAsync(M, labels, { parallel: pool });
    expect(votes.predictProba(M).data).toEqual(voting().fit(M, labels).predictProba(M).data);

    const cv = await crossValidateAsync(forest(2), M, labels, { cv: 4, returnEstimator: true, parallel: pool });
    const cvSync = crossValidate(forest(2), M, labels, { cv: 4, returnEstimator: true });
    expect(cv.test_score).toEqual(cvSync.test_score);
    expect(cv.estimator!.map(saved)).toEqual(cvSync.estimator!.map(saved));
  }, 60_000);
});

describe("a failing fitAsync", () => {
  it("rejects with the original error and commits nothing", async () => {
    const pipeline = forestPipeline(4, 2);
    const oneClass = y.map(() => "no");
    const failure = await pipeline.fitAsync(X, oneClass, { parallel: pool }).catch((error: unknown) => error);
    expect(isTabkitError(failure, "DATA_ERROR")).toBe(true);
    expect(pipeline.isFitted).toBe(false);

    // a worker failure mid-fit: the tuned classifier, fitted before, keeps its old state
    const tuned = new TunedThresholdClassifierCV({ estimator: forest(2), cv: 3 });
    await tuned.fitAsync(M, labels, { parallel: pool });
    const before = saved(tuned);
    let runs = 0;
    const flaky = { size: 2, run: <R>(task: string, shared: unknown, payloads: readonly unknown[], jobs: number) => (++runs === 3 ? Promise.reject(new RangeError("worker died")) : pool.run<R>(task, shared, payloads, jobs)) };
    await expect(tuned.fitAsync(M, labels.map((l, i) => (i % 7 === 0 ? "yes" : l)), { parallel: flaky })).rejects.toThrow("worker died");
    expect(saved(tuned) === before).toBe(true);
  }, 60_000);
});
