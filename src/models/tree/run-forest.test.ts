import { describe, expect, it } from "vitest";
import type { FitProgress } from "../../core/fit-progress.js";
import { Matrix } from "../../core/matrix.js";
import { InlineRunner } from "../../../test/helpers/inline-runner.js";
import { RandomForestClassifier } from "../random-forest-classifier.js";
import { RandomForestRegressor } from "../random-forest-regressor.js";
import { treeBatches } from "./run-forest.js";

const rows = Array.from({ length: 80 }, (_, i) => [Math.sin(i), Math.cos(i * 1.3) * 2, (i * 37) % 17]);
const X = Matrix.from2D(rows);
const labels = rows.map(([a, b]) => (a + b > 0.5 ? "yes" : "no"));

/** Every report is a "trees" task; done starts at 0, never decreases, and ends at total. */
function expectTreeProgress(events: FitProgress[], nTrees: number): void {
  expect(events.length).toBeGreaterThan(1);
  expect(events.every((e) => e.task === "trees" && e.total === nTrees && e.path.length === 1)).toBe(true);
  expect(events[0].done).toBe(0);
  for (let i = 1; i < events.length; i++) expect(events[i].done).toBeGreaterThanOrEqual(events[i - 1].done);
  expect(events[events.length - 1].done).toBe(nTrees);
}

describe("forest progress", () => {
  it("splits trees into contiguous near-equal batches", () => {
    expect(treeBatches(10, 4)).toEqual([[0, 2], [2, 5], [5, 7], [7, 10]]);
    expect(treeBatches(3, 100)).toEqual([[0, 1], [1, 2], [2, 3]]);
    expect(treeBatches(0, 4)).toEqual([[0, 0]]);
  });

  it("reports tree batches of a sequential fit, which grows the same forest", () => {
    const events: FitProgress[] = [];
    const listened = new RandomForestClassifier({ nEstimators: 7, randomState: 2 }).fit(X, labels, { onProgress: (p) => events.push(p) });
    expectTreeProgress(events, 7);
    const plain = new RandomForestClassifier({ nEstimators: 7, randomState: 2 }).fit(X, labels);
    expect(JSON.stringify(listened.toJSON())).toBe(JSON.stringify(plain.toJSON()));
  });

  it("reports batches as a runner finishes them, in any order", async () => {
    const runner = new InlineRunner(2);
    const events: FitProgress[] = [];
    const target = rows.map(([a, b]) => a - b);
    const forest = await new RandomForestRegressor({ nEstimators: 12, randomState: 4, nJobs: 2 }).fitAsync(X, target, { parallel: runner, onProgress: (p) => events.push(p) });
    expect(runner.runs).toHaveLength(1);
    expectTreeProgress(events, 12);
    expect(forest.predict(X)).toEqual(new RandomForestRegressor({ nEstimators: 12, randomState: 4 }).fit(X, target).predict(X));
  });

  it("leaves the forest unfitted when the runner fails", async () => {
    const failing = { size: 2, run: () => Promise.reject(new RangeError("worker died")) };
    const forest = new RandomForestClassifier({ nEstimators: 4, nJobs: 2 });
    await expect(forest.fitAsync(X, labels, { parallel: failing })).rejects.toThrow(RangeError);
    expect(forest.isFitted).toBe(false);
  });
});
