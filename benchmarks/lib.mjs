// Shared benchmark helpers: timing, the Python reference runner, and the results table.
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import os from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");

/**
 * glibc's malloc thresholds, the same for both sides. By default glibc maps each large block
 * afresh and unmaps it when freed (the next one pays a page fault per 4 KB), and it raises those
 * thresholds as the process frees large blocks, so a case's time depended on the cases before it:
 * scikit-learn's Box-Cox fit took 776 ms timed alone and 266 ms after the other cases. run.mjs
 * restarts itself with these; the reference processes inherit them. Other C libraries ignore them.
 */
export const ALLOCATOR_ENV = { MALLOC_MMAP_THRESHOLD_: String(32 << 20), MALLOC_TRIM_THRESHOLD_: String(64 << 20) };

/** The environment of a Python reference process: the allocator's thresholds, and one thread for BLAS. */
export const REFERENCE_ENV = { ...process.env, ...ALLOCATOR_ENV, OMP_NUM_THREADS: "1", OPENBLAS_NUM_THREADS: "1", MKL_NUM_THREADS: "1" };

/**
 * A fast case runs until its measured calls add up to this many milliseconds (at most
 * MAX_CALLS calls), on both sides: a median of five calls of a few milliseconds each reads
 * the machine's and the JIT compiler's moods rather than the code's speed.
 */
export const MIN_TOTAL_MS = 1000;
const MAX_CALLS = 200;

/**
 * Rounds that alternate between tabkit and scikit-learn, so that a drift of the machine's speed
 * (minutes apart, a shared VM's speed moves by a fifth or more) reaches both sides:
 * TABKIT_BENCH_ROUNDS, by default 3 (1 with TABKIT_BENCH_QUICK=1).
 */
export const ROUNDS = Number(process.env.TABKIT_BENCH_ROUNDS ?? (process.env.TABKIT_BENCH_QUICK === "1" ? 1 : 3));
if (!Number.isInteger(ROUNDS) || ROUNDS < 1) throw new Error(`TABKIT_BENCH_ROUNDS must be a positive integer, got ${process.env.TABKIT_BENCH_ROUNDS}`);

/**
 * ROUNDS rounds of `ours(r)` and `theirs(r)` (each returning times by case), scikit-learn's side
 * first in odd rounds, so that a drift within a round does not always favour the same side.
 */
export async function alternatingRounds(ours, theirs) {
  const rounds = [];
  for (let r = 0; r < ROUNDS; r++) {
    if (r % 2 === 1) {
      const before = theirs(r);
      rounds.push({ ours: await ours(r), theirs: before });
    } else {
      const after = await ours(r);
      rounds.push({ ours: after, theirs: theirs(r) });
    }
  }
  return rounds;
}

/** The middle value (the lower middle of an even count). */
export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)];
}

/** The median over the rounds that timed case `name` of one side (`key`: "ours" or "theirs"). */
export function roundsMedian(rounds, key, name) {
  return median(rounds.filter((round) => name in round[key]).map((round) => round[key][name]));
}

/** Prints, per case of the rounds (each `{ ours, theirs }` keyed by case), the ratio of each round. */
export function printRoundRatios(rounds, theirName = (name) => name) {
  console.log(`\nmedian of ${rounds.length} alternating rounds; ratio per round (tabkit / scikit-learn):`);
  for (const name of Object.keys(rounds[0].ours)) {
    const ratios = rounds.filter((round) => name in round.ours).map((round) => (round.ours[name] / round.theirs[theirName(name)]).toFixed(3));
    console.log(`  ${name}: ${ratios.join(", ")}`);
  }
}

/**
 * Median wall time in milliseconds of the calls of `fn` after `warmup` unmeasured calls: at least
 * `repeat` calls, and more until they add up to `minTotalMs` (reference scripts take the same
 * minimum, see `runPython`'s callers).
 */
export async function timeIt(fn, { repeat = 5, warmup = 1, minTotalMs = 0 } = {}) {
  for (let i = 0; i < warmup; i++) await fn();
  const times = [];
  let total = 0;
  while (times.length < repeat || (total < minTotalMs && times.length < MAX_CALLS)) {
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
    total += times[times.length - 1];
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

/**
 * This process's peak resident memory in bytes: Linux's VmHWM, which, unlike getrusage's maxrss,
 * does not start from the size of the parent that forked it (elsewhere, maxrss).
 */
export function peakResidentBytes() {
  try {
    return Number(/VmHWM:\s+(\d+)/.exec(readFileSync("/proc/self/status", "utf8"))[1]) * 1024;
  } catch {
    return process.resourceUsage().maxRSS * 1024;
  }
}

/**
 * Runs benchmarks/<script> with the pinned Python environment of parity/ (created by
 * `npm run fixtures`) and returns the JSON it prints on its last line.
 */
export function runPython(script, args = []) {
  const python = join(root, "parity", ".venv", "bin", "python");
  if (!existsSync(python)) {
    throw new Error("the Python reference environment is missing: run `npm run fixtures` once to create parity/.venv");
  }
  const out = execFileSync(python, [join(root, "benchmarks", script), ...args.map(String)], {
    cwd: root,
    encoding: "utf8",
    maxBuffer: 1 << 28,
    env: REFERENCE_ENV,
  });
  const lines = out.trim().split("\n");
  return JSON.parse(lines[lines.length - 1]);
}

/** Prints rows of { case, tabkit, reference, unit } with the ratio tabkit / reference. */
export function printTable(rows, { referenceName = "scikit-learn" } = {}) {
  const header = ["case", "tabkit", referenceName, "ratio"];
  const body = rows.map((r) => [
    r.case,
    format(r.tabkit, r.unit),
    format(r.reference, r.unit),
    r.reference > 0 && Number.isFinite(r.tabkit) ? `${(r.tabkit / r.reference).toFixed(3)}x` : "n/a",
  ]);
  const widths = header.map((h, j) => Math.max(h.length, ...body.map((row) => row[j].length)));
  const line = (cells) => `| ${cells.map((c, j) => c.padEnd(widths[j])).join(" | ")} |`;
  console.log(line(header));
  console.log(`|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`);
  for (const row of body) console.log(line(row));
  console.log(`\nmachine: ${os.cpus().length} x ${os.cpus()[0]?.model ?? "cpu"}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, node ${process.version}`);
}

function format(value, unit = "ms") {
  if (value === undefined || value === null || Number.isNaN(value)) return "n/a";
  return unit === "ms" ? `${value.toFixed(value < 10 ? 3 : 1)} ms` : `${value.toFixed(2)} ${unit}`;
}
