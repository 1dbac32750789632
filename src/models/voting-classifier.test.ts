import { describe, expect, it } from "vitest";
import { Pipeline } from "../compose/pipeline.js";
import { sealModel } from "../core/checksum.js";
import { isTabkitError } from "../core/errors.js";
import type { Label } from "../core/labels.js";
import { isClassifier, respondsTo } from "../core/responds-to.js";
import { getScorer } from "../metrics/scorers.js";
import { loadModel } from "../load-model.js";
import { StandardScaler } from "../preprocessing/standard-scaler.js";
import { expectClose, readFixture } from "../../test/helpers/fixtures.js";
import { DecisionTreeRegressor } from "./decision-tree-regressor.js";
import { LogisticRegression } from "./logistic-regression.js";
import { firstRows, matrices, paramsOf, weightsFor, type SklearnLogisticParams } from "../../test/helpers/logistic-matrices.js";
import { VotingClassifier } from "./voting-classifier.js";

interface VotingCase {
  matrix: string;
  members: string[];
  voting: "hard" | "soft";
  weights: number[] | null;
  weighted: boolean;
  classes: Label[];
  predict: Label[];
  proba?: number[][];
  disagreements: number;
}

const fixture = readFixture<{ probaRows: number; members: Record<string, SklearnLogisticParams>; cases: Record<string, VotingCase> }>("models/logistic/voting.json");

const votingOf = (c: Pick<VotingCase, "members" | "voting" | "weights">) =>
  new VotingClassifier({
    estimators: c.members.map((name) => [name, new LogisticRegression(paramsOf(fixture.members[name]))] as const),
    voting: c.voting,
    weights: c.weights,
  });

describe("VotingClassifier parity with scikit-learn (over logistic regressions)", () => {
  it.each(Object.entries(fixture.cases))("%s", (_name, c) => {
    const { X, y } = matrices[c.matrix];
    const model = votingOf(c).fit(X, y, { sampleWeight: c.weighted ? weightsFor(X.rows) : undefined });
    expect(model.classes).toEqual(c.classes);
    expect(c.disagreements).toBeGreaterThan(0); // the members disagree, so votes (and ties) matter
    const predicted = model.predict(X);
    expect(predicted.filter((label, i) => label !== c.predict[i]).length).toBe(0);
    if (c.proba !== undefined) {
      expectClose(model.predictProba(firstRows(X, fixture.probaRows)).data, c.proba.flat(), 1e-6, "predictProba");
    }
  });
});

describe("VotingClassifier", () => {
  const X = [
    [0, 1],
    [1, 0],
    [2, 2],
    [3, 1],
    [4, 3],
    [5, 2],
    [1, 3],
    [4, 0],
  ];
  const y = ["b", "b", "a", "b", "a", "a", "a", "b"];
  const members = () =>
    [
      ["lr", new LogisticRegression()],
      ["strong", new LogisticRegression({ C: 0.01 })],
    ] as const;

  it("constructs with defaults and refuses to fit without members", () => {
    const voting = new VotingClassifier();
    expect(voting.params).toEqual({ estimators: [], voting: "hard", weights: null });
    expect(() => voting.fit(X, y)).toThrow(expect.objectContaining({ code: "VALIDATION_ERROR" }));
  });

  it("validates members, names and weights", () => {
    const bad: unknown[] = [
      { estimators: [["a", {}]] },
      { estimators: [["a", new StandardScaler()]] },
      { estimators: [["a", new LogisticRegression()], ["a", new LogisticRegression()]] },
      { estimators: [["a__b", new LogisticRegression()]] },
      { voting: "medium" },
      { weights: [1, -1] },
    ];
    for (const params of bad) expect(() => new VotingClassifier(params as never)).toThrow(expect.objectContaining({ code: "VALIDATION_ERROR" }));
    // as scikit-learn: a member named like a param would make nested param paths ambiguous
    for (const name of ["estimators", "voting", "weights"]) {
      expect(() => new VotingClassifier({ estimators: [[name, new LogisticRegression()]] })).toThrow(
        expect.objectContaining({ code: "VALIDATION_ERROR", message: expect.stringContaining(`name "${name}" conflicts with the parameter of the same name`) }),
      );
    }
    expect(() => new VotingClassifier({ estimators: members(), weights: [1, 2, 3] }).fit(X, y)).toThrow(/3 weights for 2 estimators/);
    expect(() => new VotingClassifier({ estimators: members(), weights: [0, 0] }).fit(X, y)).toThrow(/sum to 0/);
    const noProba = Object.assign(new StandardScaler(), { predict: () => [], decisionFunction: () => [] });
    expect(() => new VotingClassifier({ estimators: [["p", noProba]], voting: "soft" }).fit(X, y)).toThrow(/member "p" has no predictProba/);
  });

  it("fits clones and never the user's objects", () => {
    const given = members();
    const voting = new VotingClassifier({ estimators: given }).fit(X, y);
    expect(given.every(([, member]) => !member.isFitted)).toBe(true);
    expect(voting.estimator("lr")).not.toBe(given[0][1]);
    expect(voting.estimator<LogisticRegression>("lr").classes).toEqual([0, 1]);
    expect(Object.keys(voting.namedEstimators)).toEqual(["lr", "strong"]);
  });

  it("skips dropped members", () => {
    const voting = new VotingClassifier({ estimators: [["lr", new LogisticRegression()], ["gone", "drop"]], voting: "soft", weights: [2, 5] }).fit(X, y);
    const alone = new LogisticRegression().fit(X, y);
    expectClose(voting.predictProba(X).data, alone.predictProba(X).data, 1e-15, "proba");
    expect(Object.keys(voting.namedEstimators)).toEqual(["lr"]);
    expect(() => voting.estimator("gone")).toThrow(/no fitted member named "gone"/);
  });

  // Members are fitted on class indices, so their class weights are keyed 0, 1, ... as in scikit-learn.
  it("breaks hard-vote ties toward the lowest class index", () => {
    const voting = new VotingClassifier({
      estimators: [
        ["high", new LogisticRegression({ classWeight: { 0: 100, 1: 1 } })],
        ["low", new LogisticRegression({ classWeight: { 0: 1, 1: 100 } })],
      ],
    }).fit(X, y);
    const high = voting.estimator<LogisticRegression>("high").predict(X);
    const low = voting.estimator<LogisticRegression>("low").predict(X);
    const tied = X.map((_, i) => i).filter((i) => high[i] !== low[i]);
    expect(tied.length).toBeGreaterThan(0);
    const predicted = voting.predict(X);
    for (const i of tied) expect(predicted[i]).toBe("a");
  });

  it("scores mean accuracy", () => {
    const voting = new VotingClassifier({ estimators: members() }).fit(X, y);
    const predicted = voting.predict(X);
    expect(voting.score(X, y)).toBe(predicted.filter((label, i) => label === y[i]).length / y.length);
  });

  it("refuses predictProba with hard voting, and says so to scorers and searches, while staying a classifier", () => {
    const voting = new VotingClassifier({ estimators: members() }).fit(X, y);
    expect(() => voting.predictProba(X)).toThrow(/predictProba: is not available when voting is "hard"/);
    expect([respondsTo(voting, "predictProba"), isClassifier(voting)]).toEqual([false, true]);
    expect(() => getScorer("roc_auc")(voting, X, y)).toThrow(/has no decisionFunction or predictProba method/);
    const soft = voting.withParams({ voting: "soft" });
    expect([respondsTo(soft, "predictProba"), isClassifier(soft)]).toEqual([true, true]);
    // A hard-voting ensemble can itself be a member.
    expect(new VotingClassifier({ estimators: [["inner", voting.clone()]] }).fit(X, y).predict(X)).toEqual(voting.predict(X));
  });

  it("names itself and the member in data errors", () => {
    const voting = new VotingClassifier({ estimators: members() }).fit(X, y);
    let error: unknown;
    try {
      voting.predict([[1, 2, 3]]);
    } catch (e) {
      error = e;
    }
    expect(isTabkitError(error, "DATA_ERROR")).toBe(true);
    expect((error as Error).message).toMatch(/^VotingClassifier\.predict: member "lr": LogisticRegression\.predict: X has 3 features/);
    expect(() => new VotingClassifier({ estimators: members() }).fit(X, y.slice(1))).toThrow(/VotingClassifier\.fit: y has 7 values but X has 8 rows/);
    expect(() => new VotingClassifier({ estimators: members() }).fit(X, X.map(() => "z"))).toThrow(/^VotingClassifier\.fit: y has a single class \("z"\)/);
  });

  it("names predict, not predictProba, when soft voting's predict fails", () => {
    const voting = new VotingClassifier({ estimators: members(), voting: "soft" }).fit(X, y);
    expect(() => voting.predict([[1, 2, 3]])).toThrow(/^VotingClassifier\.predict: member "lr": LogisticRegression\.predictProba: X has 3 features/);
  });

  it("names fitAsync in the errors of fitAsync", async () => {
    await expect(new VotingClassifier({ estimators: members() }).fitAsync(X, X.map(() => "z"))).rejects.toThrow(/^VotingClassifier\.fitAsync: y has a single class \("z"\)/);
    await expect(new VotingClassifier({ estimators: members() }).fitAsync(X, y, { parallel: {} as never })).rejects.toThrow(
      expect.objectContaining({ code: "VALIDATION_ERROR", message: expect.stringMatching(/^VotingClassifier\.fitAsync: options\.parallel must be a parallel runner/) }),
    );
  });

  it("refuses regressors as members at construction, also at the end of a pipeline", () => {
    const regressor = [["r", new DecisionTreeRegressor({ maxDepth: 1 })]] as const;
    expect(() => new VotingClassifier({ voting: "hard", estimators: regressor })).toThrow(
      expect.objectContaining({ code: "VALIDATION_ERROR", message: expect.stringMatching(/member "r" \(DecisionTreeRegressor\) must be a classifier/) }),
    );
    const wrapped = [["r", new Pipeline({ steps: [["tree", new DecisionTreeRegressor({ maxDepth: 1 })]] })]] as const;
    expect(() => new VotingClassifier({ estimators: wrapped })).toThrow(/member "r" \(Pipeline\) must be a classifier/);
  });

  it("passes sample weights and warnings to the members", () => {
    const warnings: string[] = [];
    const weights = X.map((_, i) => 1 + (i % 3));
    const voting = new VotingClassifier({ estimators: [["lr", new LogisticRegression({ maxIter: 1 })]], voting: "soft" }).fit(X, y, { sampleWeight: weights, onWarning: (m) => warnings.push(m) });
    const alone = new LogisticRegression({ maxIter: 1 }).fit(X, y, { sampleWeight: weights });
    expect(voting.predictProba(X).data).toEqual(alone.predictProba(X).data);
    expect(warnings).toHaveLength(1);
  });

  it("holds pipelines as members and round-trips them through JSON", () => {
    const voting = new VotingClassifier({
      estimators: [
        ["scaled", new Pipeline({ steps: [["scale", new StandardScaler()], ["lr", new LogisticRegression({ C: 0.5 })]] })],
        ["raw", new LogisticRegression()],
      ],
      voting: "soft",
      weights: [2, 1],
    }).fit(X, y);
    const text = JSON.stringify(voting.toJSON());
    const loaded = loadModel<VotingClassifier>(text);
    expect(JSON.stringify(loaded.toJSON())).toBe(text);
    expect(loaded.predictProba(X).data).toEqual(voting.predictProba(X).data);
    expect(loaded.predict(X)).toEqual(voting.predict(X));
  });

  it("refuses a stored member that does not match its params", () => {
    const json = new VotingClassifier({ estimators: members() }).fit(X, y).toJSON();
    const state = json.state as { members: unknown[] };
    const swapped = { ...json, state: { ...state, members: [new StandardScaler().fit(X).toJSON(), state.members[1]] } };
    const document = JSON.parse(JSON.stringify({ ...swapped, checksum: undefined }));
    expect(() => loadModel(document)).toThrow(expect.objectContaining({ code: "SERIALIZATION_ERROR" }));
  });

  it("refuses stored members fitted on different columns", () => {
    const json = new VotingClassifier({ estimators: members() }).fit(X, y).toJSON();
    const state = json.state as { members: unknown[] };
    const wide = new LogisticRegression().fit(X.map((row) => [...row, 1]), y.map((label) => (label === "a" ? 0 : 1))).toJSON();
    const document = JSON.parse(JSON.stringify(sealModel({ ...json, state: { ...state, members: [wide, state.members[1]] } as never })));
    expect(() => loadModel(document)).toThrow(/VotingClassifier\.state\.members\[1\] was fitted on the columns \["x0","x1"\], but members\[0\] on \["x0","x1","x2"\]/);
  });
});
