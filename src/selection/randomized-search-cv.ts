import { integer, param, seed, type ParamSchema } from "../core/params.js";
import { paramDistributionsCheck, sampleParameters, type ParamDistributions } from "./parameter-sampler.js";
import { SearchCV, type SearchParams } from "./search-cv.js";
import { SEARCH_SCHEMA } from "./search-params.js";

export interface RandomizedSearchCVParams extends SearchParams {
  /** Param paths to candidate lists or distributions ({ distribution: "uniform" | "loguniform" | "randint", ... }). */
  paramDistributions: ParamDistributions | readonly ParamDistributions[];
  /** Number of candidates drawn. Default 10. */
  nIter: number;
  /** Seed of the draws. Default null. */
  randomState: number | null;
}

const SCHEMA: ParamSchema<RandomizedSearchCVParams> = {
  ...SEARCH_SCHEMA,
  paramDistributions: param<ParamDistributions | readonly ParamDistributions[]>({}, paramDistributionsCheck),
  nIter: param(10, integer({ min: 1 })),
  randomState: param(null, seed()),
};

/**
 * scikit-learn's `RandomizedSearchCV`: `nIter` candidates drawn as its `ParameterSampler`
 * draws them (exact for lists; uniform/randint exact, loguniform to the last ulp of log/exp).
 */
export class RandomizedSearchCV extends SearchCV<RandomizedSearchCVParams> {
  static readonly kind = "RandomizedSearchCV";
  static readonly schemaVersion = 1;

  constructor(params?: Partial<RandomizedSearchCVParams>) {
    super(SCHEMA, params);
  }

  protected candidates(onWarning: ((message: string) => void) | undefined, method: string): Record<string, unknown>[] {
    const warn = onWarning && ((message: string) => onWarning(this.message(method, message)));
    return sampleParameters(this.params.paramDistributions, this.params.nIter, this.params.randomState, warn);
  }
}
