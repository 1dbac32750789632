// The headline benchmark: the whole bank-churn pipeline (examples/churn) against the source
// project's scikit-learn + imbalanced-learn pipeline (parity/churn_pipeline.py) on the same split,
// in one run: fit, predict of the 900 test rows, one raw JSON record to a probability, the saved
// model's size and the peak memory of each process, then whether both gave the same model.
// TABKIT_BENCH_TREES sets the forest size (default 1000, the source project's);
// TABKIT_BENCH_JOBS the worker counts to compare (default "-1,1": every core, then one);
// tabkit's workers are threads, as in examples/churn (TABKIT_BENCH_POOL=processes: processes).
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { printTable, runPython } from "./lib.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, "..");
const N_TREES = Number(process.env.TABKIT_BENCH_TREES ?? 1000);
const JOBS = (process.env.TABKIT_BENCH_JOBS ?? "-1,1").split(",").map(Number);

function ours(nJobs, outDir) {
  const tsx = join(root, "node_modules", ".bin", "tsx");
  const out = execFileSync(tsx, ["--tsconfig", join(root, "examples", "tsconfig.json"), join(here, "churn-tabkit.ts"), String(N_TREES), String(nJobs), outDir], {
    cwd: root,
    encoding: "utf8",
    maxBuffer: 1 << 28,
  });
  return JSON.parse(out.trim().split("\n").pop());
}

function agreement(a, b) {
  let worst = 0;
  for (let i = 0; i < a.probability.length; i++) worst = Math.max(worst, Math.abs(a.probability[i] - b.probability[i]));
  const sameMetrics = Object.keys(b.metrics).every((k) => a.metrics[k] === b.metrics[k]);
  return `threshold ${a.threshold === b.threshold ? "identical" : `differs (${a.threshold} vs ${b.threshold})`} (${b.threshold}), ` + `largest probability difference ${worst}, metrics ${sameMetrics ? "identical" : "differ"}`;
}

export async function run() {
  const outDir = mkdtempSync(join(tmpdir(), "tabkit-churn-bench-"));
  try {
    for (const nJobs of JOBS) {
      const tabkit = ours(nJobs, outDir);
      const sklearn = runPython("churn_reference.py", [N_TREES, nJobs, outDir]);
      const workers = nJobs === 1 ? "" : process.env.TABKIT_BENCH_POOL === "processes" ? " (tabkit: worker processes)" : " (tabkit: worker threads)";
      const jobs = (nJobs === -1 ? "all cores" : `${nJobs} job${nJobs === 1 ? "" : "s"}`) + workers;
      console.log(`\n### ${N_TREES} trees, ${jobs}\n`);
      printTable([
        { case: "fit (train split, 5100 rows)", tabkit: tabkit.fitMs, reference: sklearn.fitMs },
        { case: "predict 900 test rows", tabkit: tabkit.predictMs, reference: sklearn.predictMs },
        { case: "one raw JSON record to a probability", tabkit: tabkit.latencyMs, reference: sklearn.latencyMs },
        { case: "saved model (JSON vs joblib)", tabkit: tabkit.modelBytes / 2 ** 20, reference: sklearn.modelBytes / 2 ** 20, unit: "MiB" },
        { case: "peak memory of the process (and its workers)", tabkit: tabkit.peakRssMb, reference: sklearn.peakRssMb, unit: "MiB" },
      ]);
      console.log(`\nagreement: ${agreement(tabkit, sklearn)}`);
      const names = Object.keys(sklearn.metrics);
      console.log(`metrics (tabkit / scikit-learn): ${names.map((k) => `${k} ${tabkit.metrics[k].toFixed(4)} / ${sklearn.metrics[k].toFixed(4)}`).join(", ")}`);
    }
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}
