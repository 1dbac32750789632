import { describe, expect, it } from "vitest";
import { FirstColumnClassifier, RepeatRareSampler } from "../../test/helpers/doubles.js";
import { sealModel } from "../core/checksum.js";
import { DataError } from "../core/errors.js";
import { createRegistry, deserializeModel } from "../core/model-loader.js";
import type { Matrix } from "../core/matrix.js";
import { isClassifier, respondsTo } from "../core/responds-to.js";
import { getScorer } from "../metrics/scorers.js";
import { DecisionTreeClassifier } from "../models/decision-tree-classifier.js";
import { DecisionTreeRegressor } from "../models/decision-tree-regressor.js";
import { StandardScaler } from "../preprocessing/standard-scaler.js";
import { makePipeline, Pipeline } from "./pipeline.js";

const X = [[1, 10], [2, 20], [3, 30], [4, 45], [5, 50], [6, 61]];
const y = ["no", "no", "no", "no", "yes", "yes"];

const pipeline = () =>
  new Pipeline({ steps: [["scale", new StandardScaler()], ["repeat", new RepeatRareSampler()], ["clf", new FirstColumnClassifier()]] });

describe("Pipeline", () => {
  it("resamples only while fitting and hands the resampled y to the final step", () => {
    const fitted = pipeline().fit(X, y);
    expect(fitted.step<FirstColumnClassifier>("clf").seenRows).toBe(8);
    expect(fitted.predict(X)).toHaveLength(6);
    expect(fitted.classes).toEqual(["no", "yes"]);
  });

  it("predicts through each transformer's transform, like the same steps by hand", () => {
    const fitted = pipeline().fit(X, y);
    const scaled = new StandardScaler().fit(X).transform(X) as Matrix;
    const { X: resampled, y: resampledY } = new RepeatRareSampler().fitResample(scaled, y);
    const byHand = new FirstColumnClassifier().fit(resampled, resampledY);
    expect(Array.from(fitted.predictProba(X).data)).toEqual(Array.from(byHand.predictProba(scaled).data));
  });

  it("never fits the steps given in params", () => {
    const scaler = new StandardScaler();
    new Pipeline({ steps: [["scale", scaler], ["clf", new FirstColumnClassifier()]] }).fit(X, y);
    expect(scaler.isFitted).toBe(false);
  });

  it("supports passthrough steps, transform, featureNamesOut and makePipeline names", () => {
    const p = new Pipeline({ steps: [["skip", "passthrough"], ["scale", new StandardScaler()]] }).fit(X);
    expect((p.transform(X) as Matrix).rows).toBe(6);
    expect(p.featureNamesOut()).toEqual(["x0", "x1"]);
    expect(makePipeline(new StandardScaler(), new StandardScaler(), new FirstColumnClassifier()).params.steps.map(([name]) => name)).toEqual([
      "standardscaler-1",
      "standardscaler-2",
      "firstcolumnclassifier",
    ]);
  });

  it("gives the input names it is handed when every step is a passthrough, as scikit-learn's get_feature_names_out", () => {
    const skip = new Pipeline({ steps: [["skip", "passthrough"]] });
    const p = new Pipeline({ steps: [["scale", new StandardScaler()], ["inner", skip]] }).fit(X);
    expect(p.featureNamesOut()).toEqual(["x0", "x1"]);
    const all = new Pipeline({ steps: [["inner", skip], ["skip", "passthrough"]] }).fit(X);
    expect(all.featureNamesOut(["a", "b"])).toEqual(["a", "b"]);
    expect(() => all.featureNamesOut()).toThrow(new DataError("Pipeline.featureNamesOut: no step provides feature names"));
  });

  it("answers predictProba, decisionFunction and predict only when its last step does, as scikit-learn's available_if", () => {
    const regression = new Pipeline({ steps: [["scale", new StandardScaler()], ["tree", new DecisionTreeRegressor()]] });
    const trees = new Pipeline({ steps: [["scale", new StandardScaler()], ["tree", new DecisionTreeClassifier({ maxDepth: 2 })]] });
    expect(["predict", "predictProba", "decisionFunction", "transform"].map((m) => respondsTo(regression, m))).toEqual([true, false, false, false]);
    expect(["predict", "predictProba", "decisionFunction", "transform"].map((m) => respondsTo(trees, m))).toEqual([true, true, false, false]);
    expect(respondsTo(new Pipeline({ steps: [["scale", new StandardScaler()]] }), "transform")).toBe(true);
    expect([isClassifier(regression), isClassifier(trees)]).toEqual([false, true]);
    // Scorers pick their response by it: r2 on a regression pipeline, roc_auc through predictProba.
    const yNumbers = [1.5, 2, 2.5, 4, 5, 7];
    regression.fit(X, yNumbers);
    expect(getScorer("r2")(regression, X, yNumbers)).toBe(1);
    trees.fit(X, y);
    expect(getScorer("roc_auc")(trees, X, y)).toBe(1);
  });

  it("takes a nested pipeline ending in a model as its last step, and one ending in a sampler as a sampler", () => {
    const nested = new Pipeline({ steps: [["scale", new StandardScaler()], ["inner", new Pipeline({ steps: [["tree", new DecisionTreeClassifier()]] })]] }).fit(X, y);
    expect(nested.predict(X)).toEqual(y);
    expect(["fitResample", "fitTransform", "transform"].map((m) => respondsTo(nested, m))).toEqual([false, false, false]);
    const sampling = new Pipeline({ steps: [["scale", new StandardScaler()], ["repeat", new RepeatRareSampler()]] });
    expect(["fitResample", "fitTransform", "transform"].map((m) => respondsTo(sampling, m))).toEqual([true, false, true]);
  });

  it("explains misuse", () => {
    expect(() => new Pipeline({ steps: [["clf", new FirstColumnClassifier()], ["scale", new StandardScaler()]] })).toThrow(/intermediate step "clf" must be a transformer or a sampler/);
    expect(() => new Pipeline().fit(X)).toThrow(/no steps/);
    expect(() => pipeline().fit(X, y).step("nope")).toThrow(/no step named "nope"/);
    expect(() => new Pipeline({ steps: [["scale", new StandardScaler()]] }).fit(X).predict(X)).toThrow(/has no predict/);
    const inner = new Pipeline({ steps: [["repeat", new RepeatRareSampler()], ["s", new StandardScaler()]] });
    expect(() => new Pipeline({ steps: [["inner", inner], ["clf", new FirstColumnClassifier()]] })).toThrow(/cannot be nested/);
  });

  it("refuses a parallel option that is not a runner, naming fitAsync", async () => {
    await expect(pipeline().fitAsync(X, y, { parallel: {} as never })).rejects.toThrow(/^Pipeline\.fitAsync: options\.parallel must be a parallel runner/);
  });

  it("refuses fitTransform when the last step cannot transform, before fitting anything", () => {
    const ending = (last: RepeatRareSampler | FirstColumnClassifier) => new Pipeline({ steps: [["scale", new StandardScaler()], ["last", last]] });
    const sampler = ending(new RepeatRareSampler());
    expect(() => sampler.fitTransform(X, y)).toThrow(
      new DataError('Pipeline.fitTransform: the last step "last" (RepeatRareSampler) has no transform; it is a sampler: use fitResample for the resampled X and y'),
    );
    expect(sampler.isFitted).toBe(false);
    expect(sampler.fitResample(X, y).y).toHaveLength(8);
    expect(() => ending(new FirstColumnClassifier()).fitTransform(X, y)).toThrow(new DataError('Pipeline.fitTransform: the last step "last" (FirstColumnClassifier) has no transform'));
  });

  it("refuses step names that clash with its parameter or that saved models refuse", () => {
    for (const [name, reason] of [["steps", "conflicts with the parameter of the same name"], ["constructor", "is reserved"], ["prototype", "is reserved"]]) {
      expect(() => new Pipeline({ steps: [[name, new StandardScaler()]] })).toThrow(new RegExp(`name "${name}" ${reason}`));
    }
  });

  it("round-trips through JSON with its fitted steps", () => {
    const fitted = pipeline().fit(X, y);
    const registry = createRegistry([Pipeline, StandardScaler, RepeatRareSampler, FirstColumnClassifier]);
    const loaded = deserializeModel(JSON.stringify(fitted.toJSON()), registry) as Pipeline;
    expect(Array.from(loaded.predictProba(X).data)).toEqual(Array.from(fitted.predictProba(X).data));
    const damaged = sealModel({ ...fitted.toJSON(), state: { steps: [] } });
    expect(() => deserializeModel(JSON.stringify(damaged), registry)).toThrow(/Pipeline.state.steps must be an array of 3 step documents/);
  });
});
