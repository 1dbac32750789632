import { describe, expect, it } from "vitest";
import { DataError, ValidationError } from "../core/errors.js";
import { createRegistry } from "../core/model-loader.js";
import { Pipeline } from "../compose/pipeline.js";
import { loadModel } from "../load-model.js";
import { builtinEstimators } from "../registry.js";
import { expectClose, readFixture } from "../../test/helpers/fixtures.js";
import { SoftsignLinear } from "../../test/helpers/softsign.js";
import { crossValidate } from "./cross-validate.js";
import { GridSearchCV } from "./grid-search-cv.js";
import { KFold } from "./k-fold.js";
import { withNestedParams } from "./nested-params.js";
import { sampleParameters } from "./parameter-sampler.js";
import { RandomizedSearchCV } from "./randomized-search-cv.js";
import type { CvResults } from "./search-cv.js";
import { StratifiedKFold } from "./stratified-k-fold.js";

type Results = Record<string, unknown[]>;
interface Fixture {
  X: number[][];
  y: number[];
  grid: { results: Results; bestParams: Record<string, number>; bestScore: number; bestIndex: number };
  multi: { results: Results; bestParams: Record<string, number>; bestScore: number };
  random: { results: Results; bestParams: Record<string, number>; bestScore: number };
  samplers: Record<string, Record<string, unknown>[]>;
  crossValidate: Record<string, number[]>;
}
const fx = readFixture<Fixture>("selection/search.json");

/** Compares our cvResults with scikit-learn's (times excluded): params exact, scores to 1e-12, ranks exact. */
function expectResults(ours: CvResults, theirs: Results): void {
  for (const [key, expected] of Object.entries(theirs)) {
    const actual = ours[key];
    expect(actual, key).toBeDefined();
    if (key.startsWith("rank_") || key.startsWith("param") || key === "params") expect(Array.from(actual as ArrayLike<unknown>), key).toEqual(expected);
    else expectClose(actual as Float64Array, expected as number[], 1e-12, key);
  }
}

const pipe = () => new Pipeline({ steps: [["clf", new SoftsignLinear()]] });

describe("searches match scikit-learn", () => {
  it("GridSearchCV over a Pipeline step (clf__w0 ...), with rank ties", () => {
    const gs = new GridSearchCV({ estimator: pipe(), paramGrid: { clf__w0: [0.5, 1, 2], clf__w1: [-1, 0], clf__w2: [0.25, 0.25] }, scoring: "f1", cv: new StratifiedKFold({ nSplits: 3 }) }).fit(fx.X, fx.y);
    expectResults(gs.cvResults, fx.grid.results);
    expect(gs.bestIndex).toBe(fx.grid.bestIndex);
    expect(gs.bestParams).toEqual(fx.grid.bestParams);
    expectClose([gs.bestScore], [fx.grid.bestScore], 1e-12, "bestScore");
    expect((gs.bestEstimator as Pipeline).params.steps[0][1]).toBeInstanceOf(SoftsignLinear);
  });
  it("GridSearchCV with a list of grids, two scorers, refit by name and train scores", () => {
    const gs = new GridSearchCV({
      estimator: new SoftsignLinear(),
      paramGrid: [{ w0: [1, 3] }, { w1: [-2, 0.5, 1], w2: [0] }],
      scoring: ["accuracy", "balanced_accuracy"],
      refit: "balanced_accuracy",
      cv: new KFold({ nSplits: 4, shuffle: true, randomState: 1 }),
      returnTrainScore: true,
    }).fit(fx.X, fx.y);
    expectResults(gs.cvResults, fx.multi.results);
    expect(gs.bestParams).toEqual(fx.multi.bestParams);
    expectClose([gs.bestScore], [fx.multi.bestScore], 1e-12, "bestScore");
  });
  it("RandomizedSearchCV draws scikit-learn's candidates from lists", () => {
    const rs = new RandomizedSearchCV({
      estimator: pipe(),
      paramDistributions: { clf__w0: [0.25, 0.5, 1, 2, 4], clf__w1: [-1.5, -1, -0.5, 0], clf__w2: [0, 0.5] },
      nIter: 6,
      scoring: "balanced_accuracy",
      randomState: 7,
      cv: 3,
    }).fit(fx.X, fx.y);
    expectResults(rs.cvResults, fx.random.results);
    expect(rs.bestParams).toEqual(fx.random.bestParams);
  });
  it("ParameterSampler: tracking selection, permutation, reservoir and distributions", () => {
    const big = { a: Array.from({ length: 20 }, (_, i) => i), b: Array.from({ length: 10 }, (_, i) => i) };
    expect(sampleParameters(big, 1, 3)).toEqual(fx.samplers.tracking);
    expect(sampleParameters(big, 30, 4)).toEqual(fx.samplers.permutation);
    expect(sampleParameters({ a: [1, 2, 3], b: ["x", "y"] }, 10, 5)).toEqual(fx.samplers.reservoir);
    expect(sampleParameters(big, 199, 6)).toEqual(fx.samplers.reservoir_ratio);
    const drawn = sampleParameters(
      { c: { distribution: "uniform", loc: 2, scale: 3 }, d: { distribution: "loguniform", low: 1e-3, high: 10 }, e: { distribution: "randint", low: 1, high: 9 }, f: ["p", "q", "r"] },
      8,
      8,
    );
    drawn.forEach((d, i) => {
      const want = fx.samplers.distributions[i];
      expect([d.c, d.e, d.f]).toEqual([want.c, want.e, want.f]);
      expectClose([d.d as number], [want.d as number], 1e-12, "loguniform");
    });
    expect(sampleParameters([{ c: { distribution: "uniform" } }, { e: { distribution: "randint", low: 0, high: 100 }, f: [1, 2] }], 6, 9)).toEqual(fx.samplers.two_spaces);
  });
  it("crossValidate with named scorers and train scores", () => {
    const out = crossValidate(new SoftsignLinear({ w0: 2 }), fx.X, fx.y, { cv: 5, scoring: { f1w: "f1_weighted", acc: "accuracy" }, returnTrainScore: true });
    for (const [key, values] of Object.entries(fx.crossValidate)) expectClose(out[key] as Float64Array, values, 1e-12, key);
    expect(out.fit_time.length).toBe(5);
  });
});

describe("search behaviour", () => {
  const registry = createRegistry([...builtinEstimators, SoftsignLinear]);
  it("round-trips through loadModel and predicts like its best estimator", () => {
    const gs = new GridSearchCV({ estimator: pipe(), paramGrid: { clf__w0: [0.5, 2] }, scoring: "accuracy", cv: 3 }).fit(fx.X, fx.y);
    const loaded = loadModel<GridSearchCV>(JSON.stringify(gs.toJSON()), { registry });
    expect(loaded.predict(fx.X)).toEqual(gs.predict(fx.X));
    expect(loaded.bestParams).toEqual(gs.bestParams);
    expect(JSON.stringify(loaded.toJSON())).toBe(JSON.stringify(gs.toJSON()));
  });
  it("sets nested params without touching the original", () => {
    const original = pipe();
    const changed = withNestedParams(original, { clf__w0: 5 });
    expect((changed.params.steps[0][1] as SoftsignLinear).params.w0).toBe(5);
    expect((original.params.steps[0][1] as SoftsignLinear).params.w0).toBe(1);
    expect(() => withNestedParams(original, { nope__w0: 1 })).toThrow(ValidationError);
    expect(() => withNestedParams(original, { clf__nope: 1 })).toThrow(/no parameter "nope"/);
  });
  it("refuses a class absent from a training fold, mismatched labels, and bad refit", () => {
    const y = fx.y.map((_, i) => (i < 140 ? 0 : 1));
    expect(() => new GridSearchCV({ estimator: new SoftsignLinear(), paramGrid: { w0: [1] }, cv: new KFold({ nSplits: 3 }) }).fit(fx.X, y)).toThrow(/training fold 2 has no row of class 1/);
    expect(() => crossValidate(new SoftsignLinear(), fx.X, fx.y.slice(3))).toThrow(DataError);
    expect(() => new GridSearchCV({ estimator: new SoftsignLinear(), paramGrid: { w0: [1] }, scoring: ["accuracy", "f1"] }).fit(fx.X, fx.y)).toThrow(/refit must name/);
  });
});
