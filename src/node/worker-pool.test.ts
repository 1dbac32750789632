import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isTabkitError, type ValidationError } from "../core/errors.js";
import { Matrix } from "../core/matrix.js";
import { RandomForestClassifier } from "../models/random-forest-classifier.js";
import { RandomForestRegressor } from "../models/random-forest-regressor.js";
import { FOREST_TREES_TASK } from "../models/tree/run-forest.js";
import { bundledWorkerPool } from "../../test/helpers/bundled-worker-pool.js";
import type { WorkerPool as WorkerPoolType } from "./worker-pool.js";

let WorkerPool: typeof WorkerPoolType;
let bundle: string;
let remove: () => void;

beforeAll(async () => {
  ({ WorkerPool, file: bundle, remove } = await bundledWorkerPool());
}, 30_000);

afterAll(() => remove());

const rows = Array.from({ length: 120 }, (_, i) => [Math.sin(i), Math.cos(i * 1.3) * 2, (i * 37) % 17]);
const X = Matrix.from2D(rows);
const labels = rows.map(([a, b]) => (a + b > 0.5 ? "yes" : "no"));
const target = rows.map(([a, b, c]) => a * 3 + b - c / 10);

/** The plan a seeded forest of `nEstimators` trees sends its workers (through the classifier's private `prepare`). */
function forestPlan(nEstimators: number): unknown {
  const forest = new RandomForestClassifier({ nEstimators, randomState: 3 }) as unknown as { prepare(X: Matrix, y: string[], o: object): { plan: unknown } };
  return forest.prepare(X, labels, {}).plan;
}

describe.each(["threads", "processes"] as const)("WorkerPool (%s)", (kind) => {
  it("grows the same forests as the sequential fit, for any nJobs", async () => {
    const pool = new WorkerPool(2, { kind });
    try {
      const sequential = new RandomForestClassifier({ nEstimators: 9, randomState: 3 }).fit(X, labels);
      for (const nJobs of [1, 2, -1]) {
        const parallel = await new RandomForestClassifier({ nEstimators: 9, randomState: 3, nJobs }).fitAsync(X, labels, { parallel: pool });
        expect(parallel.predictProba(X).data).toEqual(sequential.predictProba(X).data);
        expect(JSON.stringify(parallel.toJSON().state)).toBe(JSON.stringify(sequential.toJSON().state));
      }
      const reg = new RandomForestRegressor({ nEstimators: 5, randomState: 1, nJobs: 2, oobScore: true });
      const a = await reg.fitAsync(X, target, { parallel: pool });
      const b = new RandomForestRegressor({ nEstimators: 5, randomState: 1, oobScore: true }).fit(X, target);
      expect(a.predict(X)).toEqual(b.predict(X));
      expect(a.oobScore).toBe(b.oobScore);
    } finally {
      await pool.close();
    }
  }, 30_000);

  it("reports each result as it arrives", async () => {
    const pool = new WorkerPool(2, { kind });
    try {
      const plan = forestPlan(6);
      const seen: number[] = [];
      const trees = await pool.run<unknown[]>(FOREST_TREES_TASK, plan, [[0, 2], [2, 4], [4, 6]], 2, (index) => seen.push(index));
      expect(seen.sort()).toEqual([0, 1, 2]);
      expect(trees.flat()).toHaveLength(6);
    } finally {
      await pool.close();
    }
  });

  it("rejects with the worker's error: same type, message and tabkit code and issues", async () => {
    const pool = new WorkerPool(2, { kind });
    try {
      // a seed outside numpy's range makes RandomState throw a ValidationError inside the worker
      const badSeeds = { bootstrap: true, seeds: Float64Array.of(-1, -1), data: { rows: 3 }, cdf: null, nBoot: 1, baseWeights: null };
      const failure = await pool.run(FOREST_TREES_TASK, badSeeds, [[0, 1], [1, 2]], 2).catch((error: unknown) => error);
      expect(isTabkitError(failure, "VALIDATION_ERROR")).toBe(true);
      expect((failure as Error).name).toBe("ValidationError");
      expect((failure as Error).message).toMatch(/^RandomState: seed must be an integer/);
      expect((failure as ValidationError).issues.length).toBeGreaterThan(0);
      // a plain bug keeps its built-in type
      const bug = await pool.run(FOREST_TREES_TASK, null, [[0, 1]], 1).catch((error: unknown) => error);
      expect(bug).toBeInstanceOf(TypeError);
      // the pool stays usable
      const plan = forestPlan(2);
      expect(await pool.run(FOREST_TREES_TASK, plan, [[0, 2]], 1)).toHaveLength(1);
    } finally {
      await pool.close();
    }
  });

  it("runs several calls at once, each with its own shared data and results", async () => {
    const pool = new WorkerPool(2, { kind });
    try {
      const forests = [3, 4, 5].map((seed) => new RandomForestClassifier({ nEstimators: 7, randomState: seed, nJobs: seed === 4 ? 1 : 2 }));
      const fitted = await Promise.all(forests.map((f) => f.fitAsync(X, labels, { parallel: pool })));
      fitted.forEach((model, k) => {
        const sequential = new RandomForestClassifier({ nEstimators: 7, randomState: 3 + k }).fit(X, labels);
        expect(JSON.stringify(model.toJSON().state)).toBe(JSON.stringify(sequential.toJSON().state));
      });
      // a failing run does not disturb one running beside it
      const badSeeds = { bootstrap: true, seeds: Float64Array.of(-1, -1), data: { rows: 3 }, cdf: null, nBoot: 1, baseWeights: null };
      const [failure, good] = await Promise.allSettled([pool.run(FOREST_TREES_TASK, badSeeds, [[0, 1], [1, 2]], 2), new RandomForestClassifier({ nEstimators: 4, randomState: 9, nJobs: 2 }).fitAsync(X, labels, { parallel: pool })]);
      expect(failure.status).toBe("rejected");
      expect(good.status === "fulfilled" && JSON.stringify(good.value.toJSON().state)).toBe(JSON.stringify(new RandomForestClassifier({ nEstimators: 4, randomState: 9 }).fit(X, labels).toJSON().state));
    } finally {
      await pool.close();
    }
  }, 30_000);

  it("fails every call, at once and for good, when its workers cannot start", async () => {
    const dir = mkdtempSync(join(tmpdir(), "tabkit-pool-script-"));
    try {
      // a file that is not tabkit/node ends at once; one that throws never gets going
      for (const source of ["export const nothing = 1;", "throw new Error('broken install');"]) {
        const script = join(dir, `script-${source.length}.mjs`);
        writeFileSync(script, source);
        const pool = new WorkerPool(2, { kind, script });
        try {
          const plan = forestPlan(2);
          await expect(pool.run(FOREST_TREES_TASK, plan, [[0, 1], [1, 2]], 2)).rejects.toThrow(/could not start/);
          await expect(pool.run(FOREST_TREES_TASK, plan, [[0, 1]], 1)).rejects.toThrow(/could not start/);
        } finally {
          await pool.close();
        }
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 30_000);

  it("refuses unknown tasks and bad sizes", async () => {
    expect(() => new WorkerPool(0, { kind })).toThrow(/positive integer/);
    expect(() => new WorkerPool(1, { kind: "fibers" as never })).toThrow(/kind must be "threads" or "processes"/);
    const pool = new WorkerPool(1, { kind });
    await expect(pool.run("no-such-task", null, [1], 1)).rejects.toThrow(/unknown task/);
    await pool.close();
    await expect(pool.run(FOREST_TREES_TASK, null, [[0, 1]], 1)).rejects.toThrow(/the pool is closed/);
  });
});

describe("WorkerPool with processes", () => {
  it("lets a program end once closed: close() waits for idle worker processes to exit", () => {
    // vitest keeps its own event loop busy, so the program runs on its own
    const program = `import { WorkerPool } from ${JSON.stringify(pathToFileURL(bundle).href)};
      const pool = new WorkerPool(2, { kind: "processes" });
      await new Promise((resolve) => setTimeout(resolve, 200));
      await pool.close();
      console.log("closed");`;
    const out = execFileSync(process.execPath, ["--input-type=module", "-e", program], { encoding: "utf8", timeout: 20_000 });
    expect(out.trim()).toBe("closed");
  }, 30_000);

  // the worker processes' command lines are read from /proc
  it.runIf(process.platform === "linux")("gives its worker processes the program's heap sizes and no other option", () => {
    const program = `import { readdirSync, readFileSync } from "node:fs";
      import { WorkerPool } from ${JSON.stringify(pathToFileURL(bundle).href)};
      const pool = new WorkerPool(1, { kind: "processes" });
      const children = readdirSync("/proc").filter((pid) => /^\\d+$/.test(pid)).filter((pid) => {
        try { return Number(readFileSync("/proc/" + pid + "/stat", "utf8").split(") ")[1].split(" ")[1]) === process.pid; } catch { return false; }
      });
      console.log(JSON.stringify(children.map((pid) => readFileSync("/proc/" + pid + "/cmdline", "utf8").split("\\0").slice(1, -1))));
      await pool.close();`;
    const options = ["--max-old-space-size=1234", "--max_semi_space_size=4", "--stack-trace-limit=7"];
    const out = execFileSync(process.execPath, [...options, "--input-type=module", "-e", program], { encoding: "utf8", timeout: 20_000 });
    // the child's arguments: its options, then the script
    expect(JSON.parse(out.trim())).toEqual([["--max-old-space-size=1234", "--max_semi_space_size=4", bundle]]);
  }, 30_000);

  // finding the worker process to end reads /proc
  it.runIf(process.platform === "linux")("fails only the run whose worker process died, and replaces the worker", async () => {
    const pool = new WorkerPool(1, { kind: "processes" });
    try {
      const plan = forestPlan(400);
      const ranges = Array.from({ length: 400 }, (_, t) => [t, t + 1]);
      let killed = false;
      const failure = await pool
        .run(FOREST_TREES_TASK, plan, ranges, 1, () => {
          // the first result shows the process is up and working: end it from outside
          if (killed) return;
          killed = true;
          for (const pid of childPids()) process.kill(pid, "SIGKILL");
        })
        .catch((error: unknown) => error);
      expect((failure as Error).message).toMatch(/a worker process exited \(signal SIGKILL\)/);
      const small = forestPlan(2);
      expect(await pool.run(FOREST_TREES_TASK, small, [[0, 2]], 1)).toHaveLength(1);
    } finally {
      await pool.close();
    }
  }, 30_000);
});

/** Process ids whose parent is this process (Linux /proc). */
function childPids(): number[] {
  return readdirSync("/proc")
    .filter((name) => /^\d+$/.test(name))
    .filter((pid) => {
      try {
        // the parent pid is the fourth field, after the name in parentheses
        return Number(readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ")[1]) === process.pid;
      } catch {
        return false; // ended meanwhile
      }
    })
    .map(Number);
}
