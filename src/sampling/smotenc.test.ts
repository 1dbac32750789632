import { describe, expect, it } from "vitest";
import { Frame } from "../core/frame.js";
import type { Label } from "../core/labels.js";
import { loadModel } from "../load-model.js";
import { expectClose, readFixture } from "../../test/helpers/fixtures.js";
import { SMOTENC } from "./smotenc.js";

type Columns = Record<string, (number | string)[]>;
interface Fixture {
  X: Columns;
  y: Label[];
  cases: { name: string; categoricalFeatures: (number | string)[]; kNeighbors: number; randomState: number; medianStd: Record<string, number>; X: Columns; y: Label[] }[];
  zeroStd: { X: Columns; y: Label[]; medianStd: Record<string, number>; XRes: Columns; yRes: Label[] };
}
const fx = readFixture<Fixture>("sampling/smotenc.json");

function expectFrame(actual: Frame, expected: Columns): void {
  for (const [name, values] of Object.entries(expected)) {
    const column = actual.column(name);
    expect(Array.from(column as ArrayLike<unknown>), name).toEqual(values);
  }
}

describe("SMOTENC matches imbalanced-learn", () => {
  for (const c of fx.cases) {
    it(c.name, () => {
      const sm = new SMOTENC({ categoricalFeatures: c.categoricalFeatures, kNeighbors: c.kNeighbors, randomState: c.randomState });
      const out = sm.fitResample(Frame.fromColumns(fx.X), fx.y);
      expect(out.y).toEqual(c.y);
      expectFrame(out.X as Frame, c.X);
      const med = sm.medianStd;
      expectClose(Object.keys(c.medianStd).map((k) => med.get(k)!), Object.values(c.medianStd), 1e-12, "medianStd");
    });
  }
  it("class with constant continuous columns (median std 0)", () => {
    const z = fx.zeroStd;
    const sm = new SMOTENC({ categoricalFeatures: ["color", "size"], kNeighbors: 4, randomState: 3 });
    const out = sm.fitResample(Frame.fromColumns(z.X), z.y);
    expect(out.y).toEqual(z.yRes);
    expectFrame(out.X as Frame, z.XRes);
    expect(sm.medianStd.get("small")).toBe(0);
  });
});

describe("SMOTENC behaviour", () => {
  const frame = Frame.fromColumns({ v: [1, 2, 3, 4, 5, 6, 7, 8], c: ["a", "b", "a", "b", "a", "a", "b", "b"] });
  const y = [0, 0, 0, 1, 1, 1, 1, 1];
  it("finds categorical columns automatically and round-trips its state", () => {
    const sm = new SMOTENC({ kNeighbors: 2, randomState: 1 });
    const out = sm.fitResample(frame, y);
    expect((out.X as Frame).nRows).toBe(10);
    expect(sm.categoricalFeatures).toEqual([1]);
    const loaded = loadModel<SMOTENC>(JSON.stringify(sm.toJSON()));
    expect(loaded.medianStd).toEqual(sm.medianStd);
  });
  it("refuses all-categorical, all-numeric, unknown columns and NaN", () => {
    expect(() => new SMOTENC().fitResample(frame.select(["c"]), y)).toThrow(/continuous/);
    expect(() => new SMOTENC().fitResample(frame.select(["v"]), y)).toThrow(/categorical/);
    expect(() => new SMOTENC({ categoricalFeatures: ["zz"] }).fitResample(frame, y)).toThrow(/"zz"/);
    const nan = Frame.fromColumns({ v: [1, NaN, 3, 4, 5, 6, 7, 8], c: frame.column("c") });
    expect(() => new SMOTENC({ kNeighbors: 2 }).fitResample(nan, y)).toThrow(/row 1/);
  });
});
