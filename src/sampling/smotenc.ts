import type { LoadContext } from "../core/estimator.js";
import { Frame } from "../core/frame.js";
import { readRecords, schemaOfFrame, toFrame, type TableInput } from "../core/input.js";
import type { JsonObject } from "../core/json.js";
import type { Label } from "../core/labels.js";
import { Matrix } from "../core/matrix.js";
import { compareCodePoints, compareNumbers } from "../core/ordering.js";
import { anyOf, arrayOf, integer, oneOf, param, seed, string, type ParamSchema } from "../core/params.js";
import { checkRandomState, RandomState } from "../core/random-state.js";
import type { StateReader } from "../core/state-codec.js";
import { interpolateSamples } from "./interpolate.js";
import { classNeighbors } from "./nearest-neighbors.js";
import { gatherRows, Sampler, type Resampled, type SamplerState } from "./sampler.js";
import { samplingStrategyCheck, type SamplingStrategy } from "./sampling-strategy.js";

export interface SMOTENCParams {
  /** Categorical columns by index or name; "auto" = the Frame's categorical (string) columns. Default "auto". */
  categoricalFeatures: "auto" | readonly (number | string)[];
  /** Which classes to over-sample and how far. Default "auto". */
  samplingStrategy: SamplingStrategy;
  /** Seed; an integer restarts the same streams for every class, as imbalanced-learn does. Default null. */
  randomState: number | null;
  /** Neighbours per row. Default 5. */
  kNeighbors: number;
}

const SCHEMA: ParamSchema<SMOTENCParams> = {
  categoricalFeatures: param("auto", anyOf(oneOf("auto"), arrayOf(anyOf(integer({ min: 0 }), string()), { minLength: 1 }))),
  samplingStrategy: param("auto", samplingStrategyCheck()),
  randomState: param(null, seed()),
  kNeighbors: param(5, integer({ min: 1 })),
};

interface SMOTENCState extends SamplerState {
  categorical: number[];
  continuous: number[];
  /** Per resampled class (index into classes): the median of its continuous columns' std. */
  medianStd: [number, number][];
}

/** One categorical column: its sorted categories and each row's category index. */
interface Encoded {
  categories: (string | number | null)[];
  codes: Int32Array;
}

/**
 * imbalanced-learn's `SMOTENC`: SMOTE on the continuous columns plus one-hot categorical blocks
 * scaled to the class's median continuous std / sqrt(2) (one category mismatch adds exactly
 * median² to a squared distance); each new row takes, per categorical column, the category most
 * frequent among the base row's k neighbours, ties broken by a second fresh stream.
 */
export class SMOTENC extends Sampler<SMOTENCParams, SMOTENCState> {
  static readonly kind = "SMOTENC";
  static readonly schemaVersion = 1;

  constructor(params?: Partial<SMOTENCParams>) {
    super(SCHEMA, params);
  }

  fitResample(X: TableInput, y: readonly Label[]): Resampled {
    // Records become their Frame here, so that the output is shaped as for that Frame.
    X = readRecords(X, this.site("fitResample"));
    const frame = toFrame(X, this.site("fitResample"));
    const { categorical, continuous } = this.splitColumns(frame);
    const rows = frame.nRows;
    const target = this.target(y, rows, "over");
    const nCont = continuous.length;
    const cont = new Float64Array(rows * nCont);
    continuous.forEach((j, f) => {
      const name = frame.names[j];
      const column = frame.numeric(name);
      for (let i = 0; i < rows; i++) {
        if (Number.isNaN(column[i])) throw this.dataError("continuous columns must not hold NaN; impute them first", name, i);
        cont[i * nCont + f] = column[i];
      }
    });
    const encoded = categorical.map((j) => encodeColumn(frame, frame.names[j]));
    const width = nCont + encoded.reduce((s, e) => s + e.categories.length, 0);
    const k = this.params.kNeighbors;
    const shared = this.params.randomState === null ? checkRandomState(null) : null;
    const fresh = () => shared ?? new RandomState(this.params.randomState!);
    const newCont: Float64Array[] = [];
    const newCats: Int32Array[][] = [];
    const labels = [...target.labels];
    const medianStd: [number, number][] = [];
    for (const [c, n] of target.strategy) {
      if (n === 0) continue;
      const members = Sampler.rowsOf(target.codes, c, target.counts[c]);
      const m = members.length;
      const classCont = gatherRows(cont, nCont, members);
      const med = medianOfStd(classCont, m, nCont);
      medianStd.push([c, med]);
      this.checkNeighbors(target.classes[c], m, k);
      const scaled = med / Math.SQRT2;
      const Z = new Float64Array(m * width);
      for (let r = 0; r < m; r++) {
        Z.set(classCont.subarray(r * nCont, (r + 1) * nCont), r * width);
        let offset = nCont;
        for (const e of encoded) {
          Z[r * width + offset + e.codes[members[r]]] = scaled;
          offset += e.categories.length;
        }
      }
      const neighbors = classNeighbors(Z, m, width, k);
      const draw = interpolateSamples(Z, width, neighbors, k, n, fresh());
      const block = new Float64Array(n * nCont);
      for (let t = 0; t < n; t++) block.set(draw.data.subarray(t * width, t * width + nCont), t * nCont);
      newCont.push(block);
      // With a zero median the scaled blocks are all zero, so votes use the raw one-hot values.
      const vote = med === 0 ? 1 : scaled;
      const rng2 = fresh();
      newCats.push(encoded.map((e) => voteCategories(e, members, neighbors, draw.base, k, vote, rng2)));
      for (let t = 0; t < n; t++) labels.push(target.classes[c]);
    }
    const out = this.assemble(frame, X, categorical, continuous, encoded, newCont, newCats, labels.length);
    this.commit({ schema: schemaOfFrame(X, frame), classes: target.classes, strategy: [...target.strategy], categorical, continuous, medianStd });
    return { X: out, y: labels };
  }

  /** Per resampled class: the median of the continuous columns' population std. */
  get medianStd(): Map<Label, number> {
    const state = this.fitted("medianStd");
    return new Map(state.medianStd.map(([c, v]) => [state.classes[c], v]));
  }

  get categoricalFeatures(): number[] {
    return [...this.fitted("categoricalFeatures").categorical];
  }

  private splitColumns(frame: Frame): { categorical: number[]; continuous: number[] } {
    const spec = this.params.categoricalFeatures;
    let categorical: number[];
    if (spec === "auto") categorical = frame.names.flatMap((name, j) => (frame.kindOf(name) === "categorical" ? [j] : []));
    else {
      categorical = spec.map((item) => {
        const j = typeof item === "number" ? item : frame.names.indexOf(item);
        if (j < 0 || j >= frame.nCols) throw this.dataError(`categoricalFeatures names ${JSON.stringify(item)}, which is not a column of X (${frame.nCols} columns: ${frame.names.slice(0, 10).join(", ")})`);
        return j;
      });
      categorical = [...new Set(categorical)].sort((a, b) => a - b);
    }
    const continuous = frame.names.flatMap((_, j) => (categorical.includes(j) ? [] : [j]));
    if (categorical.length === 0) throw this.dataError("SMOTENC needs at least one categorical column (use SMOTE for all-numeric data)");
    if (continuous.length === 0) throw this.dataError("SMOTENC needs at least one continuous column");
    for (const j of continuous) {
      if (frame.kindOf(frame.names[j]) !== "numeric") throw this.dataError("column is categorical text but not listed in categoricalFeatures", frame.names[j]);
    }
    return { categorical, continuous };
  }

  private assemble(frame: Frame, X: TableInput, categorical: number[], continuous: number[], encoded: Encoded[], newCont: Float64Array[], newCats: Int32Array[][], total: number): Frame | Matrix {
    const rows = frame.nRows;
    const columns: Record<string, Float64Array | (string | number | null)[]> = Object.create(null);
    const kinds: Record<string, "numeric" | "categorical"> = {};
    continuous.forEach((j, f) => {
      const name = frame.names[j];
      const out = new Float64Array(total);
      out.set(frame.numeric(name));
      let at = rows;
      for (const block of newCont) {
        const n = block.length / continuous.length;
        for (let t = 0; t < n; t++) out[at++] = block[t * continuous.length + f];
      }
      columns[name] = out;
    });
    categorical.forEach((j, b) => {
      const name = frame.names[j];
      const original = frame.column(name);
      const values: (string | number | null)[] = Array.from(original as ArrayLike<string | number | null>);
      for (const perClass of newCats) for (const code of perClass[b]) values.push(encoded[b].categories[code]);
      columns[name] = original instanceof Float64Array ? Float64Array.from(values as number[]) : values;
      kinds[name] = frame.kindOf(name);
    });
    const ordered: Record<string, ArrayLike<unknown>> = {};
    for (const name of frame.names) ordered[name] = columns[name];
    const result = Frame.fromColumns(ordered, { kinds });
    if (X instanceof Frame || !result.names.every((n) => result.kindOf(n) === "numeric")) return result;
    const m = result.toMatrix();
    return X instanceof Matrix && X.featureNames !== undefined ? m : new Matrix(m.data, m.rows, m.cols);
  }

  protected encodeState(state: SMOTENCState): JsonObject {
    return { ...this.encodeBase(state), categorical: state.categorical, continuous: state.continuous, medianStd: state.medianStd };
  }

  protected decodeState(reader: StateReader, _context: LoadContext): SMOTENCState {
    const base = this.decodeBase(reader);
    const width = base.schema.names.length;
    const indices = (key: string) => {
      const list = reader.numbers(key);
      if (!list.every((j) => Number.isInteger(j) && j >= 0 && j < width)) reader.fail(key, `must hold column indices below ${width}`);
      return list;
    };
    const medianStd = reader.raw("medianStd");
    if (!Array.isArray(medianStd) || !medianStd.every((p) => Array.isArray(p) && p.length === 2 && Number.isInteger(p[0]) && p[0] >= 0 && p[0] < base.classes.length && typeof p[1] === "number" && p[1] >= 0)) {
      reader.fail("medianStd", "must be [class index, non-negative number] pairs");
    }
    return { ...base, categorical: indices("categorical"), continuous: indices("continuous"), medianStd: medianStd as [number, number][] };
  }
}

/** Sorted categories (missing last, as scikit-learn's OneHotEncoder sorts None/NaN) and row codes. */
function encodeColumn(frame: Frame, name: string): Encoded {
  const column = frame.column(name);
  const values = Array.from(column as ArrayLike<string | number | null>, (v) => (typeof v === "number" && Number.isNaN(v) ? null : v));
  const present = [...new Set(values.filter((v) => v !== null))] as (string | number)[];
  present.sort((a, b) => (typeof a === "number" ? compareNumbers(a, b as number) : compareCodePoints(a, b as string)));
  const categories: (string | number | null)[] = values.includes(null) ? [...present, column instanceof Float64Array ? NaN : null] : present;
  const index = new Map<string | number | null, number>(present.map((v, i) => [v, i]));
  const missing = present.length;
  const codes = Int32Array.from(values, (v) => (v === null ? missing : index.get(v)!));
  return { categories, codes };
}

/** Population std per continuous column, then the median (mean of the two middle values for an even count). */
function medianOfStd(data: Float64Array, rows: number, cols: number): number {
  const std: number[] = [];
  for (let f = 0; f < cols; f++) {
    let sum = 0;
    for (let r = 0; r < rows; r++) sum += data[r * cols + f];
    const mean = sum / rows;
    let sq = 0;
    for (let r = 0; r < rows; r++) {
      const t = data[r * cols + f] - mean;
      sq += t * t;
    }
    std.push(Math.sqrt(sq / rows));
  }
  std.sort((a, b) => a - b);
  const mid = std.length >> 1;
  return std.length % 2 === 1 ? std[mid] : (std[mid - 1] + std[mid]) / 2;
}

/**
 * Per new row, the category with the largest neighbour vote in one categorical block (numpy's
 * isclose against the row maximum); among tied winners, the first of a random permutation of all
 * (row, category) winner pairs, as imbalanced-learn breaks ties.
 */
function voteCategories(e: Encoded, members: Int32Array, neighbors: Int32Array, base: Int32Array, k: number, vote: number, rng: RandomState): Int32Array {
  const n = base.length;
  const size = e.categories.length;
  const votes = new Float64Array(size);
  const pairRow: number[] = [];
  const pairCat: number[] = [];
  for (let t = 0; t < n; t++) {
    votes.fill(0);
    for (let s = 0; s < k; s++) votes[e.codes[members[neighbors[base[t] * k + s]]]] += vote;
    let max = -Infinity;
    for (let q = 0; q < size; q++) if (votes[q] > max) max = votes[q];
    for (let q = 0; q < size; q++) {
      if (Math.abs(votes[q] - max) <= 1e-8 + 1e-5 * Math.abs(max)) {
        pairRow.push(t);
        pairCat.push(q);
      }
    }
  }
  const order = rng.permutation(pairRow.length);
  const winner = new Int32Array(n).fill(-1);
  for (let p = 0; p < order.length; p++) {
    const t = pairRow[order[p]];
    if (winner[t] < 0) winner[t] = pairCat[order[p]];
  }
  return winner;
}

