import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { build } from "esbuild";
import type { WorkerPool } from "../../src/node/worker-pool.js";

/**
 * The WorkerPool class of a plain-ESM bundle of `src/node/worker-pool.ts`, as the published
 * package ships it: worker threads cannot load TypeScript sources, so they load that file.
 * The bundle has its own copy of the error classes (use `isTabkitError`, not `instanceof`).
 */
export async function bundledWorkerPool(): Promise<{ WorkerPool: typeof WorkerPool; file: string; remove: () => void }> {
  const dir = mkdtempSync(join(tmpdir(), "tabkit-pool-"));
  const outfile = join(dir, "pool.mjs");
  await build({ entryPoints: [join(__dirname, "../../src/node/worker-pool.ts")], bundle: true, format: "esm", platform: "node", outfile, logLevel: "silent" });
  const module = (await import(pathToFileURL(outfile).href)) as { WorkerPool: typeof WorkerPool };
  return { WorkerPool: module.WorkerPool, file: outfile, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
