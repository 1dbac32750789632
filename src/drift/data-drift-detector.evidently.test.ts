import { describe, expect, it } from "vitest";
import { Frame } from "../core/frame.js";
import { expectClose, readDataFile, readFixture } from "../../test/helpers/fixtures.js";
import { DataDriftDetector, type DataDriftDetectorParams } from "./data-drift-detector.js";

interface Scenario {
  options: Record<string, unknown>;
  columns: { column: string; method: string; threshold: number; score: number; drift: boolean }[];
  drifted: { count: number; share: number };
}

const F = readFixture<{ evidently: string; scenarios: Record<string, Scenario> }>("drift/evidently_bank.json");
const read = (name: string) => Frame.fromCSV(readDataFile(`bank_churn/${name}`));
const train = read("dados_treino.csv");
const novos1 = read("dados_novos_1.csv");

/** The copy of parity/gen_drift_evidently.py: idade + 5, every third row's pais set to "Alemanha". */
function shifted(frame: Frame): Frame {
  const idade = frame.numeric("idade").map((v) => v + 5);
  const pais = (frame.column("pais") as (string | null)[]).map((v, i) => (i % 3 === 0 ? "Alemanha" : v));
  return frame.withColumn("idade", idade).withColumn("pais", pais);
}

const frames: Record<string, Frame> = {
  treino: train,
  treino800: train.takeRows(Array.from({ length: 800 }, (_, i) => i)),
  novos_1: novos1,
  novos_2: read("dados_novos_2.csv"),
  novos_1_shifted: shifted(novos1),
};

const camel = (key: string) => key.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

describe(`DataDriftDetector matches Evidently ${F.evidently} DataDriftPreset on bank churn`, () => {
  for (const [name, scenario] of Object.entries(F.scenarios)) {
    it(name, () => {
      const [refName, curName] = name.split("__");
      const params = Object.fromEntries(Object.entries(scenario.options).map(([k, v]) => [camel(k), v])) as Partial<DataDriftDetectorParams>;
      const report = new DataDriftDetector(params).fit(frames[refName]).evaluate(frames[curName]);
      let worst = 0;
      for (const expected of scenario.columns) {
        const got = report.columns.find((c) => c.column === expected.column)!;
        expect(got.status, expected.column).toBe("tested");
        expect(got.method, expected.column).toBe(expected.method);
        expect(got.threshold, expected.column).toBe(expected.threshold);
        worst = Math.max(worst, expectClose([got.score!], [expected.score], 1e-9, `${name} ${expected.column} score`));
        // Small p-values are compared relatively as well.
        if (expected.score > 0 && expected.score < 1e-3) expect(Math.abs(got.score! / expected.score - 1), expected.column).toBeLessThan(1e-6);
        expect(got.drift, expected.column).toBe(expected.drift);
      }
      expect(report.nTested).toBe(scenario.columns.length);
      expect(report.nDrifted).toBe(scenario.drifted.count);
      expect(report.shareDrifted).toBe(scenario.drifted.share);
      console.log(`${name}: worst score error ${worst}`);
    });
  }
});
