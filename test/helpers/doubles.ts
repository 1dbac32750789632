import { Estimator } from "../../src/core/estimator.js";
import { toMatrix, type MatrixInput } from "../../src/core/input.js";
import type { JsonObject } from "../../src/core/json.js";
import { encodeLabels, toLabels, type Label } from "../../src/core/labels.js";
import { Matrix } from "../../src/core/matrix.js";
import type { StateReader } from "../../src/core/state-codec.js";

/**
 * Test doubles for composites: a classifier whose probability is a logistic function of the
 * first column (p = 1 / (1 + exp(-(x0 - centre)))), with centre = mean of x0 at fit, and a
 * sampler that repeats every row of the rarest class. Both are deterministic and tiny.
 */
export class FirstColumnClassifier extends Estimator<Record<string, never>, { classes: Label[]; centre: number; seenRows: number }> {
  static readonly kind = "FirstColumnClassifier";
  static readonly schemaVersion = 1;
  constructor(params?: Record<string, never>) {
    super({}, params);
  }
  fit(X: MatrixInput, y: readonly Label[]): this {
    const m = toMatrix(X, this.site("fit"));
    const labels = toLabels(y, m.rows, this.site("fit"));
    let sum = 0;
    for (let i = 0; i < m.rows; i++) sum += m.get(i, 0);
    return this.commit({ classes: encodeLabels(labels).classes, centre: sum / m.rows, seenRows: m.rows });
  }
  get classes(): Label[] {
    return this.fitted("classes").classes;
  }
  get seenRows(): number {
    return this.fitted("seenRows").seenRows;
  }
  predictProba(X: MatrixInput): Matrix {
    const { centre } = this.fitted("predictProba");
    const m = toMatrix(X, this.site("predictProba"));
    const out = new Float64Array(m.rows * 2);
    for (let i = 0; i < m.rows; i++) {
      const p = 1 / (1 + Math.exp(-(m.get(i, 0) - centre)));
      out[2 * i] = 1 - p;
      out[2 * i + 1] = p;
    }
    return new Matrix(out, m.rows, 2);
  }
  predict(X: MatrixInput): Label[] {
    const { classes } = this.fitted("predict");
    const p = this.predictProba(X);
    return Array.from({ length: p.rows }, (_, i) => classes[p.get(i, 1) > p.get(i, 0) ? 1 : 0]);
  }
  protected encodeState(state: { classes: Label[]; centre: number; seenRows: number }): JsonObject {
    return { classes: state.classes, centre: state.centre, seenRows: state.seenRows };
  }
  protected decodeState(reader: StateReader): { classes: Label[]; centre: number; seenRows: number } {
    return { classes: reader.raw("classes") as Label[], centre: reader.number("centre"), seenRows: reader.integer("seenRows") };
  }
}

export class RepeatRareSampler extends Estimator<Record<string, never>, { done: true }> {
  static readonly kind = "RepeatRareSampler";
  static readonly schemaVersion = 1;
  constructor(params?: Record<string, never>) {
    super({}, params);
  }
  fitResample(X: MatrixInput, y: readonly Label[]): { X: Matrix; y: Label[] } {
    const m = toMatrix(X, this.site("fitResample"));
    const { classes, codes } = encodeLabels(toLabels(y, m.rows, this.site("fitResample")));
    const counts = classes.map((_, k) => codes.filter((c) => c === k).length);
    const rare = counts.indexOf(Math.min(...counts));
    const extra = Array.from(codes.keys()).filter((i) => codes[i] === rare);
    const rows = [...Array.from(codes.keys()), ...extra];
    this.commit({ done: true });
    return { X: m.takeRows(rows), y: rows.map((i) => y[i]) };
  }
  protected encodeState(): JsonObject {
    return { done: true };
  }
  protected decodeState(): { done: true } {
    return { done: true };
  }
}
