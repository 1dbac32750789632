import { describe, expect, it } from "vitest";
import { ProgressCounter, progressWithin, type FitProgress } from "./fit-progress.js";

describe("fit progress", () => {
  it("counts from 0 to total, never past it", () => {
    const events: FitProgress[] = [];
    const counter = new ProgressCounter((p) => events.push(p), "folds", 3);
    counter.advance();
    counter.advance(5);
    counter.advance(0);
    expect(events.map((e) => [e.task, e.done, e.total])).toEqual([
      ["folds", 0, 3],
      ["folds", 1, 3],
      ["folds", 3, 3],
    ]);
  });

  it("nests task paths, outermost first", () => {
    const events: FitProgress[] = [];
    const inner = progressWithin(progressWithin((p) => events.push(p), "classifier"), "fold 2/5");
    new ProgressCounter(inner, "trees", 10).advance(10);
    expect(events[1]).toEqual({ task: "classifier › fold 2/5 › trees", path: ["classifier", "fold 2/5", "trees"], done: 10, total: 10 });
    expect(progressWithin(undefined, "classifier")).toBeUndefined();
  });
});
