import { describe, expect, it } from "vitest";
import { DataError, ValidationError } from "../core/errors.js";
import { createRegistry } from "../core/model-loader.js";
import { loadModel } from "../load-model.js";
import { fbetaScore, getScorer, makeScorer } from "../metrics/index.js";
import { builtinEstimators } from "../registry.js";
import { expectClose, readFixture } from "../../test/helpers/fixtures.js";
import { SoftsignDecision, SoftsignLinear } from "../../test/helpers/softsign.js";
import { DecisionTreeRegressor } from "../models/decision-tree-regressor.js";
import { FixedThresholdClassifier } from "./fixed-threshold-classifier.js";
import { GroupKFold } from "./group-k-fold.js";
import { TunedThresholdClassifierCV, type TunedThresholdClassifierCVParams } from "./tuned-threshold-classifier-cv.js";

interface Case {
  name: string;
  scoring: TunedThresholdClassifierCVParams["scoring"];
  cv?: TunedThresholdClassifierCVParams["cv"];
  thresholds?: number[];
  refit?: boolean;
  randomState?: number;
  responseMethod?: "decision_function";
  model?: "decision";
  prefitRows?: number;
  bestThreshold: number;
  bestScore: number;
  scores: number[];
  predict: number[];
}
const fx = readFixture<{ X: number[][]; y: number[]; cases: (Case & { thresholds: number[] })[] }>("selection/tuned-threshold.json");

describe("TunedThresholdClassifierCV matches scikit-learn", () => {
  for (const c of fx.cases) {
    it(c.name, () => {
      const model = c.model === "decision" ? new SoftsignDecision() : new SoftsignLinear();
      if (c.prefitRows !== undefined) model.fit(fx.X.slice(0, c.prefitRows), fx.y.slice(0, c.prefitRows));
      const tuned = new TunedThresholdClassifierCV({
        estimator: model,
        scoring: c.scoring,
        storeCvResults: true,
        ...(c.cv === undefined ? {} : { cv: c.cv }),
        ...(c.refit === undefined ? {} : { refit: c.refit }),
        ...(c.randomState === undefined ? {} : { randomState: c.randomState }),
        ...(c.responseMethod === undefined ? {} : { responseMethod: c.responseMethod }),
        ...(c.name === "balanced_accuracy_default" ? { thresholds: 50 } : {}),
        ...(c.name === "f1_pos0_list" ? { thresholds: [0.2, 0.35, 0.5, 0.65, 0.8] } : {}),
      }).fit(fx.X, fx.y);
      expect(tuned.bestThreshold).toBe(c.bestThreshold);
      expectClose([tuned.bestScore], [c.bestScore], 1e-12, "bestScore");
      expectClose(tuned.cvResults!.thresholds, c.thresholds, 0, "thresholds");
      expectClose(tuned.cvResults!.scores, c.scores, 1e-12, "scores");
      expect(tuned.predict(fx.X)).toEqual(c.predict);
    });
  }
});

describe("threshold classifiers", () => {
  const registry = createRegistry([...builtinEstimators, SoftsignLinear, SoftsignDecision]);
  it("round-trip through loadModel with the nested fitted estimator", () => {
    const tuned = new TunedThresholdClassifierCV({ estimator: new SoftsignLinear(), scoring: { metric: "fbeta", beta: 2, average: "weighted" } }).fit(fx.X, fx.y);
    const loaded = loadModel<TunedThresholdClassifierCV>(JSON.stringify(tuned.toJSON()), { registry });
    expect(loaded.bestThreshold).toBe(tuned.bestThreshold);
    expect(loaded.predict(fx.X)).toEqual(tuned.predict(fx.X));
    const fixed = new FixedThresholdClassifier({ estimator: new SoftsignLinear(), threshold: 0.3 }).fit(fx.X, fx.y);
    const again = loadModel<FixedThresholdClassifier>(fixed.toJSON(), { registry });
    expect(again.predict(fx.X)).toEqual(fixed.predict(fx.X));
    expect(fixed.predict(fx.X).filter((v) => v === 1).length).toBeGreaterThan(new FixedThresholdClassifier({ estimator: new SoftsignLinear() }).fit(fx.X, fx.y).predict(fx.X).filter((v) => v === 1).length);
  });
  it("accepts makeScorer's weighted F2 from tabkit/metrics and finds scikit-learn's threshold", () => {
    const c = fx.cases.find((x) => x.name === "f2_weighted_cv5")!;
    const scoring = makeScorer(fbetaScore, { beta: 2, average: "weighted" });
    const tuned = new TunedThresholdClassifierCV({ estimator: new SoftsignLinear(), scoring }).fit(fx.X, fx.y);
    expect(tuned.bestThreshold).toBe(c.bestThreshold);
    expectClose([tuned.bestScore], [c.bestScore], 1e-12, "bestScore");
    expect(() => new TunedThresholdClassifierCV({ estimator: new SoftsignLinear(), scoring: getScorer("roc_auc") }).fit(fx.X, fx.y)).toThrow(/cannot be evaluated at a threshold/);
  });
  it("refuses non-binary y, ranking scorers, prefit with refit, and constant predictions", () => {
    const est = new SoftsignLinear();
    expect(() => new TunedThresholdClassifierCV({ estimator: est }).fit(fx.X, fx.y.map((v, i) => (i % 3 === 0 ? 2 : v)))).toThrow(/binary target/);
    expect(() => new TunedThresholdClassifierCV({ estimator: est, scoring: "roc_auc" }).fit(fx.X, fx.y)).toThrow(ValidationError);
    expect(() => new TunedThresholdClassifierCV({ estimator: est, cv: "prefit" }).fit(fx.X, fx.y)).toThrow(/prefit/);
    expect(() => new TunedThresholdClassifierCV({ estimator: new SoftsignLinear({ w0: 0, w1: 0, w2: 0 }) }).fit(fx.X, fx.y)).toThrow(/constant predictions/);
    expect(() => new TunedThresholdClassifierCV({ estimator: est }).fit(fx.X, fx.y.slice(1))).toThrow(DataError);
    expect(() => new TunedThresholdClassifierCV({ estimator: est, scoring: "f1", posLabel: 7 }).fit(fx.X, fx.y)).toThrow(/posLabel=7/);
  });
  it("routes groups to a group splitter, as scikit-learn does with metadata routing", () => {
    const groups = fx.y.map((_, i) => i % 7);
    const tuned = new TunedThresholdClassifierCV({ estimator: new SoftsignLinear(), scoring: "f1", cv: new GroupKFold({ nSplits: 3 }) }).fit(fx.X, fx.y, { groups });
    // scikit-learn 1.9: TunedThresholdClassifierCV(SoftsignLinear(), cv=GroupKFold(3), scoring="f1").fit(X, y, groups=arange(240) % 7)
    expect(tuned.bestThreshold).toBe(0.6239576398063832);
    expectClose([tuned.bestScore], [0.806678893066243], 1e-12, "bestScore");
  });
  it("refuses thresholds that are not strictly increasing", () => {
    expect(() => new TunedThresholdClassifierCV({ estimator: new SoftsignLinear(), thresholds: [0.9, 0.1, 0.5] })).toThrow(/thresholds: .*must be strictly increasing; entry 1 \(0\.1\) is not greater than entry 0 \(0\.9\)/);
    expect(() => new TunedThresholdClassifierCV({ estimator: new SoftsignLinear(), thresholds: [0.1, 0.5, 0.5] })).toThrow(ValidationError);
    expect(new TunedThresholdClassifierCV({ estimator: new SoftsignLinear(), thresholds: [0.1, 0.5, 0.9] }).params.thresholds).toEqual([0.1, 0.5, 0.9]);
  });
  it("asks for a classifier when the estimator has neither predictProba nor decisionFunction", () => {
    expect(() => new TunedThresholdClassifierCV({ estimator: new DecisionTreeRegressor() }).fit(fx.X, fx.y)).toThrow(
      /^TunedThresholdClassifierCV\.fit: the estimator \(DecisionTreeRegressor\) has neither predictProba nor decisionFunction; threshold tuning needs a binary classifier that has one of them$/,
    );
  });
  it("refuses predictProba and decisionFunction the estimator lacks with a DataError, not a TypeError", () => {
    // found by src/selection/thresholds.sweep.test.ts: scikit-learn has no such method (AttributeError)
    const fixed = new FixedThresholdClassifier({ estimator: new SoftsignDecision() }).fit(fx.X, fx.y);
    expect(() => fixed.predictProba(fx.X)).toThrow(DataError);
    expect(() => fixed.predictProba(fx.X)).toThrow(/^FixedThresholdClassifier\.predictProba: the estimator \(SoftsignDecision\) has no predictProba method$/);
    const tuned = new TunedThresholdClassifierCV({ estimator: new SoftsignLinear() }).fit(fx.X, fx.y);
    expect(() => tuned.decisionFunction(fx.X)).toThrow(/^TunedThresholdClassifierCV\.decisionFunction: the estimator \(SoftsignLinear\) has no decisionFunction method$/);
    expect(fixed.decisionFunction(fx.X)).toEqual((fixed.estimator as SoftsignDecision).decisionFunction(fx.X));
  });
});
