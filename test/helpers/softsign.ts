// Deterministic classifiers written the same way in parity/gen_selection.py: p = 0.5 + 0.5 z / (1 + |z|),
// z = X w + b with b centring column 0's training range. Every operation is exactly rounded, so
// Python and JavaScript produce the same bits and threshold/search fixtures can be exact.
import { Estimator, type LoadContext } from "../../src/core/estimator.js";
import { toMatrix, type MatrixInput } from "../../src/core/input.js";
import type { JsonObject } from "../../src/core/json.js";
import { encodeLabels, type Label } from "../../src/core/labels.js";
import { Matrix } from "../../src/core/matrix.js";
import { number, param, type ParamSchema } from "../../src/core/params.js";
import type { StateReader } from "../../src/core/state-codec.js";

interface SoftParams {
  w0: number;
  w1: number;
  w2: number;
}
interface SoftState {
  classes: Label[];
  b: number;
}
const SCHEMA: ParamSchema<SoftParams> = { w0: param(1, number()), w1: param(-0.5, number()), w2: param(0.25, number()) };

export class SoftsignLinear extends Estimator<SoftParams, SoftState> {
  static readonly kind: string = "SoftsignLinear";
  static readonly schemaVersion = 1;
  constructor(params?: Partial<SoftParams>) {
    super(SCHEMA, params);
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
    const w = [this.params.w0, this.params.w1, this.params.w2];
    const out = new Float64Array(m.rows);
    for (let i = 0; i < m.rows; i++) {
      let z = 0;
      for (let j = 0; j < 3; j++) z = z + m.get(i, j) * w[j];
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
  protected encodeState(state: SoftState): JsonObject {
    return { classes: state.classes, b: state.b };
  }
  protected decodeState(reader: StateReader, _context: LoadContext): SoftState {
    return { classes: reader.numbers("classes"), b: reader.number("b") };
  }
}

/** The same score as a decision function only (no predictProba). */
export class SoftsignDecision extends SoftsignLinear {
  static override readonly kind: string = "SoftsignDecision";
  decisionFunction(X: MatrixInput): Float64Array {
    return this.z(X);
  }
}
Object.defineProperty(SoftsignDecision.prototype, "predictProba", { value: undefined });
