import { describe, expect, it } from "vitest";
import { fitChild, runFit, runFitAsync, type FitProcedure } from "./child-fit.js";
import type { FitProgress } from "./fit-progress.js";

/** A child that records how it was fitted. */
class Child {
  calls: { method: string; options: Record<string, unknown> }[] = [];
  constructor(private readonly fails = false) {}
  fit(_X: unknown, _y: unknown, options: Record<string, unknown>): this {
    this.calls.push({ method: "fit", options });
    if (this.fails) throw new RangeError("child failed");
    return this;
  }
}
class AsyncChild extends Child {
  async fitAsync(_X: unknown, _y: unknown, options: Record<string, unknown>): Promise<this> {
    this.calls.push({ method: "fitAsync", options });
    (options.onProgress as (p: FitProgress) => void)?.({ task: "trees", path: ["trees"], done: 1, total: 1 });
    return this;
  }
}

/** Fits two children in order and, like errorScore, turns a failing child into a value. */
function* procedure(children: Child[]): FitProcedure<string[]> {
  const outcomes: string[] = [];
  for (const [k, child] of children.entries()) {
    try {
      yield { child, X: [k], y: [k], options: { sampleWeight: [1] }, path: ["outer", `fold ${k + 1}`] };
      outcomes.push("ok");
    } catch (error) {
      outcomes.push((error as Error).message);
    }
  }
  return outcomes;
}

describe("fit procedures", () => {
  it("fitChild uses fitAsync when the child has it, else fit without the runner", async () => {
    const runner = { size: 1, run: async () => [] };
    const a = new AsyncChild();
    await fitChild(a, [], [], { parallel: runner, sampleWeight: [1] });
    expect(a.calls).toEqual([{ method: "fitAsync", options: { parallel: runner, sampleWeight: [1] } }]);
    const s = new Child();
    await fitChild(s, [], [], { parallel: runner, sampleWeight: [1] });
    expect(s.calls).toEqual([{ method: "fit", options: { sampleWeight: [1] } }]);
  });

  it("runFit and runFitAsync fit the same children in order, pass child errors back, and nest progress", async () => {
    const events: FitProgress[] = [];
    const sync = runFit(procedure([new Child(), new Child(true)]), { onProgress: (p) => events.push(p) });
    const children = [new AsyncChild(), new Child(true)];
    const asyncResult = await runFitAsync(procedure(children), { onProgress: (p) => events.push(p) }, "Parent.fitAsync");
    expect(sync).toEqual(["ok", "child failed"]);
    expect(asyncResult).toEqual(sync);
    expect(children[0].calls[0].method).toBe("fitAsync");
    expect(children[0].calls[0].options.sampleWeight).toEqual([1]);
    expect(events.map((e) => e.task)).toEqual(["outer › fold 1 › trees"]);
  });

  it("an error the procedure does not catch rejects the run", async () => {
    function* strict(): FitProcedure<number> {
      yield { child: new Child(true), X: [], y: [] };
      return 1;
    }
    expect(() => runFit(strict())).toThrow(RangeError);
    await expect(runFitAsync(strict(), {}, "Parent.fitAsync")).rejects.toThrow("child failed");
  });

  it("overlapped fits run while the procedure goes on; each error arrives where the procedure waits for that child", async () => {
    /** A child whose asynchronous fit ends only when the test says so. */
    class GatedChild extends Child {
      open!: () => void;
      async fitAsync(): Promise<this> {
        this.calls.push({ method: "fitAsync", options: {} });
        await new Promise<void>((resolve) => (this.open = resolve));
        if (this.failing) throw new RangeError("gated child failed");
        return this;
      }
      constructor(private readonly failing = false) {
        super(failing);
      }
    }
    const log: string[] = [];
    function* overlapped(children: Child[]): FitProcedure<string[]> {
      for (const child of children) yield { child, X: [], y: [], overlap: true };
      log.push("all started");
      const outcomes: string[] = [];
      for (const child of children) {
        try {
          yield { fitted: child };
          outcomes.push("ok");
        } catch (error) {
          outcomes.push((error as Error).message);
        }
      }
      return outcomes;
    }
    expect(runFit(overlapped([new Child(true), new Child()]))).toEqual(["child failed", "ok"]);
    log.length = 0;

    const runner = { size: 2, run: async () => [] };
    const gated = [new GatedChild(true), new GatedChild()];
    const result = runFitAsync(overlapped(gated), { parallel: runner }, "Parent.fitAsync");
    await Promise.resolve();
    // with a runner both fits are running and the procedure went past them before either ended
    expect(log).toEqual(["all started"]);
    expect(gated.map((c) => c.calls.length)).toEqual([1, 1]);
    gated[1].open();
    gated[0].open();
    expect(await result).toEqual(["gated child failed", "ok"]);

    // without one, each fit waits until the procedure needs it, so fitted children are not piled up
    log.length = 0;
    const lazy = [new GatedChild(), new GatedChild()];
    const lazyResult = runFitAsync(overlapped(lazy), {}, "Parent.fitAsync");
    await Promise.resolve();
    expect(log).toEqual(["all started"]);
    expect(lazy.map((c) => c.calls.length)).toEqual([1, 0]);
    lazy[0].open();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(lazy[1].calls.length).toBe(1);
    lazy[1].open();
    expect(await lazyResult).toEqual(["ok", "ok"]);

    // a procedure that gives up still settles only after the fits it started
    function* givesUp(child: GatedChild): FitProcedure<number> {
      yield { child, X: [], y: [], overlap: true };
      throw new TypeError("gave up");
    }
    const slow = new GatedChild();
    let settled = false;
    const abandoned = runFitAsync(givesUp(slow), { parallel: runner }, "Parent.fitAsync").finally(() => (settled = true));
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(settled).toBe(false);
    slow.open();
    await expect(abandoned).rejects.toThrow("gave up");
  });
});
