import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");

/**
 * The built package in a fresh Node process that runs the WebAssembly kernels and a forest on
 * worker threads, with V8 reporting every invalidated protector: the first detached ArrayBuffer
 * of a thread (a grown WebAssembly memory, a transferred buffer) invalidates "ArrayBufferDetaching"
 * and slows every typed array access of that thread from then on.
 */
function runTraced(): string {
  const dist = (path: string) => pathToFileURL(join(root, "dist", path)).href;
  const script = `
    import { Matrix, PowerTransformer, RandomForestClassifier, SMOTE } from ${JSON.stringify(dist("index.js"))};
    import { WorkerPool } from ${JSON.stringify(dist("node/index.js"))};
    const rows = 3000, cols = 10;
    const data = Float64Array.from({ length: rows * cols }, (_, k) => Math.sin(k * 0.37) * (1 + (k % cols)) + Math.cos(k * 0.011));
    const X = new Matrix(data, rows, cols);
    const y = Array.from({ length: rows }, (_, i) => (i % 5 === 0 ? 1 : 0));
    new SMOTE({ kNeighbors: 5, randomState: 0 }).fitResample(X, y);
    new PowerTransformer().fit(X).transform(X);
    new PowerTransformer({ method: "box-cox" }).fit(new Matrix(data.map((v) => Math.exp(v / 4)), rows, cols));
    const pool = new WorkerPool(2);
    await new RandomForestClassifier({ nEstimators: 8, nJobs: 2, randomState: 0 }).fitAsync(X, y, { parallel: pool });
    await pool.close();
    console.log("done");
  `;
  // A file, not --eval: worker threads inherit the process's options, and --input-type would stop them.
  const dir = mkdtempSync(join(tmpdir(), "tabkit-detach-"));
  try {
    const file = join(dir, "run.mjs");
    writeFileSync(file, script);
    return execFileSync(process.execPath, ["--trace-protector-invalidation", file], { encoding: "utf8" });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe("detached buffers", () => {
  it("SMOTE, PowerTransformer (Yeo-Johnson and Box-Cox) and a forest grown on worker threads detach no ArrayBuffer in any thread", () => {
    expect(existsSync(join(root, "dist", "index.js")), "dist/ is missing: run `npm run build`").toBe(true);
    const output = runTraced();
    expect(output).toContain("done");
    expect(output).not.toContain("ArrayBufferDetaching");
  }, 60_000);
});
