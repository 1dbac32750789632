import { describe, expect, it } from "vitest";
import { DataError, ValidationError } from "../core/errors.js";
import { Estimator, type LoadContext } from "../core/estimator.js";
import { toMatrix, type MatrixInput } from "../core/input.js";
import type { JsonObject } from "../core/json.js";
import { encodeLabels, type Label } from "../core/labels.js";
import { Matrix } from "../core/matrix.js";
import { createRegistry } from "../core/model-loader.js";
import { arrayOf, number, param, type ParamSchema } from "../core/params.js";
import type { StateReader } from "../core/state-codec.js";
import { loadModel } from "../load-model.js";
import { builtinEstimators } from "../registry.js";
import { expectClose, readFixture } from "../../test/helpers/fixtures.js";
import { FixedThresholdClassifier } from "./fixed-threshold-classifier.js";
import { TunedThresholdClassifierCV, type TunedThresholdClassifierCVParams } from "./tuned-threshold-classifier-cv.js";

/** p = 0.5 + 0.5 z / (1 + |z|), z = X w + b, b centring column 0's training range (same as parity/gen_selection.py). */
export class SoftsignLinear extends Estimator<{ w: number[] }, { classes: Label[]; b: number }> {
  static readonly kind: string = "SoftsignLinear";
  static readonly schemaVersion = 1;
  constructor(params?: Partial<{ w: number[] }>) {
    super({ w: param([1, -0.5, 0.25], arrayOf(number())) } as ParamSchema<{ w: number[] }>, params);
  }
  fit(X: MatrixInput, y: readonly Label[]): this {
    const m = toMatrix(X, this.site("fit"));
    let lo = Infinity;
    let hi = -Infinity;
    for (let i = 0; i < m.rows; i++) {
      lo = Math.min(lo, m.get(i, 0));
      hi = Math.max(hi, m.get(i, 0));
    }
    return this.commit({ classes: encodeLabels(y).classes, b: -(lo + hi) / 2 });
  }
  z(X: MatrixInput): Float64Array {
    const { b } = this.fitted("z");
    const m = toMatrix(X, this.site("predict"));
    const out = new Float64Array(m.rows);
    for (let i = 0; i < m.rows; i++) {
      let z = 0;
      this.params.w.forEach((w, j) => (z = z + m.get(i, j) * w));
      out[i] = z + b;
    }
    return out;
  }
  predictProba(X: MatrixInput): Matrix {
    const z = this.z(X);
    const out = new Float64Array(z.length * 2);
    z.forEach((v, i) => {
      const p = 0.5 + (0.5 * v) / (1 + Math.abs(v));
      out[2 * i] = 1 - p;
      out[2 * i + 1] = p;
    });
    return new Matrix(out, z.length, 2);
  }
  predict(X: MatrixInput): Label[] {
    const c = this.classes;
    return Array.from(this.predictProba(X).column(1), (p) => (p >= 0.5 ? c[1] : c[0]));
  }
  get classes(): Label[] {
    return this.fitted("classes").classes;
  }
  protected encodeState(state: { classes: Label[]; b: number }): JsonObject {
    return { classes: state.classes, b: state.b };
  }
  protected decodeState(reader: StateReader, _context: LoadContext) {
    return { classes: reader.numbers("classes"), b: reader.number("b") };
  }
}

/** The same score as a decision function only. */
export class SoftsignDecision extends SoftsignLinear {
  static override readonly kind = "SoftsignDecision";
  decisionFunction(X: MatrixInput): Float64Array {
    return this.z(X);
  }
}
Object.defineProperty(SoftsignDecision.prototype, "predictProba", { value: undefined });

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
  it("refuses non-binary y, ranking scorers, prefit with refit, and constant predictions", () => {
    const est = new SoftsignLinear();
    expect(() => new TunedThresholdClassifierCV({ estimator: est }).fit(fx.X, fx.y.map((v, i) => (i % 3 === 0 ? 2 : v)))).toThrow(/binary target/);
    expect(() => new TunedThresholdClassifierCV({ estimator: est, scoring: "roc_auc" }).fit(fx.X, fx.y)).toThrow(ValidationError);
    expect(() => new TunedThresholdClassifierCV({ estimator: est, cv: "prefit" }).fit(fx.X, fx.y)).toThrow(/prefit/);
    expect(() => new TunedThresholdClassifierCV({ estimator: new SoftsignLinear({ w: [0, 0, 0] }) }).fit(fx.X, fx.y)).toThrow(/constant predictions/);
    expect(() => new TunedThresholdClassifierCV({ estimator: est }).fit(fx.X, fx.y.slice(1))).toThrow(DataError);
    expect(() => new TunedThresholdClassifierCV({ estimator: est, scoring: "f1", posLabel: 7 }).fit(fx.X, fx.y)).toThrow(/posLabel=7/);
  });
});
