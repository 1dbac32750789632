import fc from "fast-check";
import { describe, expect, it } from "vitest";
import * as m from "./index.js";

const RUNS = { numRuns: 150 };

/** Paired binary labels and scores on a coarse grid (so ties are common), with both classes present. */
const binaryScored = fc
  .array(fc.tuple(fc.integer({ min: 0, max: 1 }), fc.integer({ min: 0, max: 8 }), fc.integer({ min: 1, max: 4 })), { minLength: 2, maxLength: 40 })
  .filter((rows) => rows.some((r) => r[0] === 0) && rows.some((r) => r[0] === 1))
  .map((rows) => ({ y: rows.map((r) => r[0]), score: rows.map((r) => r[1] / 8), weight: rows.map((r) => r[2] / 2) }));

/** Paired multiclass labels (strings) for label metrics. */
const labelPairs = fc
  .array(fc.tuple(fc.constantFrom("a", "b", "c", "Ä"), fc.constantFrom("a", "b", "c", "Ä")), { minLength: 1, maxLength: 40 })
  .map((rows) => ({ yTrue: rows.map((r) => r[0]), yPred: rows.map((r) => r[1]) }));

const permutationOf = (n: number): fc.Arbitrary<number[]> =>
  fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: n, maxLength: n }).map((keys) => keys.map((k, i) => [k, i]).sort((a, b) => a[0] - b[0]).map((p) => p[1]));

function permute<T>(values: readonly T[], order: readonly number[]): T[] {
  return order.map((i) => values[i]);
}

const quiet = { onWarning: () => undefined };

describe("metric properties (fast-check)", () => {
  it("the confusion matrix sums to n, or to the total weight", () => {
    fc.assert(
      fc.property(labelPairs, fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 40, maxLength: 40 }), ({ yTrue, yPred }, w) => {
        const counts = m.confusionMatrix(yTrue, yPred, quiet);
        expect(counts.data.reduce((s, v) => s + v, 0)).toBe(yTrue.length);
        const weights = w.slice(0, yTrue.length);
        const weighted = m.confusionMatrix(yTrue, yPred, { ...quiet, sampleWeight: weights });
        expect(weighted.data.reduce((s, v) => s + v, 0)).toBe(weights.reduce((s, v) => s + v, 0));
      }),
      RUNS,
    );
  });

  it("F1 is symmetric in swapping yTrue and yPred; precision of one is recall of the other", () => {
    fc.assert(
      fc.property(labelPairs, ({ yTrue, yPred }) => {
        for (const average of ["micro", "macro"] as const) {
          expect(m.f1Score(yTrue, yPred, { average, zeroDivision: 0 })).toBeCloseTo(m.f1Score(yPred, yTrue, { average, zeroDivision: 0 }), 14);
        }
        const labels = ["a", "b", "c", "Ä"];
        const precision = m.precisionScore(yTrue, yPred, { average: null, labels, zeroDivision: 0 });
        const recall = m.recallScore(yPred, yTrue, { average: null, labels, zeroDivision: 0 });
        expect(Array.from(precision)).toEqual(Array.from(recall));
      }),
      RUNS,
    );
  });

  it("micro-averaged F1 equals accuracy for single-label targets", () => {
    fc.assert(
      fc.property(labelPairs, ({ yTrue, yPred }) => {
        expect(m.f1Score(yTrue, yPred, { average: "micro" })).toBeCloseTo(m.accuracyScore(yTrue, yPred), 14);
      }),
      RUNS,
    );
  });

  it("AUC of negated scores is 1 - AUC, and AUC is the Mann-Whitney statistic with half credit for ties", () => {
    fc.assert(
      fc.property(binaryScored, ({ y, score, weight }) => {
        const auc = m.rocAucScore(y, score, { sampleWeight: weight });
        const reversed = m.rocAucScore(
          y,
          score.map((s) => -s),
          { sampleWeight: weight },
        );
        expect(reversed).toBeCloseTo(1 - auc, 12);
        let wins = 0;
        let pairs = 0;
        for (let i = 0; i < y.length; i++) {
          for (let j = 0; j < y.length; j++) {
            if (y[i] !== 1 || y[j] !== 0) continue;
            const w = weight[i] * weight[j];
            pairs += w;
            wins += score[i] > score[j] ? w : score[i] === score[j] ? w / 2 : 0;
          }
        }
        expect(auc).toBeCloseTo(wins / pairs, 12);
      }),
      RUNS,
    );
  });

  it("ranking metrics do not change under a strictly increasing map of the scores", () => {
    fc.assert(
      fc.property(binaryScored, ({ y, score }) => {
        const stretched = score.map((s) => 4 * s - 1);
        expect(m.rocAucScore(y, stretched)).toBe(m.rocAucScore(y, score));
        expect(m.averagePrecisionScore(y, stretched)).toBe(m.averagePrecisionScore(y, score));
      }),
      RUNS,
    );
  });

  it("metrics do not depend on the order of the rows", () => {
    fc.assert(
      fc.property(
        binaryScored.chain((data) => fc.tuple(fc.constant(data), permutationOf(data.y.length))),
        ([{ y, score, weight }, order]) => {
          const py = permute(y, order);
          const ps = permute(score, order);
          const pw = permute(weight, order);
          const predicted = score.map((s) => (s >= 0.5 ? 1 : 0));
          const pp = permute(predicted, order);
          const close = (a: number, b: number): void => expect(a).toBeCloseTo(b, 12);
          close(m.rocAucScore(py, ps, { sampleWeight: pw }), m.rocAucScore(y, score, { sampleWeight: weight }));
          close(m.averagePrecisionScore(py, ps, { sampleWeight: pw }), m.averagePrecisionScore(y, score, { sampleWeight: weight }));
          close(m.logLoss(py, ps, { sampleWeight: pw }), m.logLoss(y, score, { sampleWeight: weight }));
          close(m.brierScoreLoss(py, ps, { sampleWeight: pw }), m.brierScoreLoss(y, score, { sampleWeight: weight }));
          close(m.f1Score(py, pp, { sampleWeight: pw, zeroDivision: 0 }), m.f1Score(y, predicted, { sampleWeight: weight, zeroDivision: 0 }));
          close(m.matthewsCorrcoef(py, pp, quiet), m.matthewsCorrcoef(y, predicted, quiet));
          close(m.meanSquaredError(ps, py, { sampleWeight: pw }), m.meanSquaredError(score, y, { sampleWeight: weight }));
          close(m.r2Score(ps, py, { sampleWeight: pw }), m.r2Score(score, y, { sampleWeight: weight }));
          close(m.medianAbsoluteError(ps, py), m.medianAbsoluteError(score, y));
        },
      ),
      RUNS,
    );
  });

  it("scores stay in their ranges", () => {
    fc.assert(
      fc.property(binaryScored, ({ y, score }) => {
        const ap = m.averagePrecisionScore(y, score);
        expect(ap).toBeGreaterThanOrEqual(0);
        expect(ap).toBeLessThanOrEqual(1);
        expect(m.logLoss(y, score)).toBeGreaterThanOrEqual(0);
        const mcc = m.matthewsCorrcoef(
          y,
          score.map((s) => (s > 0.5 ? 1 : 0)),
          quiet,
        );
        expect(Math.abs(mcc)).toBeLessThanOrEqual(1 + 1e-12);
        const { fpr, tpr } = m.rocCurve(y, score);
        expect(fpr[0]).toBe(0);
        expect(tpr[0]).toBe(0);
        expect(fpr[fpr.length - 1]).toBe(1);
        expect(tpr[tpr.length - 1]).toBe(1);
      }),
      RUNS,
    );
  });
});
