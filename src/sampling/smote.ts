import type { LoadContext } from "../core/estimator.js";
import { schemaOfMatrix, toMatrix, type MatrixInput } from "../core/input.js";
import type { JsonObject } from "../core/json.js";
import type { Label } from "../core/labels.js";
import { Matrix } from "../core/matrix.js";
import { outputLike } from "../core/output.js";
import { integer, param, seed, type ParamSchema } from "../core/params.js";
import { checkRandomState, RandomState } from "../core/random-state.js";
import type { StateReader } from "../core/state-codec.js";
import { drawPairs, interpolate } from "./interpolate.js";
import { classNeighbors } from "./nearest-neighbors.js";
import { gatherRows, Sampler, type Resampled, type SamplerState } from "./sampler.js";
import { samplingStrategyCheck, type SamplingStrategy } from "./sampling-strategy.js";

export interface SMOTEParams {
  /** Which classes to over-sample and how far. Default "auto" (every class but the majority, up to its size). */
  samplingStrategy: SamplingStrategy;
  /** Seed; an integer restarts the same stream for every class, as imbalanced-learn does. Default null. */
  randomState: number | null;
  /** Neighbours per row to interpolate towards. Default 5. */
  kNeighbors: number;
}

const SCHEMA: ParamSchema<SMOTEParams> = {
  samplingStrategy: param("auto", samplingStrategyCheck()),
  randomState: param(null, seed()),
  kNeighbors: param(5, integer({ min: 1 })),
};

/**
 * imbalanced-learn's `SMOTE`: each new row lies on the segment from a class row to one of its
 * k nearest same-class neighbours. Output: the original rows, then the new rows class by class
 * in sorted label order; with an integer seed the rows equal imbalanced-learn's.
 */
export class SMOTE extends Sampler<SMOTEParams, SamplerState> {
  static readonly kind = "SMOTE";
  static readonly schemaVersion = 1;

  constructor(params?: Partial<SMOTEParams>) {
    super(SCHEMA, params);
  }

  fitResample(X: MatrixInput, y: readonly Label[]): Resampled {
    const matrix = toMatrix(X, this.site("fitResample"));
    const { rows, cols, data } = matrix;
    const target = this.target(y, rows, "over");
    const k = this.params.kNeighbors;
    const shared = this.params.randomState === null ? checkRandomState(null) : null;
    const labels = [...target.labels];
    for (const [c, n] of target.strategy) for (let t = 0; t < n; t++) labels.push(target.classes[c]);
    // The new rows are interpolated straight into the output, after the original rows.
    const out = new Float64Array(labels.length * cols);
    out.set(data);
    let offset = data.length;
    for (const [c, n] of target.strategy) {
      if (n === 0) continue;
      const members = Sampler.rowsOf(target.codes, c, target.counts[c]);
      this.checkNeighbors(target.classes[c], members.length, k);
      const classData = gatherRows(data, cols, members);
      const neighbors = classNeighbors(classData, members.length, cols, k);
      const rng = shared ?? new RandomState(this.params.randomState!);
      const { base, neighbor } = drawPairs(neighbors, k, n, rng);
      interpolate(classData, cols, base, neighbor, rng, out, offset);
      offset += n * cols;
    }
    const schema = schemaOfMatrix(X, matrix);
    this.commit({ schema, classes: target.classes, strategy: [...target.strategy] });
    return { X: outputLike(X, new Matrix(out, labels.length, cols), schema.names, schema.named), y: labels };
  }

  protected encodeState(state: SamplerState): JsonObject {
    return this.encodeBase(state);
  }

  protected decodeState(reader: StateReader, _context: LoadContext): SamplerState {
    return this.decodeBase(reader);
  }
}
