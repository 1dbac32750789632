import { describe, expect, it } from "vitest";
import { DataError, ValidationError } from "../core/errors.js";
import type { Label } from "../core/labels.js";
import { readFixture } from "../../test/helpers/fixtures.js";
import { GroupKFold } from "./group-k-fold.js";
import { KFold } from "./k-fold.js";
import { RepeatedStratifiedKFold } from "./repeated-stratified-k-fold.js";
import { ShuffleSplit } from "./shuffle-split.js";
import type { Splitter } from "./splitter.js";
import { StratifiedKFold } from "./stratified-k-fold.js";
import { StratifiedShuffleSplit } from "./stratified-shuffle-split.js";
import { TimeSeriesSplit } from "./time-series-split.js";
import { checkCv, toSplitter } from "./check-cv.js";

interface Case {
  name: string;
  splitter: string;
  params: Record<string, unknown>;
  n: number;
  y: Label[] | null;
  groups: Label[] | null;
  splits: { train: number[]; test: number[] }[];
}
const fixture = readFixture<{ cases: Case[] }>("selection/splitters.json");

describe("splitters match scikit-learn's indices", () => {
  for (const c of fixture.cases) {
    it(c.name, () => {
      const splitter = toSplitter({ splitter: c.splitter, ...c.params }, "test");
      const got = [...splitter.split(c.n, c.y, c.groups)];
      expect(got.length).toBe(c.splits.length);
      expect(splitter.getNSplits()).toBe(c.splits.length);
      got.forEach((s, k) => {
        expect(Array.from(s.train)).toEqual(c.splits[k].train);
        expect(Array.from(s.test)).toEqual(c.splits[k].test);
      });
    });
  }
});

describe("splitter errors", () => {
  it("rejects a seed without shuffling and too few splits", () => {
    expect(() => new KFold({ randomState: 1 })).toThrow(ValidationError);
    expect(() => new KFold({ nSplits: 1 })).toThrow(ValidationError);
  });
  it("rejects more splits than rows, classes or groups", () => {
    expect(() => [...new KFold({ nSplits: 5 }).split(3)]).toThrow(/greater than the number of samples/);
    expect(() => [...new StratifiedKFold({ nSplits: 4 }).split(6, ["a", "a", "a", "b", "b", "b"])]).toThrow(/every class/);
    expect(() => [...new GroupKFold({ nSplits: 3 }).split(4, null, [1, 1, 2, 2])]).toThrow(/number of groups/);
    expect(() => [...new GroupKFold().split(4)]).toThrow(/groups is required/);
    expect(() => [...new TimeSeriesSplit({ nSplits: 5, testSize: 3 }).split(10)]).toThrow(/too many splits/);
  });
  it("refuses a continuous y for stratified folds, as scikit-learn's type_of_target check", () => {
    const y = [0.5, 0.5, 1.5, 1.5, 0.5, 1.5];
    expect(() => [...new StratifiedKFold({ nSplits: 2 }).split(6, y)]).toThrow(/^StratifiedKFold\.split: y is continuous/);
    expect(() => [...new RepeatedStratifiedKFold({ nSplits: 2, nRepeats: 2, randomState: 0 }).split(6, y)]).toThrow(DataError);
    expect([...new StratifiedKFold({ nSplits: 2 }).split(6, [0, 0, 1, 1, 0, 1])]).toHaveLength(2);
  });
  it("checkCv stratifies a classifier's folds only for class labels, as scikit-learn's check_cv", () => {
    expect(checkCv(3, [0, 1, 0, 1], true, "X")).toBeInstanceOf(StratifiedKFold);
    expect(checkCv(3, ["a", "b", "c"], true, "X")).toBeInstanceOf(StratifiedKFold);
    expect(checkCv(3, [0.5, 1.5, 0.5], true, "X")).toBeInstanceOf(KFold);
    expect(checkCv(3, [0, 1, 0, 1], false, "X")).toBeInstanceOf(KFold);
    expect(checkCv(null, null, true, "X")).toBeInstanceOf(KFold);
  });
  it("rejects labels of the wrong length and single-member classes", () => {
    expect(() => [...new StratifiedKFold({ nSplits: 2 }).split(4, ["a", "b", "a"])]).toThrow(DataError);
    expect(() => [...new StratifiedShuffleSplit({ testSize: 0.5 }).split(5, ["a", "a", "b", "b", "c"])]).toThrow(/only 1 member/);
    expect(() => [...new ShuffleSplit({ testSize: 12 }).split(10)]).toThrow(/smaller than the number of samples/);
  });
  it("is deterministic per call with a seed and rebuilds from its plain description", () => {
    const s: Splitter = new RepeatedStratifiedKFold({ nSplits: 2, nRepeats: 2, randomState: 3 });
    const y = ["a", "b", "a", "b", "a", "b", "a", "b"];
    const first = [...s.split(8, y)].map((f) => Array.from(f.test));
    expect([...s.split(8, y)].map((f) => Array.from(f.test))).toEqual(first);
    const rebuilt = toSplitter(JSON.parse(JSON.stringify(s)), "test");
    expect([...rebuilt.split(8, y)].map((f) => Array.from(f.test))).toEqual(first);
  });
  it("says whether it stratifies, outside its plain description", () => {
    const splitters: Splitter[] = [new KFold(), new GroupKFold(), new ShuffleSplit(), new TimeSeriesSplit(), new StratifiedKFold(), new RepeatedStratifiedKFold(), new StratifiedShuffleSplit()];
    expect(splitters.map((s) => s.stratified)).toEqual([false, false, false, false, true, true, true]);
    for (const s of splitters) {
      expect(Object.keys(s)).not.toContain("stratified");
      expect(toSplitter(s, "test").stratified).toBe(s.stratified);
    }
  });
  it("StratifiedKFold warns through onWarning when a class has fewer members than nSplits (once for RepeatedStratifiedKFold)", () => {
    const y = ["a", "a", "a", "a", "b", "b", "b", "c"];
    const messages: string[] = [];
    const onWarning = (message: string) => void messages.push(message);
    expect([...new StratifiedKFold({ nSplits: 3 }).split(8, y, null, { onWarning })]).toHaveLength(3);
    expect([...new RepeatedStratifiedKFold({ nSplits: 3, nRepeats: 2, randomState: 0 }).split(8, y, null, { onWarning })]).toHaveLength(6);
    expect([...new StratifiedKFold({ nSplits: 3 }).split(8, y.map((v) => (v === "c" ? "b" : v)), null, { onWarning })]).toHaveLength(3);
    expect(messages).toEqual([
      "StratifiedKFold.split: the least populated class in y has only 1 member(s), which is less than nSplits=3",
      "RepeatedStratifiedKFold.split: the least populated class in y has only 1 member(s), which is less than nSplits=3",
    ]);
  });
  it("prints a NaN group as NaN and a string group quoted", () => {
    expect(() => [...new GroupKFold({ nSplits: 2 }).split(5, null, [1, 2, 3, 4, NaN])]).toThrow(/^GroupKFold\.split: groups value NaN \(row 4\) must be a finite number or a string/);
    expect(() => [...new GroupKFold({ nSplits: 2 }).split(3, null, [1, 2, "3"])]).toThrow(/groups value "3" \(row 2\)/);
  });
});
