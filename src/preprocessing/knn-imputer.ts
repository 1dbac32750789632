import { argIntroselect } from "../core/argpartition.js";
import { DataError, type ErrorSite } from "../core/errors.js";
import { Estimator, type LoadContext } from "../core/estimator.js";
import type { Frame } from "../core/frame.js";
import { checkFeatures, decodeSchema, encodeSchema, type FeatureSchema, type MatrixInput } from "../core/input.js";
import type { JsonObject } from "../core/json.js";
import type { Matrix } from "../core/matrix.js";
import { pairwiseSum } from "../core/pairwise-sum.js";
import { boolean, integer, oneOf, param, type ParamCheck, type ParamSchema } from "../core/params.js";
import { encodeFloat64Array, type StateReader } from "../core/state-codec.js";
import { einsumSquares, fusedSum, isSmallInteger, unfusedSlack, veltkampHigh } from "./nan-euclidean.js";
import { numericColumns, numericOutput } from "./numeric-columns.js";
import { allEmpty } from "./simple-imputer.js";

export interface KNNImputerParams {
  /** How many nearest donors (rows that have the column) average into each missing value. Default 5. */
  nNeighbors: number;
  /** "uniform": plain mean of the donors; "distance": weighted by inverse distance (zero-distance donors take all the weight). Default "uniform". */
  weights: "uniform" | "distance";
  /** The value that marks a missing entry: NaN (default) or a finite number (then NaN in the data is an error). */
  missingValues: number;
  /** Append a 0/1 column `missingindicator_<name>` for each column that had missing values at fit. Default false. */
  addIndicator: boolean;
  /** Keep columns with no value at fit (filled with 0) instead of dropping them. Default false. */
  keepEmptyFeatures: boolean;
}

const numberOrNaN: ParamCheck = (value) =>
  typeof value === "number" && (Number.isNaN(value) || Number.isFinite(value)) ? undefined : `must be NaN or a finite number, got ${String(value)}`;

const SCHEMA: ParamSchema<KNNImputerParams> = {
  nNeighbors: param(5, integer({ min: 1 })),
  weights: param("uniform", oneOf("uniform", "distance")),
  missingValues: param(NaN, numberOrNaN),
  addIndicator: param(false, boolean()),
  keepEmptyFeatures: param(false, boolean()),
};

const INDICATOR_PREFIX = "missingindicator_";

/** What is saved: the training rows (row-major, NaN where missing). Everything else derives from them. */
interface KNNImputerState {
  schema: FeatureSchema;
  rows: number;
  data: Float64Array;
  donors: Donors;
}

/** The training rows prepared for distance queries (built at fit and on load, never saved). */
interface Donors {
  rows: number;
  cols: number;
  /** Training rows with missing entries set to 0. */
  zeroed: Float64Array;
  /** The squares of `zeroed`, entry by entry. */
  squares: Float64Array;
  /** numpy's `einsum` squared norm of each zeroed row. */
  norms: Float64Array;
  maxNorm: number;
  /** Each row's missing-entry pattern, as an index into `patterns`. */
  pattern: Int32Array;
  /** The distinct missing patterns, `cols` bytes each (1 = missing). */
  patterns: Uint8Array;
  /** Per column, the rows that have a value there, ascending. */
  present: Int32Array[];
  /** Per column, the mean of its values (NaN for a column with none). */
  means: Float64Array;
  /** Per column, whether every value is a small integer (products with it are exact). */
  integral: Uint8Array;
  /** Columns with at least one missing value (they get indicator columns). */
  indicator: Int32Array;
  /** High Veltkamp halves of `zeroed`, for exact products (built when first needed). */
  split?: { high: Float64Array };
}

/**
 * Fills each missing value with the mean of that column over the `nNeighbors` nearest training
 * rows that have it, by scikit-learn's nan-euclidean distance: scikit-learn's `KNNImputer`.
 * Columns with no value at fit are dropped (or kept as zeros with `keepEmptyFeatures`); a row
 * with no coordinate in common with any donor takes the column mean.
 *
 * Distances are computed with scikit-learn's own arithmetic and the neighbours chosen by a port of
 * numpy's `argpartition`, so that ties between equally distant donors are resolved as numpy's
 * scalar selection does. The fitted state is the training data, as for any lazy learner.
 */
export class KNNImputer extends Estimator<KNNImputerParams, KNNImputerState> {
  static readonly kind = "KNNImputer";
  static readonly schemaVersion = 1;

  constructor(params?: Partial<KNNImputerParams>) {
    super(SCHEMA, params);
  }

  fit(X: MatrixInput, _y?: unknown): this {
    const site = this.site("fit");
    const { rows, columns, names, schema } = numericColumns(X, site);
    const cols = columns.length;
    const data = new Float64Array(rows * cols);
    for (let j = 0; j < cols; j++) {
      const column = this.missingAsNaN(columns[j], { ...site, column: names[j] });
      for (let i = 0; i < rows; i++) data[i * cols + j] = column[i];
    }
    const donors = prepareDonors(data, rows, cols);
    const { keepEmptyFeatures, addIndicator } = this.params;
    if (!keepEmptyFeatures && !addIndicator && donors.present.every((present) => present.length === 0)) throw allEmpty(schema.names, site);
    if (this.params.addIndicator) {
      const taken = new Set(schema.names);
      for (const j of donors.indicator) {
        const name = INDICATOR_PREFIX + schema.names[j];
        if (taken.has(name)) throw DataError.at({ ...site, column: name }, `the indicator column "${name}" would replace the input column of that name; rename it`);
      }
    }
    return this.commit({ schema, rows, data, donors });
  }

  /** The input with each missing value imputed from its nearest training rows (empty columns dropped, indicators appended). */
  transform(X: MatrixInput): Frame | Matrix {
    const state = this.fitted("transform");
    const site = this.site("transform");
    const { rows, names, columns: raw } = numericColumns(X, site);
    checkFeatures(state.schema, names, site);
    const columns = raw.map((column, j) => this.missingAsNaN(column, { ...site, column: names[j] }));
    const { donors } = state;
    const cols = donors.cols;
    const keep = this.params.keepEmptyFeatures;
    const outNames = this.featureNamesOut();
    const out = new Float64Array(rows * outNames.length);
    let o = 0;
    const place: number[] = [];
    for (let j = 0; j < cols; j++) {
      if (donors.present[j].length > 0) {
        out.set(columns[j], o * rows);
        place[j] = o++;
      } else if (keep) o++; // stays 0
      else place[j] = -1;
    }
    if (this.params.addIndicator) {
      for (const j of donors.indicator) {
        const column = columns[j];
        const base = o++ * rows;
        for (let i = 0; i < rows; i++) out[base + i] = column[i] !== column[i] ? 1 : 0;
      }
    }
    imputeRows(columns, rows, donors, this.params.nNeighbors, this.params.weights === "distance", (row, j, value) => {
      out[place[j] * rows + row] = value;
    });
    return numericOutput(X, out, rows, state.schema, outNames);
  }

  fitTransform(X: MatrixInput, y?: unknown): Frame | Matrix {
    return this.fit(X, y).transform(X);
  }

  /**
   * The output column names: the columns that had values at fit (all of them with
   * keepEmptyFeatures), then `missingindicator_<name>` columns.
   */
  featureNamesOut(): string[] {
    const { schema, donors } = this.fitted("featureNamesOut");
    const names = schema.names.filter((_, j) => this.params.keepEmptyFeatures || donors.present[j].length > 0);
    if (this.params.addIndicator) for (const j of donors.indicator) names.push(INDICATOR_PREFIX + schema.names[j]);
    return names;
  }

  /** The indices of the columns that had missing values at fit (scikit-learn's `indicator_.features_`). */
  get indicatorFeatures(): number[] {
    return Array.from(this.fitted("indicatorFeatures").donors.indicator);
  }
  /** Training rows kept for imputation (scikit-learn's `_fit_X`). */
  get samplesFit(): number {
    return this.fitted("samplesFit").rows;
  }
  get featureNamesIn(): string[] {
    return [...this.fitted("featureNamesIn").schema.names];
  }

  /** The column with the missing-value marker turned into NaN; NaN itself is refused when the marker is a number. */
  private missingAsNaN(column: Float64Array, site: ErrorSite): Float64Array {
    const marker = this.params.missingValues;
    if (Number.isNaN(marker)) return column;
    const out = new Float64Array(column.length);
    for (let i = 0; i < column.length; i++) {
      const v = column[i];
      if (v !== v) throw DataError.at({ ...site, row: i }, `found NaN but missingValues is ${marker}; NaN is only allowed with the default missingValues NaN`);
      out[i] = v === marker ? NaN : v;
    }
    return out;
  }

  protected encodeState(state: KNNImputerState): JsonObject {
    return { schema: encodeSchema(state.schema), rows: state.rows, data: encodeFloat64Array(state.data) };
  }

  protected decodeState(reader: StateReader, _context: LoadContext): KNNImputerState {
    const schema = decodeSchema(reader.object("schema"));
    const cols = schema.names.length;
    if (schema.kinds.some((kind) => kind !== "numeric")) reader.fail("schema.kinds", "must all be numeric");
    const rows = reader.integer("rows", { min: 1 });
    const data = reader.f64("data", { length: rows * cols });
    for (let k = 0; k < data.length; k++) if (data[k] === Infinity || data[k] === -Infinity) reader.fail(`data[${k}]`, "must be finite or NaN");
    return { schema, rows, data, donors: prepareDonors(data, rows, cols) };
  }
}

function prepareDonors(data: Float64Array, rows: number, cols: number): Donors {
  const zeroed = new Float64Array(rows * cols);
  const squares = new Float64Array(rows * cols);
  const norms = new Float64Array(rows);
  const pattern = new Int32Array(rows);
  const patternIds = new Map<string, number>();
  const patternList: number[] = [];
  const counts = new Int32Array(cols);
  const sums = new Float64Array(cols);
  const integral = new Uint8Array(cols).fill(1);
  let maxNorm = 0;
  const key = new Uint8Array(cols);
  for (let i = 0; i < rows; i++) {
    const base = i * cols;
    for (let j = 0; j < cols; j++) {
      const v = data[base + j];
      const missing = v !== v;
      key[j] = missing ? 1 : 0;
      const z = missing ? 0 : v;
      zeroed[base + j] = z;
      squares[base + j] = z * z;
      if (!missing) {
        counts[j]++;
        if (!isSmallInteger(v)) integral[j] = 0;
      }
    }
    norms[i] = einsumSquares(zeroed, base, cols);
    if (norms[i] > maxNorm) maxNorm = norms[i];
    const text = key.join("");
    let id = patternIds.get(text);
    if (id === undefined) {
      id = patternIds.size;
      patternIds.set(text, id);
      for (let j = 0; j < cols; j++) patternList.push(key[j]);
    }
    pattern[i] = id;
  }
  const present = Array.from({ length: cols }, (_, j) => new Int32Array(counts[j]));
  const filled = new Int32Array(cols);
  for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) if (data[i * cols + j] === data[i * cols + j]) present[j][filled[j]++] = i;
  // numpy's masked mean: the pairwise sum with missing entries as 0, over the count.
  const column = new Float64Array(rows);
  for (let j = 0; j < cols; j++) {
    for (let i = 0; i < rows; i++) column[i] = zeroed[i * cols + j];
    sums[j] = counts[j] === 0 ? NaN : pairwiseSum(column) / counts[j];
  }
  const indicator: number[] = [];
  for (let j = 0; j < cols; j++) if (counts[j] < rows) indicator.push(j);
  return {
    rows,
    cols,
    zeroed,
    squares,
    norms,
    maxNorm,
    pattern,
    patterns: Uint8Array.from(patternList),
    present,
    means: sums,
    integral,
    indicator: Int32Array.from(indicator),
  };
}

/** Scratch space of one query row, reused across rows. */
interface Query {
  x: Float64Array;
  xSquares: Float64Array;
  missingCols: Int32Array;
  nMissing: number;
  terms: Int32Array;
  nTerms: number;
  xx: number;
  patternCorrection: Float64Array;
  patternCount: Int32Array;
  /** Per dot-product term, 1 when its product is exact for every donor. */
  exactTerm: Uint8Array;
  /** High Veltkamp halves of `x`. */
  xHigh: Float64Array;
}

/**
 * Imputes every missing entry of the query columns that has donors, calling `write(row, column,
 * value)`. For each query row with something to fill, the distances to all training rows are
 * computed once (as scikit-learn does), then for each of its missing columns the donors'
 * distances are gathered and the k nearest picked by numpy's introselect.
 */
function imputeRows(
  columns: Float64Array[],
  queryRows: number,
  donors: Donors,
  nNeighbors: number,
  byDistance: boolean,
  write: (row: number, column: number, value: number) => void,
): void {
  const { rows, cols, patterns, present, means, integral } = donors;
  const nPatterns = patterns.length / cols;
  const q: Query = {
    x: new Float64Array(cols),
    xSquares: new Float64Array(cols),
    missingCols: new Int32Array(cols),
    nMissing: 0,
    terms: new Int32Array(cols),
    nTerms: 0,
    xx: 0,
    patternCorrection: new Float64Array(nPatterns),
    patternCount: new Int32Array(nPatterns),
    exactTerm: new Uint8Array(cols),
    xHigh: new Float64Array(cols),
  };
  const distances = new Float64Array(rows);
  const exact = new Float64Array(rows);
  const keys = new Float64Array(rows);
  const index = new Int32Array(rows);
  // At most every training row is a donor, whatever nNeighbors asks for.
  const picked = new Float64Array(Math.min(nNeighbors, rows));
  const pickedWeights = new Float64Array(Math.min(nNeighbors, rows));
  const xMissing = new Uint8Array(cols);
  for (let r = 0; r < queryRows; r++) {
    let nMissing = 0;
    let needed = false;
    for (let j = 0; j < cols; j++) {
      const v = columns[j][r];
      const missing = v !== v;
      xMissing[j] = missing ? 1 : 0;
      q.x[j] = missing ? 0 : v;
      q.xSquares[j] = q.x[j] * q.x[j];
      if (missing) {
        q.missingCols[nMissing++] = j;
        if (present[j].length > 0) needed = true;
      }
    }
    if (!needed) continue;
    q.nMissing = nMissing;
    // The per-pattern parts: Σ x_j² over the donor's missing j (a BLAS product with 0/1
    // entries, so a plain sum in feature order) and the count of shared coordinates.
    for (let p = 0; p < nPatterns; p++) {
      let correction = 0;
      let count = 0;
      for (let j = 0; j < cols; j++) {
        if (patterns[p * cols + j] === 1) correction += q.xSquares[j];
        else if (xMissing[j] === 0) count++;
      }
      q.patternCorrection[p] = correction;
      q.patternCount[p] = count;
    }
    q.xx = einsumSquares(q.x, 0, cols);
    // Only non-zero coordinates contribute to x·y; products with small integers are exact, so
    // an unfused sum equals BLAS's fused one unless some later term is inexact.
    let nTerms = 0;
    let fused = false;
    for (let j = 0; j < cols; j++) {
      if (q.x[j] === 0) continue;
      const exactProducts = integral[j] === 1 && isSmallInteger(q.x[j]);
      if (nTerms > 0 && !exactProducts) fused = true;
      q.exactTerm[nTerms] = exactProducts ? 1 : 0;
      q.xHigh[j] = veltkampHigh(q.x.subarray(j, j + 1))[0];
      q.terms[nTerms++] = j;
    }
    q.nTerms = nTerms;
    rowDistances(donors, q, distances, false);
    const slack = fused ? unfusedSlack(q.xx, donors.maxNorm, cols) : 0;
    let exactReady = !fused;
    for (let m = 0; m < nMissing; m++) {
      const c = q.missingCols[m];
      const rowsWithC = present[c];
      const n = rowsWithC.length;
      if (n === 0) continue;
      if (!gather(exactReady && fused ? exact : distances, rowsWithC, keys, index)) {
        write(r, c, means[c]);
        continue;
      }
      const k = Math.min(nNeighbors, n);
      argIntroselect(keys, index, n, k - 1);
      if (!exactReady && ambiguous(keys, n, k, slack)) {
        // A near tie at the cut-off: redo this row with BLAS's fused arithmetic.
        rowDistances(donors, q, exact, true);
        exactReady = true;
        gather(exact, rowsWithC, keys, index);
        argIntroselect(keys, index, n, k - 1);
      }
      write(r, c, average(donors, keys, index, k, c, rowsWithC, byDistance, picked, pickedWeights));
    }
  }
}

/**
 * scikit-learn's nan-euclidean distances from the query row to every training row. `withFma`
 * rounds each later term of the dot product once, as BLAS's fused multiply-add does (the products
 * split exactly into value and error with precomputed Veltkamp halves); without it the sum is
 * plain, which is the same whenever the products are exact.
 */
function rowDistances(donors: Donors, q: Query, target: Float64Array, withFma: boolean): void {
  const { rows, cols, zeroed, squares, norms, pattern } = donors;
  const { x, terms, nTerms, missingCols, nMissing, xx, patternCorrection, patternCount } = q;
  const first = nTerms > 0 ? terms[0] : 0;
  const x0 = nTerms > 0 ? x[first] : 0;
  const split = withFma ? donorSplits(donors) : null;
  for (let i = 0, base = 0; i < rows; i++, base += cols) {
    let dot = x0 * zeroed[base + first];
    if (split !== null) {
      for (let t = 1; t < nTerms; t++) {
        const j = terms[t];
        const b = zeroed[base + j];
        const p = x[j] * b;
        if (q.exactTerm[t] === 1 || b === 0) {
          dot += p;
          continue;
        }
        const yh = split.high[base + j];
        const yl = b - yh;
        const xh = q.xHigh[j];
        const xl = x[j] - xh;
        const e = xh * yh - p + xh * yl + xl * yh + xl * yl;
        dot = e === 0 ? p + dot : fusedSum(p, e, dot);
      }
    } else for (let t = 1; t < nTerms; t++) dot += x[terms[t]] * zeroed[base + terms[t]];
    let d2 = -2 * dot + xx + norms[i];
    if (!(d2 > 0)) d2 = 0;
    const p = pattern[i];
    d2 -= patternCorrection[p];
    let correction = 0;
    for (let m = 0; m < nMissing; m++) correction += squares[base + missingCols[m]];
    d2 -= correction;
    if (!(d2 > 0)) d2 = 0;
    const count = patternCount[p];
    target[i] = count === 0 ? NaN : Math.sqrt((d2 / count) * cols);
  }
}

/** The high Veltkamp halves of the zeroed training values, built on first use. */
function donorSplits(donors: Donors): { high: Float64Array } {
  if (donors.split === undefined) donors.split = { high: veltkampHigh(donors.zeroed) };
  return donors.split;
}

/** Copies the donors' distances into `keys` (positions into `index`); false when every one is NaN. */
function gather(source: Float64Array, rowsWithC: Int32Array, keys: Float64Array, index: Int32Array): boolean {
  let any = false;
  for (let t = 0; t < rowsWithC.length; t++) {
    const d = source[rowsWithC[t]];
    keys[t] = d;
    index[t] = t;
    if (d === d) any = true;
  }
  return any;
}

/** Whether rounding differences could change which donors are the k nearest. */
function ambiguous(keys: Float64Array, n: number, k: number, slack: number): boolean {
  let inside = -Infinity;
  for (let t = 0; t < k; t++) {
    const d = keys[t];
    if (d !== d) return false; // fewer numeric distances than k: all of them are picked
    if (d > inside) inside = d;
  }
  let outside = Infinity;
  for (let t = k; t < n; t++) if (keys[t] < outside) outside = keys[t];
  return outside - inside <= 2 * slack + 1e-15 * outside;
}

/** The (weighted) mean of the picked donors' values, summed in numpy's order. */
function average(
  donors: Donors,
  keys: Float64Array,
  index: Int32Array,
  k: number,
  c: number,
  rowsWithC: Int32Array,
  byDistance: boolean,
  picked: Float64Array,
  pickedWeights: Float64Array,
): number {
  const { zeroed, cols } = donors;
  // scikit-learn's _get_weights: 1 / d, except that donors at distance 0 (1 / d infinite) take
  // all the weight when there are any; NaN distances weigh 0.
  let zero = false;
  if (byDistance) for (let t = 0; t < k; t++) if (1 / keys[t] === Infinity) zero = true;
  for (let t = 0; t < k; t++) {
    const d = keys[t];
    let w: number;
    if (d !== d) w = 0;
    else if (!byDistance) w = 1;
    else if (zero) w = 1 / d === Infinity ? 1 : 0;
    else w = 1 / d;
    pickedWeights[t] = w;
    picked[t] = zeroed[rowsWithC[index[t]] * cols + c] * w;
  }
  return pairwiseSum(picked, 0, k) / pairwiseSum(pickedWeights, 0, k);
}
