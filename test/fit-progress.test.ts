import { describe, expect, it } from "vitest";
import type { FitProgress } from "../src/core/fit-progress.js";
import { Matrix } from "../src/core/matrix.js";
import { LogisticRegression } from "../src/models/logistic-regression.js";
import { RandomForestClassifier } from "../src/models/random-forest-classifier.js";
import { VotingClassifier } from "../src/models/voting-classifier.js";
import { crossValidateAsync } from "../src/selection/cross-validate.js";
import { GridSearchCV } from "../src/selection/grid-search-cv.js";
import { churnLikeData, forestPipeline } from "./helpers/forest-pipeline.js";
import { InlineRunner } from "./helpers/inline-runner.js";

/** Per task: starts at 0, `done` never decreases, ends at `total`; `task` is its path joined. */
function checkTasks(events: FitProgress[]): Map<string, FitProgress[]> {
  const byTask = new Map<string, FitProgress[]>();
  for (const e of events) {
    expect(e.task).toBe(e.path.join(" › "));
    byTask.set(e.task, [...(byTask.get(e.task) ?? []), e]);
  }
  for (const [task, reports] of byTask) {
    expect(reports[0].done, task).toBe(0);
    for (let i = 1; i < reports.length; i++) expect(reports[i].done, task).toBeGreaterThanOrEqual(reports[i - 1].done);
    const last = reports[reports.length - 1];
    expect(last.done, task).toBe(last.total);
  }
  return byTask;
}

const { X, y } = churnLikeData();

describe("progress through composites", () => {
  it("nests through Pipeline and TunedThresholdClassifierCV, in fit and in fitAsync", async () => {
    const events: FitProgress[] = [];
    await forestPipeline(10, 2).fitAsync(X, y, { parallel: new InlineRunner(2), onProgress: (p) => events.push(p) });
    const tasks = checkTasks(events);
    expect([...tasks.keys()]).toEqual([
      "steps",
      "classifier › fits",
      "classifier › fold 1/3 › trees",
      "classifier › fold 2/3 › trees",
      "classifier › fold 3/3 › trees",
      "classifier › refit › trees",
    ]);
    expect(tasks.get("steps")!.at(-1)!.total).toBe(3);
    expect(tasks.get("classifier › fits")!.at(-1)!.total).toBe(4);
    expect(tasks.get("classifier › fold 2/3 › trees")!.at(-1)!.total).toBe(10);
    // the steps finish in order: the pipeline's last step completes after all its trees
    expect(events.at(-1)).toMatchObject({ task: "steps", done: 3 });

    const syncEvents: FitProgress[] = [];
    forestPipeline(10, 2).fit(X, y, { onProgress: (p) => syncEvents.push(p) });
    expect([...checkTasks(syncEvents).keys()]).toEqual([...tasks.keys()]);
  });

  it("names search candidates, folds and the refit, voting members, and crossValidate folds", async () => {
    const M = Matrix.from2D(Array.from({ length: 60 }, (_, i) => [Math.sin(i), (i * 7) % 5]));
    const labels = Array.from({ length: 60 }, (_, i) => (Math.sin(i) > 0 ? 1 : 0));
    const forest = new RandomForestClassifier({ nEstimators: 4, randomState: 0, nJobs: 2 });
    const events: FitProgress[] = [];
    await new GridSearchCV({ estimator: forest, paramGrid: { maxDepth: [1, 2] }, cv: 2 }).fitAsync(M, labels, { parallel: new InlineRunner(), onProgress: (p) => events.push(p) });
    const tasks = checkTasks(events);
    expect(tasks.get("fits")!.at(-1)!.total).toBe(5);
    expect(tasks.has("candidate 2/2 › fold 1/2 › trees")).toBe(true);
    expect(tasks.has("refit › trees")).toBe(true);

    const voteEvents: FitProgress[] = [];
    await new VotingClassifier({ estimators: [["rf", forest], ["lr", new LogisticRegression()]] }).fitAsync(M, labels, { parallel: new InlineRunner(), onProgress: (p) => voteEvents.push(p) });
    expect([...checkTasks(voteEvents).keys()]).toEqual(["members", "rf › trees"]);

    const cvEvents: FitProgress[] = [];
    await crossValidateAsync(forest, M, labels, { cv: 3, onProgress: (p) => cvEvents.push(p) });
    expect([...checkTasks(cvEvents).keys()]).toEqual(["folds", "fold 1/3 › trees", "fold 2/3 › trees", "fold 3/3 › trees"]);
  });
});
