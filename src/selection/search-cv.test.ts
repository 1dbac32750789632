import { describe, expect, it } from "vitest";
import { DataError, ValidationError } from "../core/errors.js";
import type { Label } from "../core/labels.js";
import { accuracyScore } from "../metrics/accuracy-score.js";
import { createRegistry } from "../core/model-loader.js";
import { Pipeline } from "../compose/pipeline.js";
import { meanAbsoluteError } from "../metrics/mean-absolute-error.js";
import { DecisionTreeClassifier } from "../models/decision-tree-classifier.js";
import { DecisionTreeRegressor } from "../models/decision-tree-regressor.js";
import { StandardScaler } from "../preprocessing/standard-scaler.js";
import { loadModel } from "../load-model.js";
import { builtinEstimators } from "../registry.js";
import { expectClose, readFixture } from "../../test/helpers/fixtures.js";
import { SoftsignLinear } from "../../test/helpers/softsign.js";
import { crossValidate, crossValidateAsync } from "./cross-validate.js";
import { GridSearchCV } from "./grid-search-cv.js";
import { KFold } from "./k-fold.js";
import { isClassifier } from "../core/responds-to.js";
import { withNestedParams } from "./nested-params.js";
import { sampleParameters } from "./parameter-sampler.js";
import { RandomizedSearchCV } from "./randomized-search-cv.js";
import { checkFoldClasses, type CvResults } from "./search-cv.js";
import type { Splitter } from "./splitter.js";
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
    // ParameterGrid.__getitem__ lists a point's keys in reverse sorted order, and the param_ columns follow the candidates
    expect(Object.keys(rs.cvResults.params[0] as object)).toEqual(Object.keys(fx.random.results.params[0] as object));
    expect(Object.keys(rs.cvResults).filter((k) => k.startsWith("param_"))).toEqual(Object.keys(fx.random.results).filter((k) => k.startsWith("param_")));
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
    // a step replaced and its param set in one patch, as scikit-learn's set_params allows
    const replaced = withNestedParams(original, { clf: new SoftsignLinear({ w0: 2 }), clf__w0: 7 });
    expect((replaced.params.steps[0][1] as SoftsignLinear).params.w0).toBe(7);
    expect(replaced.params.steps[0][1]).not.toBe(original.params.steps[0][1]);
  });
  it("names the caller when its parallel option is not a runner", async () => {
    const search = new GridSearchCV({ estimator: new SoftsignLinear(), paramGrid: { w0: [1] }, cv: 3 });
    await expect(search.fitAsync(fx.X, fx.y, { parallel: {} as never })).rejects.toThrow(/^GridSearchCV\.fitAsync: options\.parallel must be a parallel runner/);
    await expect(crossValidateAsync(new SoftsignLinear(), fx.X, fx.y, { parallel: "pool" as never })).rejects.toThrow(/^crossValidateAsync: options\.parallel must be a parallel runner/);
    // and its other errors name it too
    await expect(crossValidateAsync(new SoftsignLinear(), fx.X, fx.y, { errorScore: "ignore" as never })).rejects.toThrow(/^crossValidateAsync: errorScore must be a number/);
  });
  it("refuses a class absent from a training fold, mismatched labels, and bad refit", () => {
    const y = fx.y.map((_, i) => (i < 140 ? 0 : 1));
    expect(() => new GridSearchCV({ estimator: new SoftsignLinear(), paramGrid: { w0: [1] }, cv: new KFold({ nSplits: 3 }) }).fit(fx.X, y)).toThrow(/training fold 2 has no row of class 1/);
    expect(() => crossValidate(new SoftsignLinear(), fx.X, fx.y.slice(3))).toThrow(DataError);
    expect(() => new GridSearchCV({ estimator: new SoftsignLinear(), paramGrid: { w0: [1] }, scoring: ["accuracy", "f1"] }).fit(fx.X, fx.y)).toThrow(/refit must name/);
  });
  it("names fitAsync in the errors and warnings of fitAsync", async () => {
    const y = fx.y.map((_, i) => (i < 140 ? 0 : 1));
    await expect(new GridSearchCV({ estimator: new SoftsignLinear(), paramGrid: { w0: [1] }, cv: new KFold({ nSplits: 3 }) }).fitAsync(fx.X, y)).rejects.toThrow(/^GridSearchCV\.fitAsync: training fold 2 has no row of class 1/);
    await expect(new GridSearchCV({ estimator: new Picky({ w2: 0.12 }), paramGrid: { w0: [1] }, cv: 3 }).fitAsync(fx.X, fx.y)).rejects.toThrow(/^GridSearchCV\.fitAsync: the refit of the best candidate/);
    const messages: string[] = [];
    const onWarning = (m: string) => void messages.push(m);
    await new GridSearchCV({ estimator: new Picky(), paramGrid: { w0: [1, -1] }, cv: 3 }).fitAsync(fx.X, fx.y, { onWarning });
    await new RandomizedSearchCV({ estimator: new SoftsignLinear(), paramDistributions: { w0: [1, 2] }, nIter: 5, cv: 3 }).fitAsync(fx.X, fx.y, { onWarning });
    expect(messages).toEqual([
      expect.stringMatching(/^GridSearchCV\.fitAsync: 3 fits failed out of a total of 6/),
      expect.stringMatching(/^GridSearchCV\.fitAsync: one or more of the test scores are non-finite/),
      "RandomizedSearchCV.fitAsync: The total space of parameters 2 is smaller than nIter=5; running 2 iterations",
    ]);
  });
  it("tells a stratified splitter by its stratified flag, not by its name", () => {
    const y = [0, 0, 0, 1, 1, 1];
    const trains = [Int32Array.of(0, 1, 2), Int32Array.of(3, 4, 5)];
    const splitter = (stratified: boolean): Splitter => ({ splitter: "StratifiedLookalike", nSplits: 2, stratified, split: new KFold({ nSplits: 2 }).split, getNSplits: () => 2 });
    expect(() => checkFoldClasses(y, trains, splitter(false), "")).toThrow(/^training fold 0 has no row of class 1; use StratifiedKFold or fewer folds$/);
    expect(() => checkFoldClasses(y, trains, splitter(true), "")).toThrow(/^training fold 0 has no row of class 1: the class has only 3 member\(s\) in y; remove that class/);
  });
});

/** SoftsignLinear whose fit fails when w0 is negative, or on more rows than w2 * 1000 (to make only the refit fail). */
class Picky extends SoftsignLinear {
  static override readonly kind: string = "Picky";
  override fit(X: number[][], y: readonly Label[]): this {
    if (this.params.w0 < 0) throw new DataError("Picky.fit: w0 is negative");
    if (X.length > this.params.w2 * 1000) throw new DataError(`Picky.fit: more than ${this.params.w2 * 1000} rows`);
    return super.fit(X, y);
  }
}

describe("regressions found by the search sweep (search.sweep.test.ts)", () => {
  it("a candidate value the estimator refuses scores errorScore like a failed fit; an unknown name still throws", () => {
    const grid = { w0: [1, "bad" as unknown as number] };
    const gs = new GridSearchCV({ estimator: new SoftsignLinear(), paramGrid: grid, cv: 3, errorScore: -1 }).fit(fx.X, fx.y);
    expect(Array.from(gs.cvResults.mean_test_score as Float64Array)[1]).toBe(-1);
    expect(gs.bestIndex).toBe(0);
    expect(() => new GridSearchCV({ estimator: new SoftsignLinear(), paramGrid: grid, cv: 3, errorScore: "raise" }).fit(fx.X, fx.y)).toThrow(ValidationError);
    expect(() => new GridSearchCV({ estimator: new SoftsignLinear(), paramGrid: [{ w0: [1] }, { nope: [1] }], cv: 3 }).fit(fx.X, fx.y)).toThrow(/has no parameter "nope"/);
  });
  it("a Pipeline is a classifier only when its last step is one", () => {
    expect(isClassifier(new Pipeline({ steps: [["scale", new StandardScaler()], ["tree", new DecisionTreeRegressor()]] }))).toBe(false);
    expect(isClassifier(new Pipeline({ steps: [["scale", new StandardScaler()], ["tree", new DecisionTreeClassifier()]] }))).toBe(true);
    // integer-valued regression targets: KFold folds (no class check), as check_cv for a regressor
    const y = fx.y.map((v, i) => (i === 0 ? 7 : v));
    const model = new Pipeline({ steps: [["tree", new DecisionTreeRegressor({ maxDepth: 2, randomState: 0 })]] });
    const mae = (e: unknown, X: unknown, yy: readonly Label[]) => -meanAbsoluteError(yy as number[], (e as Pipeline).predict(X as number[][]) as Float64Array);
    const out = crossValidate(model, fx.X, y, { cv: 3, scoring: mae });
    const byKFold = crossValidate(model, fx.X, y, { cv: new KFold({ nSplits: 3 }), scoring: mae });
    expect(Array.from(out.test_score as Float64Array)).toEqual(Array.from(byKFold.test_score as Float64Array));
  });
  it("scoring null scores a regressor by r2, as scikit-learn's RegressorMixin.score", () => {
    const yr = fx.X.map((row) => row[0] * 2 - row[1]);
    const tree = new DecisionTreeRegressor({ maxDepth: 3, randomState: 0 });
    expect(Array.from(crossValidate(tree, fx.X, yr, { cv: 4 }).test_score as Float64Array)).toEqual(Array.from(crossValidate(tree, fx.X, yr, { cv: 4, scoring: "r2" }).test_score as Float64Array));
  });
});

describe("failed fits, failed scorers and warnings", () => {
  const collect = () => {
    const messages: string[] = [];
    return { messages, onWarning: (m: string) => void messages.push(m) };
  };
  it("partial failure: NaN scores ranked last, a warning with the first error, and a non-finite warning", () => {
    const { messages, onWarning } = collect();
    const gs = new GridSearchCV({ estimator: new Picky(), paramGrid: { w0: [1, -1, 2] }, cv: 3 }).fit(fx.X, fx.y, { onWarning });
    expect(Number.isNaN(gs.cvResults.mean_test_score[1] as number)).toBe(true);
    expect(Array.from(gs.cvResults.rank_test_score as Int32Array)[1]).toBe(3);
    expect(messages).toEqual([
      'GridSearchCV.fit: 3 fits failed out of a total of 9; their scores are set to NaN. The first failure: Picky.fit: w0 is negative. If these failures are not expected, set errorScore: "raise" to debug them',
      expect.stringMatching(/^GridSearchCV\.fit: one or more of the test scores are non-finite: \[[\d.]+, NaN, [\d.]+\]$/),
    ]);
  });
  it("every fit failed: a DataError naming the first failure (searches, refit or not, and crossValidate)", () => {
    for (const refit of [true, false]) {
      const search = new GridSearchCV({ estimator: new Picky(), paramGrid: { w0: [-1, -2] }, cv: 3, refit });
      expect(() => search.fit(fx.X, fx.y)).toThrow(/^GridSearchCV\.fit: all the 6 fits failed; it is very likely that the estimator is misconfigured\. The first failure: Picky\.fit: w0 is negative$/);
    }
    expect(() => crossValidate(new Picky({ w0: -1 }), fx.X, fx.y, { errorScore: 0 })).toThrow(/^crossValidate: all the 5 fits failed/);
    expect(() => crossValidate(new Picky({ w0: -1 }), fx.X, fx.y)).toThrow(/^Picky\.fit: w0 is negative$/);
  });
  it("a failing refit says it was the refit", () => {
    expect(() => new GridSearchCV({ estimator: new Picky({ w2: 0.12 }), paramGrid: { w0: [1] }, cv: 3 }).fit(fx.X, fx.y)).toThrow(
      /^GridSearchCV\.fit: the refit of the best candidate \(1\/1\) on all the data \(Picky\.fit\): more than 120 rows$/,
    );
  });
  it("a failing scorer scores errorScore with a warning, or raises with errorScore 'raise'", () => {
    const boom = () => {
      throw new DataError("boom");
    };
    const { messages, onWarning } = collect();
    const out = crossValidate(new SoftsignLinear(), fx.X, fx.y, { cv: 3, scoring: { acc: "accuracy", bad: boom }, errorScore: -1, returnTrainScore: true, onWarning });
    expect(Array.from(out.test_bad as Float64Array)).toEqual([-1, -1, -1]);
    expect(Array.from(out.train_bad as Float64Array)).toEqual([-1, -1, -1]);
    expect((out.test_acc as Float64Array).every((v) => v > 0.5)).toBe(true);
    expect(messages).toHaveLength(6);
    expect(messages[0]).toBe("crossValidate: scoring failed; the score on this train-test partition is set to -1. Details: boom");
    expect(() => crossValidate(new SoftsignLinear(), fx.X, fx.y, { scoring: boom })).toThrow(/^boom$/);
    expect(() => crossValidate(new SoftsignLinear(), fx.X, fx.y, { errorScore: "ignore" as never })).toThrow(ValidationError);
  });
  it("passes onWarning to the metrics (undefined precision) and to the parameter sampler", () => {
    // Column 0 is positive, so with zero weights every row scores below 0.5: nothing is predicted positive.
    const X = Array.from({ length: 12 }, (_, i) => [i + 1, 0, 0]);
    const y = X.map((_, i) => i % 2);
    const cv = { messages: [] as string[] };
    crossValidate(new SoftsignLinear({ w0: 0, w1: 0, w2: 0 }), X, y, { cv: new KFold({ nSplits: 3 }), scoring: "precision", onWarning: (m) => cv.messages.push(m) });
    expect(cv.messages).toHaveLength(3);
    expect(cv.messages[0]).toMatch(/^precisionScore: Precision is ill-defined/);
    const { messages, onWarning } = collect();
    new GridSearchCV({ estimator: new SoftsignLinear({ w1: 0, w2: 0 }), paramGrid: { w0: [0] }, scoring: "precision", cv: new KFold({ nSplits: 3 }) }).fit(X, y, { onWarning });
    expect(messages).toEqual(cv.messages);
    const sampled = collect();
    const rs = new RandomizedSearchCV({ estimator: new SoftsignLinear(), paramDistributions: { w0: [1, 2] }, nIter: 5, cv: 3 }).fit(fx.X, fx.y, { onWarning: sampled.onWarning });
    expect(rs.cvResults.params).toHaveLength(2);
    expect(sampled.messages).toEqual(["RandomizedSearchCV.fit: The total space of parameters 2 is smaller than nIter=5; running 2 iterations"]);
  });
  it("warns of a class smaller than nSplits and names it when a training fold lacks it", () => {
    const y = fx.y.map((v, i) => (i === 0 ? 2 : v));
    const { messages, onWarning } = collect();
    expect(() => crossValidate(new SoftsignLinear(), fx.X, y, { onWarning })).toThrow(
      /^crossValidate: training fold 0 has no row of class 2: the class has only 1 member\(s\) in y, fewer than nSplits=5; remove that class or gather more rows of it$/,
    );
    expect(messages).toEqual(["StratifiedKFold.split: the least populated class in y has only 1 member(s), which is less than nSplits=5"]);
  });
  it("refuses an empty grid, reserved param paths and an empty scoring record when constructed", () => {
    expect(() => new GridSearchCV({ estimator: new SoftsignLinear(), paramGrid: [] })).toThrow(/paramGrid: must not be an empty list/);
    const proto = JSON.parse('{ "__proto__": [1] }') as Record<string, number[]>;
    expect(() => new GridSearchCV({ estimator: new SoftsignLinear(), paramGrid: proto })).toThrow(/param path "__proto__" uses a reserved name/);
    expect(() => new RandomizedSearchCV({ estimator: new SoftsignLinear(), paramDistributions: { clf__constructor: [1] } })).toThrow(ValidationError);
    expect(() => withNestedParams(pipe(), JSON.parse('{ "__proto__": 1 }'))).toThrow(/^withNestedParams: param path "__proto__" uses a reserved name \(__proto__, constructor, prototype\)$/);
    for (const path of ["clf__prototype", "constructor", "clf__proto__w0"]) expect(() => withNestedParams(pipe(), { [path]: 1 })).toThrow(/uses a reserved name/);
    expect(() => new GridSearchCV({ estimator: new SoftsignLinear(), scoring: {} })).toThrow(/scoring: must not be an empty record/);
    expect(() => crossValidate(new SoftsignLinear(), fx.X, fx.y, { scoring: {} })).toThrow(/^crossValidate: scoring must not be an empty record$/);
  });
  it("with one scorer, refit may name it; other names are refused by the scorer's own name", () => {
    const gs = new GridSearchCV({ estimator: new SoftsignLinear(), paramGrid: { w0: [0.5, 2] }, scoring: "accuracy", refit: "accuracy", cv: 3 }).fit(fx.X, fx.y);
    const plain = new GridSearchCV({ estimator: new SoftsignLinear(), paramGrid: { w0: [0.5, 2] }, scoring: "accuracy", cv: 3 }).fit(fx.X, fx.y);
    expect(gs.bestScore).toBe(plain.bestScore);
    const myScore = (e: unknown, X: unknown, y: readonly Label[]) => accuracyScore(y, (e as SoftsignLinear).predict(X as number[][]));
    expect(() => new GridSearchCV({ estimator: new SoftsignLinear(), paramGrid: { w0: [1] }, scoring: myScore, refit: "f1" }).fit(fx.X, fx.y)).toThrow(
      /refit names "f1", but the only scorer is "myScore"; set refit to true, false or "myScore"/,
    );
  });
});
