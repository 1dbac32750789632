// Runs benchmark suites: `npm run bench -- <suite> [<suite> ...]` (no suite: all of them).
// Each suite is benchmarks/<suite>.bench.mjs; it times tabkit (from the built dist/) and the
// Python reference on the same data in the same run, and prints one table with the ratios.
import { execFileSync, spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { ALLOCATOR_ENV } from "./lib.mjs";

// glibc reads its malloc thresholds at start: without them set, run again with them.
if (Object.entries(ALLOCATOR_ENV).some(([name, value]) => process.env[name] !== value)) {
  const again = spawnSync(process.execPath, [...process.execArgv, ...process.argv.slice(1)], { stdio: "inherit", env: { ...process.env, ...ALLOCATOR_ENV } });
  if (again.error) throw again.error;
  if (again.signal) console.error(`the benchmarks were stopped by ${again.signal}`);
  process.exit(again.status ?? 1);
}

const here = dirname(fileURLToPath(import.meta.url));
const available = readdirSync(here)
  .filter((f) => f.endsWith(".bench.mjs"))
  .map((f) => f.replace(/\.bench\.mjs$/, ""))
  .sort();
const wanted = process.argv.slice(2);
const unknown = wanted.filter((w) => !available.includes(w));
if (unknown.length > 0) {
  console.error(`unknown benchmark suite(s): ${unknown.join(", ")}; available: ${available.join(", ")}`);
  process.exit(2);
}
execFileSync("npm", ["run", "build", "--silent"], { cwd: join(here, ".."), stdio: "inherit" });
// A suite that fails (a reference environment not created, say) is reported, and the others still run.
const failed = [];
for (const suite of wanted.length > 0 ? wanted : available) {
  console.log(`\n## ${suite}\n`);
  try {
    const module = await import(pathToFileURL(join(here, `${suite}.bench.mjs`)).href);
    await module.run();
  } catch (error) {
    console.error(`suite ${suite} failed: ${error instanceof Error ? error.message : error}`);
    failed.push(suite);
  }
}
if (failed.length > 0) {
  console.error(`\nfailed suites: ${failed.join(", ")}`);
  process.exitCode = 1;
}
