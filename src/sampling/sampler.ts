import { DataError } from "../core/errors.js";
import { Estimator } from "../core/estimator.js";
import { Frame } from "../core/frame.js";
import { decodeSchema, encodeSchema, type FeatureSchema, type TableInput } from "../core/input.js";
import type { JsonObject } from "../core/json.js";
import { encodeLabels, toLabels, type Label } from "../core/labels.js";
import { Matrix } from "../core/matrix.js";
import type { StateReader } from "../core/state-codec.js";
import { resolveSamplingStrategy, type SamplingKind, type SamplingStrategy } from "./sampling-strategy.js";

/** What every sampler remembers from its last `fitResample`. */
export interface SamplerState {
  schema: FeatureSchema;
  /** The classes of y in sorted order. */
  classes: Label[];
  /** Class index -> rows generated (over-samplers) or kept (under-samplers), sorted by class. */
  strategy: [number, number][];
}

/** The resampled data: the rows in imbalanced-learn's order and their labels. */
export interface Resampled<X = Frame | Matrix> {
  X: X;
  y: Label[];
}

/** The target of a sampler, checked and coded by sorted class. */
export interface SamplerTarget {
  labels: Label[];
  classes: Label[];
  codes: Int32Array;
  counts: Int32Array;
  /** Class index -> rows to generate or keep. */
  strategy: Map<number, number>;
}

/**
 * The shared face of samplers (SMOTE, SMOTENC, random over/under sampling): `fitResample`
 * returns new rows and labels; `fit` runs it for its fitted state. Pipelines recognise samplers
 * by their `fitResample` method and skip them at predict time.
 */
export abstract class Sampler<P extends { samplingStrategy: SamplingStrategy }, S extends SamplerState> extends Estimator<P, S> {
  abstract fitResample(X: TableInput, y: readonly Label[]): Resampled;

  /** Runs `fitResample` and keeps only the fitted state. */
  fit(X: TableInput, y: readonly Label[]): this {
    this.fitResample(X, y);
    return this;
  }

  /** The classes of the last fitted y, sorted. */
  get classes(): Label[] {
    return [...this.fitted("classes").classes];
  }

  /** Class -> rows generated (over-samplers) or kept (under-samplers), as resolved at fit. */
  get samplingStrategyResolved(): Map<Label, number> {
    const state = this.fitted("samplingStrategyResolved");
    return new Map(state.strategy.map(([c, n]) => [state.classes[c], n]));
  }

  get featureNamesIn(): string[] {
    return [...this.fitted("featureNamesIn").schema.names];
  }

  /** Checks y against the row count and resolves the strategy. */
  protected target(y: unknown, rows: number, kind: SamplingKind): SamplerTarget {
    const labels = toLabels(y, rows, this.site("fitResample"));
    // imbalanced-learn refuses continuous targets ("Unknown label type"): they are values to predict, not classes.
    const row = labels.findIndex((label) => typeof label === "number" && !Number.isInteger(label));
    if (row >= 0) throw DataError.at(this.site("fitResample", undefined, row), `y holds the non-integer number ${labels[row]}; a sampler needs class labels (integers or strings), not continuous values`);
    const { classes, codes } = encodeLabels(labels);
    const counts = new Int32Array(classes.length);
    for (let i = 0; i < codes.length; i++) counts[codes[i]]++;
    const strategy = resolveSamplingStrategy(this.params.samplingStrategy, classes, counts, kind, this.kind);
    return { labels, classes, codes, counts, strategy };
  }

  /** The rows of class `c`, ascending. */
  protected static rowsOf(codes: Int32Array, c: number, count: number): Int32Array {
    const out = new Int32Array(count);
    let k = 0;
    for (let i = 0; i < codes.length; i++) if (codes[i] === c) out[k++] = i;
    return out;
  }

  protected encodeBase(state: SamplerState): JsonObject {
    return { schema: encodeSchema(state.schema), classes: state.classes, strategy: state.strategy };
  }

  protected decodeBase(reader: StateReader): SamplerState {
    const schema = decodeSchema(reader.object("schema"));
    const rawClasses = reader.raw("classes");
    if (!Array.isArray(rawClasses) || rawClasses.length < 2) reader.fail("classes", "must be an array of at least 2 labels");
    const type = typeof rawClasses[0];
    if (!rawClasses.every((c) => (typeof c === "string" || (typeof c === "number" && Number.isFinite(c))) && typeof c === type)) {
      reader.fail("classes", "must hold labels of one type (numbers or strings)");
    }
    const classes = rawClasses as Label[];
    const rawStrategy = reader.raw("strategy");
    if (!Array.isArray(rawStrategy)) reader.fail("strategy", "must be an array of [class, count] pairs");
    const strategy = rawStrategy.map((pair, i) => {
      const ok = Array.isArray(pair) && pair.length === 2 && Number.isInteger(pair[0]) && pair[0] >= 0 && pair[0] < classes.length && Number.isInteger(pair[1]) && pair[1] >= 0;
      if (!ok) reader.fail(`strategy[${i}]`, "must be a [class index, non-negative count] pair");
      return [pair[0], pair[1]] as [number, number];
    });
    return { schema, classes, strategy };
  }

  /** imbalanced-learn needs k + 1 rows in every resampled class (the row itself plus k neighbours). */
  protected checkNeighbors(label: Label, members: number, k: number): void {
    if (members < k + 1) {
      throw this.dataError(`class ${JSON.stringify(label)} has ${members} row(s) but kNeighbors=${k} needs at least ${k + 1} (the row itself plus ${k} neighbours); lower kNeighbors or drop the class`);
    }
  }

  /** A DataError naming this sampler's fitResample. */
  protected dataError(text: string, column?: string, row?: number): DataError {
    return DataError.at(this.site("fitResample", column, row), text);
  }
}

/** Copies the listed rows of a row-major block into a new block. */
export function gatherRows(data: Float64Array, cols: number, rows: Int32Array): Float64Array {
  const out = new Float64Array(rows.length * cols);
  for (let r = 0; r < rows.length; r++) out.set(data.subarray(rows[r] * cols, rows[r] * cols + cols), r * cols);
  return out;
}

/** The rows at `indices` shaped like the input (Frame, Matrix, or Matrix for nested arrays), with their labels. */
export function resampledLike(X: TableInput, frame: Frame, indices: Int32Array, labels: readonly Label[]): Resampled {
  const rows = frame.takeRows(indices);
  const y = Array.from(indices, (i) => labels[i]);
  if (X instanceof Frame) return { X: rows, y };
  const allNumeric = rows.names.every((n) => rows.kindOf(n) === "numeric");
  if (!allNumeric) return { X: rows, y };
  const m = rows.toMatrix();
  const named = X instanceof Matrix ? X.featureNames !== undefined : false;
  return { X: named ? m : new Matrix(m.data, m.rows, m.cols), y };
}
