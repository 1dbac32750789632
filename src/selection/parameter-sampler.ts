import { ValidationError } from "../core/errors.js";
import { checkRandomState, type RandomState } from "../core/random-state.js";
import { paramPathProblem } from "./nested-params.js";
import { gridAt, gridSize, sortedKeys, type ParamGrid } from "./parameter-grid.js";

/**
 * A distribution to sample a parameter from, as scipy.stats draws it from a RandomState:
 * `uniform` on [loc, loc + scale), `loguniform` on [low, high), integers in [low, high).
 */
export type Distribution =
  | { readonly distribution: "uniform"; readonly loc?: number; readonly scale?: number }
  | { readonly distribution: "loguniform"; readonly low: number; readonly high: number }
  | { readonly distribution: "randint"; readonly low: number; readonly high: number };

/** Param path -> candidate list or distribution. A list of such records picks one record per draw. */
export type ParamDistributions = Readonly<Record<string, readonly unknown[] | Distribution>>;

function isDistribution(value: unknown): value is Distribution {
  return value !== null && typeof value === "object" && !Array.isArray(value) && typeof (value as { distribution?: unknown }).distribution === "string";
}

/** Checks distributions (or a list of them). */
export function paramDistributionsCheck(value: unknown): string | undefined {
  const list = Array.isArray(value) ? value : [value];
  if (list.length === 0) return "must not be empty";
  for (const record of list) {
    if (record === null || typeof record !== "object" || Array.isArray(record)) return "must be a record of param -> array or distribution";
    for (const [key, v] of Object.entries(record)) {
      const problem = paramPathProblem(key);
      if (problem !== undefined) return problem;
      if (Array.isArray(v)) {
        if (v.length === 0) return `entry ${JSON.stringify(key)} must not be an empty array`;
        continue;
      }
      if (!isDistribution(v)) return `entry ${JSON.stringify(key)} must be an array of values or { distribution: "uniform" | "loguniform" | "randint", ... }`;
      const d = v as Distribution;
      if (d.distribution === "uniform") {
        if ((d.scale ?? 1) <= 0 || !Number.isFinite(d.loc ?? 0)) return `entry ${JSON.stringify(key)}: uniform needs a finite loc and a positive scale`;
      } else if (d.distribution === "loguniform") {
        if (!(d.low > 0 && d.high > d.low)) return `entry ${JSON.stringify(key)}: loguniform needs 0 < low < high`;
      } else if (d.distribution === "randint") {
        if (!(Number.isInteger(d.low) && Number.isInteger(d.high) && d.high > d.low)) return `entry ${JSON.stringify(key)}: randint needs integers low < high`;
      } else return `entry ${JSON.stringify(key)}: unknown distribution ${JSON.stringify((d as { distribution: string }).distribution)}`;
    }
  }
  return undefined;
}

/** One draw, consuming the generator as scipy's `rvs(random_state=rng)` does. */
function draw(d: Distribution, rng: RandomState): number {
  if (d.distribution === "uniform") return rng.nextDouble() * (d.scale ?? 1) + (d.loc ?? 0);
  if (d.distribution === "randint") return rng.randint(d.low, d.high);
  const a = Math.log(d.low);
  return Math.exp(a + rng.nextDouble() * (Math.log(d.high) - a));
}

/**
 * scikit-learn's `ParameterSampler`. When every entry is a list, `nIter` distinct grid points are
 * drawn without replacement (scikit-learn's `sample_without_replacement`); otherwise each draw
 * picks a record, then per key in sorted order a list element or a distribution sample.
 */
export function sampleParameters(spaces: ParamDistributions | readonly ParamDistributions[], nIter: number, randomState: number | null, onWarning?: (message: string) => void): Record<string, unknown>[] {
  const list = (Array.isArray(spaces) ? spaces : [spaces]) as readonly ParamDistributions[];
  const rng = checkRandomState(randomState);
  const allLists = list.every((record) => Object.values(record).every((v) => Array.isArray(v)));
  if (allLists) {
    const grids = list as readonly ParamGrid[];
    const size = gridSize(grids);
    if (size < nIter) onWarning?.(`The total space of parameters ${size} is smaller than nIter=${nIter}; running ${size} iterations`);
    const n = Math.min(size, nIter);
    return Array.from(sampleWithoutReplacement(size, n, rng), (i) => gridAt(grids, i));
  }
  const out: Record<string, unknown>[] = [];
  for (let it = 0; it < nIter; it++) {
    const record = list[rng.randint(0, list.length)];
    const params: Record<string, unknown> = {};
    for (const key of sortedKeys(record)) {
      const v = record[key];
      params[key] = Array.isArray(v) ? v[rng.randint(0, v.length)] : draw(v as Distribution, rng);
    }
    out.push(params);
  }
  return out;
}

/**
 * scikit-learn's `sample_without_replacement(method="auto")`: a permutation head for ratios in
 * (0.01, 0.99); otherwise tracking selection (ratio < 0.2) or reservoir sampling.
 */
export function sampleWithoutReplacement(population: number, samples: number, rng: RandomState): Int32Array {
  if (samples > population) throw new ValidationError(`sampleWithoutReplacement: ${samples} samples from ${population}`);
  const ratio = population !== 0 ? samples / population : 1;
  if (ratio > 0.01 && ratio < 0.99) return rng.permutation(population).slice(0, samples);
  const out = new Int32Array(samples);
  if (ratio < 0.2) {
    const selected = new Set<number>();
    for (let i = 0; i < samples; i++) {
      let j = rng.randint(0, population);
      while (selected.has(j)) j = rng.randint(0, population);
      selected.add(j);
      out[i] = j;
    }
    return out;
  }
  for (let i = 0; i < samples; i++) out[i] = i;
  for (let i = samples; i < population; i++) {
    const j = rng.randint(0, i + 1);
    if (j < samples) out[j] = i;
  }
  return out;
}

