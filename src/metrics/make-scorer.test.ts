import { describe, expect, it } from "vitest";
import { isTabkitError, ValidationError } from "../core/errors.js";
import type { Label } from "../core/labels.js";
import { Matrix } from "../core/matrix.js";
import { expectClose, readFixture } from "../../test/helpers/fixtures.js";
import { f1Score } from "./f1-score.js";
import { makeScorer } from "./make-scorer.js";
import { rocAucScore } from "./roc-auc-score.js";
import { resolveScorer } from "../selection/scoring.js";
import { getScorer, getScorerNames } from "./scorers.js";

interface ScorerCase {
  name: string;
  scorer: string;
  classes: Label[] | null;
  proba: string | null;
  values: string | null;
  y: string;
  weights: string | null;
  result?: number;
  error?: string;
}
interface Fixture {
  data: Record<string, unknown[]>;
  scorers: ScorerCase[];
  scorerNames: string[];
}

const fixture = readFixture<Fixture>("metrics/cases.json");
const data = (key: string): unknown[] => fixture.data[key.replace(/^@/, "")];

/** Returns stored probabilities; X holds row indices, as in parity/gen_metrics.py. */
class FixedClassifier {
  constructor(
    readonly classes: Label[],
    private readonly proba: number[][],
  ) {}
  predictProba(X: number[][]): Matrix {
    return Matrix.from2D(X.map((row) => this.proba[row[0]]));
  }
  predict(X: number[][]): Label[] {
    return X.map((row) => {
      const p = this.proba[row[0]];
      return this.classes[p.indexOf(Math.max(...p))];
    });
  }
}

class FixedRegressor {
  constructor(private readonly values: number[]) {}
  predict(X: number[][]): Float64Array {
    return Float64Array.from(X, (row) => this.values[row[0]]);
  }
}

describe("scorers match scikit-learn's get_scorer on fixed model outputs", () => {
  for (const c of fixture.scorers) {
    it(c.name, () => {
      const y = data(c.y) as Label[];
      const X = y.map((_, i) => [i]);
      const estimator = c.classes === null ? new FixedRegressor(data(c.values!) as number[]) : new FixedClassifier(c.classes, data(c.proba!) as number[][]);
      const options = c.weights === null ? undefined : { sampleWeight: data(c.weights) as number[] };
      const score = (): number => getScorer(c.scorer)(estimator, X, y, options);
      if (c.error !== undefined) {
        expect(score, `scikit-learn raised: ${c.error}`).toThrow();
        try {
          score();
        } catch (error) {
          expect(isTabkitError(error), String(error)).toBe(true);
        }
        return;
      }
      expectClose([score()], [c.result!], 1e-12, c.name);
    });
  }
});

describe("the scorer table", () => {
  it("uses scikit-learn's names", () => {
    const sklearn = new Set(fixture.scorerNames);
    for (const name of getScorerNames()) expect(sklearn.has(name), name).toBe(true);
    expect(getScorerNames()).toEqual(expect.arrayContaining(["roc_auc", "f1_weighted", "accuracy", "neg_log_loss", "neg_root_mean_squared_error", "r2"]));
  });

  it("refuses an unknown name with the valid ones listed", () => {
    expect(() => getScorer("f1_avg")).toThrow(/getScorer: "f1_avg" is not a valid scoring value; valid names: .*accuracy/);
  });

  it("passes a scorer function through", () => {
    const scorer = makeScorer(f1Score, { average: "macro" });
    expect(getScorer(scorer)).toBe(scorer);
  });

  it("describes itself for threshold tuning", () => {
    const f1 = getScorer("f1");
    expect(f1.greaterIsBetter).toBe(true);
    expect(f1.sign).toBe(1);
    expect(f1.defaultPosLabel).toBe(1);
    expect(f1.kwargs).toEqual({ average: "binary" });
    expect(f1.scoreFunc([0, 1, 1], [0, 1, 0] as never, f1.kwargs)).toBeCloseTo(2 / 3, 15);
    expect(getScorer("f1_macro").defaultPosLabel).toBeNull();
    expect(getScorer("neg_log_loss").sign).toBe(-1);
    expect(getScorer("roc_auc").responseMethod).toEqual(["decisionFunction", "predictProba"]);
  });

  it("is accepted by the selection module, which reads its label metric for threshold tuning", () => {
    const resolved = resolveScorer(getScorer("f1_weighted"), "Test.fit");
    expect(resolved.metric?.kwargs).toEqual({ posLabel: null, average: "weighted" });
    expect(resolved.metric?.defaultPosLabel).toBeNull();
    expect(resolved.metric?.scoreFunc(["a", "b", "b"], ["a", "b", "a"], resolved.metric.kwargs)).toBeCloseTo(2 / 3, 15);
  });
});

describe("makeScorer", () => {
  const classes = ["no", "yes"];
  const decision = Float64Array.of(-2, 1, 0.5, -0.1);
  const y = ["no", "yes", "yes", "no"];
  const estimator = {
    classes,
    decisionFunction: () => decision,
    predict: () => ["no", "yes", "yes", "yes"],
  };

  it("passes the positive class's decision values, negated when it is the first class", () => {
    const firstScore = (_y: readonly Label[], scores: Float64Array): number => scores[0];
    expect(makeScorer(firstScore, { responseMethod: "decisionFunction" })(estimator, null, y)).toBe(-2);
    expect(makeScorer(firstScore, { responseMethod: "decisionFunction", posLabel: "no" })(estimator, null, y)).toBe(2);
    expect(makeScorer(rocAucScore, { responseMethod: "decisionFunction" })(estimator, null, y)).toBe(1);
  });

  it("passes the positive class's probability column", () => {
    const proba = new FixedClassifier(["a", "b"], [[0.9, 0.1], [0.3, 0.7]]);
    const firstScore = (_y: readonly Label[], scores: Float64Array): number => scores[1];
    expect(makeScorer(firstScore, { responseMethod: "predictProba" })(proba, [[0], [1]], ["a", "b"])).toBe(0.7);
    expect(makeScorer(firstScore, { responseMethod: "predictProba", posLabel: "a" })(proba, [[0], [1]], ["a", "b"])).toBe(0.3);
  });

  it("negates losses and keeps the sign of scores", () => {
    const accuracyLike = makeScorer(f1Score, { average: "micro", posLabel: null, greaterIsBetter: false });
    expect(accuracyLike(estimator, null, y)).toBeCloseTo(-0.75, 15);
  });

  it("refuses a metric that returns per-label values", () => {
    const perLabel = makeScorer(f1Score, { average: null, posLabel: null } as never);
    expect(() => perLabel(estimator, null, y)).toThrow(/one number/);
  });

  it("names the missing response method", () => {
    expect(() => makeScorer(rocAucScore, { responseMethod: "predictProba" })({ classes, predict: () => [] }, null, y)).toThrow(/no predictProba method/);
  });

  it("refuses a posLabel the classifier does not know", () => {
    expect(() => makeScorer(f1Score, { posLabel: "maybe" })(estimator, null, y)).toThrow(/posLabel "maybe" is not a valid label/);
  });

  it("passes onWarning (and sampleWeight) on to the metric", () => {
    const messages: string[] = [];
    const nothingPositive = { classes, predict: () => ["no", "no", "no", "no"] };
    expect(getScorer("precision_macro")(nothingPositive, null, y, { onWarning: (message) => messages.push(message) })).toBe(0.25);
    expect(messages).toEqual([expect.stringMatching(/^precisionScore: Precision is ill-defined/)]);
  });

  it("refuses a bad metric, responseMethod or greaterIsBetter when made, with a ValidationError", () => {
    expect(() => makeScorer("f1" as never)).toThrow(ValidationError);
    expect(() => makeScorer("f1" as never)).toThrow(/^makeScorer: metric must be a metric function such as f1Score, got "f1"; to get a scorer by its name use getScorer\("f1"\)$/);
    expect(() => makeScorer(f1Score, { responseMethod: "proba" as never })).toThrow(/^makeScorer: responseMethod must be one of "predict", "predictProba", "decisionFunction" or a non-empty list of them, got "proba"$/);
    expect(() => makeScorer(f1Score, { responseMethod: [] })).toThrow(ValidationError);
    expect(() => makeScorer(f1Score, { greaterIsBetter: "no" as never })).toThrow(/greaterIsBetter must be true or false/);
  });

  it("refuses bad scorer descriptions when resolved, naming the option", () => {
    expect(() => getScorer({ metric: "f1", average: "bogus" as never })).toThrow(/^getScorer: average must be one of "binary", "micro", "macro", "weighted", got "bogus"$/);
    expect(() => getScorer({ metric: "fbeta", beta: -2 })).toThrow(/^getScorer: metric "fbeta" needs a numeric beta >= 0, got -2$/);
    expect(() => getScorer({ metric: "f1", foo: 1 } as never)).toThrow(/^getScorer: metric "f1" does not take "foo"; its options are average, posLabel$/);
    expect(() => getScorer({ metric: "accuracy", posLabel: 1 })).toThrow(/^getScorer: metric "accuracy" does not take "posLabel"; it takes no options$/);
    expect(() => getScorer({ metric: "recall", posLabel: NaN })).toThrow(ValidationError);
    expect(getScorer({ metric: "fbeta", beta: 0, average: "macro", posLabel: "yes" }).kwargs).toEqual({ beta: 0, average: "macro", posLabel: "yes" });
  });
});
