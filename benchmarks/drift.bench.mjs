// DataDriftDetector against Evidently's DataDriftPreset: a report for 100,000 current rows x 100
// mixed columns (60 float, 10 low-cardinality integer, 30 text categorical) against a
// 100,000-row reference, on the same data in the same run. Evidently runs in its own venv
// (parity/.venv-evidently: it needs pandas < 3), so this suite calls that Python directly.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { DataDriftDetector, Frame, RandomState, renderDriftReport } from "../dist/index.js";
import { printTable, REFERENCE_ENV, timeIt } from "./lib.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const ROWS = 100_000;
const FLOATS = 60;
const INTS = 10;
const CATS = 30;

/** One window: column-major float and integer-code blocks; `drift` shifts a few columns. */
function window(seed, drift) {
  const rs = new RandomState(seed);
  const floats = new Float64Array(ROWS * FLOATS);
  for (let j = 0; j < FLOATS; j++) {
    const scale = 1 + j;
    const shift = drift && j < 6 ? 0.2 * scale : 0;
    for (let i = 0; i < ROWS; i++) {
      const u = rs.nextDouble();
      const v = j % 3 === 1 ? -Math.log(1 - u) * scale : (u + rs.nextDouble() + rs.nextDouble() - 1.5) * scale;
      floats[j * ROWS + i] = j % 10 === 9 && u < 0.01 ? NaN : v + 10 * j + shift;
    }
  }
  const codes = new Int32Array(ROWS * (INTS + CATS));
  for (let j = 0; j < INTS + CATS; j++) {
    const k = j < INTS ? 3 + (j % 8) : 3 + ((j - INTS) * 47) % 48;
    const power = drift && (j === 0 || j === INTS || j === INTS + 1) ? 1.5 : 2;
    for (let i = 0; i < ROWS; i++) codes[j * ROWS + i] = Math.floor(rs.nextDouble() ** power * k);
  }
  return { floats, codes };
}

function toFrame({ floats, codes }) {
  const columns = {};
  for (let j = 0; j < FLOATS; j++) columns[`f${j}`] = floats.subarray(j * ROWS, (j + 1) * ROWS);
  for (let j = 0; j < INTS; j++) columns[`i${j}`] = Float64Array.from(codes.subarray(j * ROWS, (j + 1) * ROWS));
  for (let j = 0; j < CATS; j++) columns[`c${j}`] = Array.from(codes.subarray((INTS + j) * ROWS, (INTS + j + 1) * ROWS), (c) => `v${c}`);
  return Frame.fromColumns(columns);
}

export async function run() {
  const ref = window(1, false);
  const cur = window(2, true);
  const reference = toFrame(ref);
  const current = toFrame(cur);

  const fitMs = await timeIt(() => new DataDriftDetector().fit(reference), { repeat: 3 });
  const detector = new DataDriftDetector().fit(reference);
  const evaluateMs = await timeIt(() => detector.evaluate(current), { repeat: 3 });
  const report = detector.evaluate(current);
  const htmlMs = await timeIt(() => renderDriftReport(report), { repeat: 3 });
  const jsonBytes = JSON.stringify(detector.toJSON()).length;

  const dir = join(root, ".bench-tmp", "drift");
  mkdirSync(dir, { recursive: true });
  for (const [name, w] of [["ref", ref], ["cur", cur]]) {
    writeFileSync(join(dir, `${name}_floats.bin`), new Uint8Array(w.floats.buffer));
    writeFileSync(join(dir, `${name}_codes.bin`), new Uint8Array(w.codes.buffer));
  }
  writeFileSync(join(dir, "meta.json"), JSON.stringify({ rows: ROWS, floats: FLOATS, ints: INTS, cats: CATS }));
  const python = join(root, "parity", ".venv-evidently", "bin", "python");
  if (!existsSync(python)) throw new Error("parity/.venv-evidently is missing: run `npm run fixtures -- gen_drift_evidently` once to create it");
  const out = execFileSync(python, [join(root, "benchmarks", "drift_reference.py"), dir], {
    cwd: root,
    encoding: "utf8",
    maxBuffer: 1 << 26,
    env: REFERENCE_ENV,
  });
  const evidently = JSON.parse(out.trim().split("\n").pop());

  let worst = 0;
  let verdicts = 0;
  let methods = 0;
  for (const c of report.columns) {
    const e = evidently.columns[c.column];
    worst = Math.max(worst, Math.abs(c.score - e.score));
    if (c.drift !== e.drift) verdicts++;
    if (c.method !== e.method) methods++;
  }
  printTable(
    [
      { case: "fit reference (100k rows x 100 cols)", tabkit: fitMs, reference: NaN },
      { case: "evaluate current (100k rows x 100 cols)", tabkit: evaluateMs, reference: NaN },
      { case: "fit + evaluate vs Evidently DataDriftPreset", tabkit: fitMs + evaluateMs, reference: evidently.reportMs },
      { case: "render HTML report", tabkit: htmlMs, reference: NaN },
    ],
    { referenceName: `Evidently ${evidently.version}` },
  );
  console.log(`\nspeed-up over Evidently: ${(evidently.reportMs / (fitMs + evaluateMs)).toFixed(1)}x`);
  console.log(`fitted detector: ${(detector.stateBytes / 2 ** 20).toFixed(2)} MiB of summaries, ${(jsonBytes / 2 ** 20).toFixed(2)} MiB as JSON (reference data: ${((ROWS * (FLOATS + INTS) * 8) / 2 ** 20).toFixed(0)} MiB numeric alone)`);
  console.log(`agreement with Evidently: ${report.columns.length - methods}/${report.columns.length} methods, ${report.columns.length - verdicts}/${report.columns.length} verdicts, max |score difference| ${worst.toExponential(2)} (reference merged to 10,000 points per float column); drifted ${report.nDrifted} vs ${evidently.drifted}`);
}
