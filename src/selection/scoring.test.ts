import { describe, expect, it } from "vitest";
import { ValidationError } from "../core/errors.js";
import type { Label } from "../core/labels.js";
import { Matrix } from "../core/matrix.js";
import { fbetaScore } from "../metrics/fbeta-score.js";
import { makeScorer } from "../metrics/make-scorer.js";
import { getScorer, getScorerNames } from "../metrics/scorers.js";
import { resolveScorer, SCORER_NAMES, scoringCheck } from "./scoring.js";

/** A binary classifier with fixed outputs: predicts 1 where the probability of 1 is at least 0.5. */
class Fixed {
  readonly classes: Label[] = [0, 1];
  constructor(private readonly p1: number[]) {}
  predict(): Label[] {
    return this.p1.map((p) => (p >= 0.5 ? 1 : 0));
  }
  predictProba(): Matrix {
    return Matrix.from2D(this.p1.map((p) => [1 - p, p]));
  }
}

const model = new Fixed([0.9, 0.2, 0.6, 0.4, 0.7, 0.1]);
const y = [1, 0, 0, 1, 1, 0];

describe("resolveScorer takes names and descriptions from tabkit/metrics", () => {
  it("knows exactly getScorer's names", () => {
    expect([...SCORER_NAMES]).toEqual(getScorerNames());
    for (const name of ["neg_log_loss", "f1_weighted", "roc_auc", "matthews_corrcoef"]) expect(scoringCheck(name)).toBeUndefined();
  });

  it("scores a name as getScorer's scorer does", () => {
    for (const name of ["accuracy", "balanced_accuracy", "f1", "recall_macro", "roc_auc", "average_precision", "neg_log_loss"]) {
      expect(resolveScorer(name, "Test.fit").score(model, null, y)).toBe(getScorer(name)(model, null, y));
    }
  });

  it("keeps a label metric for label scorers only", () => {
    const f1 = resolveScorer("f1", "Test.fit");
    expect(f1.name).toBe("f1");
    expect(f1.metric?.defaultPosLabel).toBe(1);
    expect(f1.metric?.kwargs).toEqual({ average: "binary" });
    expect(resolveScorer("roc_auc", "Test.fit").metric).toBeUndefined();
    expect(resolveScorer("neg_log_loss", "Test.fit").metric).toBeUndefined();
  });

  it("turns a JSON description into makeScorer's scorer", () => {
    const description = JSON.parse(JSON.stringify({ metric: "fbeta", beta: 2, average: "weighted" }));
    const resolved = resolveScorer(description, "Test.fit");
    expect(resolved.name).toBe("fbeta(beta=2)");
    expect(resolved.score(model, null, y)).toBe(makeScorer(fbetaScore, { beta: 2, average: "weighted" })(model, null, y));
    expect(resolved.metric?.kwargs).toEqual({ beta: 2, average: "weighted" });
    expect(resolved.metric?.defaultPosLabel).toBe(1);
    expect(resolveScorer({ metric: "accuracy" }, "Test.fit").metric?.defaultPosLabel).toBeNull();
    expect(resolveScorer({ metric: "recall", posLabel: 0 }, "Test.fit").metric?.defaultPosLabel).toBe(0);
  });

  it("refuses unknown names and malformed descriptions with a ValidationError naming the caller", () => {
    expect(() => resolveScorer("f2", "Test.fit")).toThrow(/Test\.fit: scoring unknown scorer "f2"; known: /);
    expect(() => resolveScorer({ metric: "fbeta" } as never, "Test.fit")).toThrow(/needs a numeric beta/);
    expect(() => resolveScorer({ metric: "__proto__" } as never, "Test.fit")).toThrow(ValidationError);
    expect(() => resolveScorer({ metric: "roc_auc" } as never, "Test.fit")).toThrow(/needs metric: one of accuracy, balanced_accuracy, f1, fbeta, precision, recall/);
    expect(() => resolveScorer(3 as never, "Test.fit")).toThrow(/must be a scorer name/);
  });
});
