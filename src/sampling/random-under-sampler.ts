import type { LoadContext } from "../core/estimator.js";
import { readRecords, schemaOfFrame, toFrame, type TableInput } from "../core/input.js";
import type { JsonObject } from "../core/json.js";
import type { Label } from "../core/labels.js";
import { boolean, param, seed, type ParamSchema } from "../core/params.js";
import { checkRandomState } from "../core/random-state.js";
import type { StateReader } from "../core/state-codec.js";
import { resampledLike, Sampler, type Resampled, type SamplerState } from "./sampler.js";
import { samplingStrategyCheck, type SamplingStrategy } from "./sampling-strategy.js";

export interface RandomUnderSamplerParams {
  /** Which classes to under-sample and to what size. Default "auto" (every class but the minority, down to its size). */
  samplingStrategy: SamplingStrategy;
  /** Seed of the one generator shared by all classes. Default null. */
  randomState: number | null;
  /** Draw the kept rows with replacement. Default false. */
  replacement: boolean;
}

const SCHEMA: ParamSchema<RandomUnderSamplerParams> = {
  samplingStrategy: param("auto", samplingStrategyCheck()),
  randomState: param(null, seed()),
  replacement: param(false, boolean()),
};

interface RandomUnderSamplerState extends SamplerState {
  sampleIndices: Int32Array;
}

/**
 * imbalanced-learn's `RandomUnderSampler`: keeps a random subset of each under-sampled class.
 * Output rows go class by class in sorted label order (classes left alone keep all their rows).
 */
export class RandomUnderSampler extends Sampler<RandomUnderSamplerParams, RandomUnderSamplerState> {
  static readonly kind = "RandomUnderSampler";
  static readonly schemaVersion = 1;

  constructor(params?: Partial<RandomUnderSamplerParams>) {
    super(SCHEMA, params);
  }

  fitResample(X: TableInput, y: readonly Label[]): Resampled {
    // Records become their Frame here, so that the output is shaped as for that Frame.
    X = readRecords(X, this.site("fitResample"));
    const frame = toFrame(X, this.site("fitResample"));
    const target = this.target(y, frame.nRows, "under");
    const rng = checkRandomState(this.params.randomState);
    const indices: number[] = [];
    for (let c = 0; c < target.classes.length; c++) {
      const members = Sampler.rowsOf(target.codes, c, target.counts[c]);
      const n = target.strategy.get(c);
      if (n === undefined) {
        indices.push(...members);
        continue;
      }
      const picks = rng.choice(members.length, n, this.params.replacement);
      for (let t = 0; t < n; t++) indices.push(members[picks[t]]);
    }
    const sampleIndices = Int32Array.from(indices);
    this.commit({ schema: schemaOfFrame(X, frame), classes: target.classes, strategy: [...target.strategy], sampleIndices });
    return resampledLike(X, frame, sampleIndices, target.labels);
  }

  /** The rows of the last fitted X kept in the resampled data, in output order. */
  get sampleIndices(): Int32Array {
    return this.fitted("sampleIndices").sampleIndices.slice();
  }

  protected encodeState(state: RandomUnderSamplerState): JsonObject {
    return { ...this.encodeBase(state), sampleIndices: Array.from(state.sampleIndices) };
  }

  protected decodeState(reader: StateReader, _context: LoadContext): RandomUnderSamplerState {
    return { ...this.decodeBase(reader), sampleIndices: Int32Array.from(reader.numbers("sampleIndices")) };
  }
}
