import { describe, expect, it } from "vitest";
import { DataError, ValidationError } from "../core/errors.js";
import { Frame } from "../core/frame.js";
import type { Label } from "../core/labels.js";
import { Matrix } from "../core/matrix.js";
import { readFixture } from "../../test/helpers/fixtures.js";
import { trainTestSplit, type TrainTestSplitOptions } from "./train-test-split.js";

interface Fixture {
  trainTestSplit: { name: string; n: number; options: TrainTestSplitOptions; train: number[]; test: number[] }[];
  bankChurn: { y: Label[]; train: number[]; test: number[] };
}
const fixture = readFixture<Fixture>("selection/splitters.json");

describe("trainTestSplit matches scikit-learn", () => {
  for (const c of fixture.trainTestSplit) {
    it(c.name, () => {
      const split = trainTestSplit(c.n, c.options);
      expect(Array.from(split.train)).toEqual(c.train);
      expect(Array.from(split.test)).toEqual(c.test);
    });
  }
  it("stratified 15% split of the bank-churn data (random_state 42)", () => {
    const { y, train, test } = fixture.bankChurn;
    const split = trainTestSplit(y.length, { stratify: y, testSize: 0.15, randomState: 42 });
    expect(Array.from(split.train)).toEqual(train);
    expect(Array.from(split.test)).toEqual(test);
  });
});

describe("trainTestSplit.take", () => {
  it("cuts frames, matrices, rows and labels the same way without aliasing", () => {
    const frame = Frame.fromColumns({ a: [1, 2, 3, 4], b: ["w", "x", "y", "z"] });
    const matrix = Matrix.from2D([[1], [2], [3], [4]]);
    const rows = [[1], [2], [3], [4]];
    const labels = ["p", "q", "r", "s"];
    const split = trainTestSplit(frame, { testSize: 1, randomState: 0 });
    const [ftr, fte] = split.take(frame);
    const [mtr] = split.take(matrix);
    const [rtr] = split.take(rows);
    const [ltr, lte] = split.take(labels);
    expect(Array.from(ftr.numeric("a"))).toEqual(Array.from(mtr.data));
    expect(rtr.map((r) => r[0])).toEqual(Array.from(mtr.data));
    expect(ltr.length + lte.length).toBe(4);
    expect(fte.nRows).toBe(1);
    rtr[0][0] = 99;
    expect(rows.flat()).toEqual([1, 2, 3, 4]);
    expect(() => split.take([1, 2, 3])).toThrow(DataError);
  });
  it("rejects impossible sizes", () => {
    expect(() => trainTestSplit(10, { testSize: 0.6, trainSize: 0.6 })).toThrow(/must not exceed 1/);
    expect(() => trainTestSplit(10, { testSize: 6, trainSize: 6 })).toThrow(/exceeds the number of samples/);
    expect(() => trainTestSplit(10, { testSize: 1.5 })).toThrow(/fraction/);
    expect(() => trainTestSplit(10, { testSize: "0.2" as never })).toThrow(ValidationError);
    expect(() => trainTestSplit(10, { testSize: "0.2" as never })).toThrow(/^trainTestSplit: testSize="0.2" must be a fraction in \(0, 1\) or a positive integer$/);
    expect(() => trainTestSplit(10, { test_size: 0.2 } as never)).toThrow(/^trainTestSplit: unknown option "test_size"; valid ones are testSize, trainSize, randomState, shuffle, stratify$/);
    expect(() => trainTestSplit(4, { stratify: ["a", "a", "b", "b"], testSize: 1 })).toThrow(/at least the number of classes/);
  });
});
