import type { LoadContext } from "../core/estimator.js";
import { readRecords, schemaOfFrame, toFrame, type TableInput } from "../core/input.js";
import type { JsonObject } from "../core/json.js";
import type { Label } from "../core/labels.js";
import { nullable, param, seed, type ParamSchema } from "../core/params.js";
import { checkRandomState } from "../core/random-state.js";
import type { StateReader } from "../core/state-codec.js";
import { resampledLike, Sampler, type Resampled, type SamplerState } from "./sampler.js";
import { samplingStrategyCheck, type SamplingStrategy } from "./sampling-strategy.js";

export interface RandomOverSamplerParams {
  /** Which classes to over-sample and how far. Default "auto" (every class but the majority). */
  samplingStrategy: SamplingStrategy;
  /** Seed of the one generator shared by all classes. Default null. */
  randomState: number | null;
  /** Smoothed bootstrap factor; only null (plain duplication) is supported. Default null. */
  shrinkage: null;
}

const SCHEMA: ParamSchema<RandomOverSamplerParams> = {
  samplingStrategy: param("auto", samplingStrategyCheck()),
  randomState: param(null, seed()),
  shrinkage: param(null, nullable(() => "only null (plain bootstrap) is supported")),
};

interface RandomOverSamplerState extends SamplerState {
  sampleIndices: Int32Array;
}

/**
 * imbalanced-learn's `RandomOverSampler`: duplicates rows drawn with replacement from each
 * over-sampled class (one generator for all classes). Works on any table, categorical columns too.
 */
export class RandomOverSampler extends Sampler<RandomOverSamplerParams, RandomOverSamplerState> {
  static readonly kind = "RandomOverSampler";
  static readonly schemaVersion = 1;

  constructor(params?: Partial<RandomOverSamplerParams>) {
    super(SCHEMA, params);
  }

  fitResample(X: TableInput, y: readonly Label[]): Resampled {
    // Records become their Frame here, so that the output is shaped as for that Frame.
    X = readRecords(X, this.site("fitResample"));
    const frame = toFrame(X, this.site("fitResample"));
    const target = this.target(y, frame.nRows, "over");
    const rng = checkRandomState(this.params.randomState);
    const indices: number[] = Array.from({ length: frame.nRows }, (_, i) => i);
    for (const [c, n] of target.strategy) {
      const members = Sampler.rowsOf(target.codes, c, target.counts[c]);
      const picks = rng.choice(members.length, n, true);
      for (let t = 0; t < n; t++) indices.push(members[picks[t]]);
    }
    const sampleIndices = Int32Array.from(indices);
    this.commit({ schema: schemaOfFrame(X, frame), classes: target.classes, strategy: [...target.strategy], sampleIndices });
    return resampledLike(X, frame, sampleIndices, target.labels);
  }

  /** The rows of the last fitted X that make up the resampled data, in output order. */
  get sampleIndices(): Int32Array {
    return this.fitted("sampleIndices").sampleIndices.slice();
  }

  protected encodeState(state: RandomOverSamplerState): JsonObject {
    return { ...this.encodeBase(state), sampleIndices: Array.from(state.sampleIndices) };
  }

  protected decodeState(reader: StateReader, _context: LoadContext): RandomOverSamplerState {
    return { ...this.decodeBase(reader), sampleIndices: Int32Array.from(reader.numbers("sampleIndices")) };
  }
}
