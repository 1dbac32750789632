import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { build } from "esbuild";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Matrix } from "../core/matrix.js";
import { RandomForestClassifier } from "../models/random-forest-classifier.js";
import { RandomForestRegressor } from "../models/random-forest-regressor.js";
import type { WorkerPool as WorkerPoolType } from "./worker-pool.js";

// Worker threads cannot load TypeScript sources, so the pool module is bundled to plain ESM
// first, as the published package ships it; the workers then load that file.
let dir: string;
let WorkerPool: typeof WorkerPoolType;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "tabkit-pool-"));
  const outfile = join(dir, "pool.mjs");
  await build({ entryPoints: [join(__dirname, "worker-pool.ts")], bundle: true, format: "esm", platform: "node", outfile, logLevel: "silent" });
  ({ WorkerPool } = (await import(pathToFileURL(outfile).href)) as { WorkerPool: typeof WorkerPoolType });
}, 30_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

const rows = Array.from({ length: 120 }, (_, i) => [Math.sin(i), Math.cos(i * 1.3) * 2, (i * 37) % 17]);
const X = Matrix.from2D(rows);
const labels = rows.map(([a, b]) => (a + b > 0.5 ? "yes" : "no"));
const target = rows.map(([a, b, c]) => a * 3 + b - c / 10);

describe("WorkerPool", () => {
  it("grows the same forests as the sequential fit, for any nJobs", async () => {
    const pool = new WorkerPool(2);
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

  it("refuses unknown tasks and bad sizes", async () => {
    expect(() => new WorkerPool(0)).toThrow(/positive integer/);
    const pool = new WorkerPool(1);
    await expect(pool.run("no-such-task", null, [1], 1)).rejects.toThrow(/unknown task/);
    await pool.close();
  });
});
