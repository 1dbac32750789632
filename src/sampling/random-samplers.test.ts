import { describe, expect, it } from "vitest";
import { Frame } from "../core/frame.js";
import type { Label } from "../core/labels.js";
import type { Matrix } from "../core/matrix.js";
import { flat, readFixture } from "../../test/helpers/fixtures.js";
import { RandomOverSampler } from "./random-over-sampler.js";
import { RandomUnderSampler } from "./random-under-sampler.js";

interface Fixture {
  X: number[][];
  y: Label[];
  cases: { name: string; kind: string; params: Record<string, unknown>; X: number[][]; y: Label[]; sampleIndices: number[] }[];
}
const fx = readFixture<Fixture>("sampling/random-samplers.json");

describe("random samplers match imbalanced-learn", () => {
  for (const c of fx.cases) {
    it(c.name, () => {
      const sampler = c.kind === "RandomOverSampler" ? new RandomOverSampler(c.params) : new RandomUnderSampler(c.params);
      const out = sampler.fitResample(fx.X, fx.y);
      expect(Array.from(sampler.sampleIndices)).toEqual(c.sampleIndices);
      expect(out.y).toEqual(c.y);
      expect(Array.from((out.X as Matrix).data)).toEqual(Array.from(flat(c.X)));
    });
  }
});

describe("random samplers on mixed tables", () => {
  it("duplicate categorical rows and keep the Frame shape", () => {
    const frame = Frame.fromColumns({ city: ["a", "b", "c", "d", "e"], v: [1, 2, 3, 4, 5] });
    const out = new RandomOverSampler({ randomState: 0 }).fitResample(frame, ["x", "x", "x", "y", "y"]);
    expect(out.X).toBeInstanceOf(Frame);
    expect((out.X as Frame).nRows).toBe(6);
    expect(out.y).toEqual(["x", "x", "x", "y", "y", "y"]);
    expect(() => new RandomUnderSampler({ samplingStrategy: "minority" }).fitResample(frame, ["x", "x", "x", "y", "y"])).toThrow(/under-sampler/);
  });
  it("refuse continuous targets, as imbalanced-learn does", () => {
    const X = [[1], [2], [3], [4]];
    expect(() => new RandomOverSampler().fitResample(X, [0, 0.5, 1, 1])).toThrow(/^RandomOverSampler\.fitResample: y holds the non-integer number 0\.5/);
    expect(() => new RandomUnderSampler().fitResample(X, [0, 1.5, 1, 1])).toThrow(/non-integer number 1\.5/);
  });
});
