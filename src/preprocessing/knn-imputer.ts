import { argIntroselect, type ApproximateKeys } from "../core/argpartition.js";
import { DataError, type ErrorSite } from "../core/errors.js";
import { Estimator, type LoadContext } from "../core/estimator.js";
import type { Frame } from "../core/frame.js";
import { checkFeatures, decodeSchema, encodeSchema, type FeatureSchema, type MatrixInput } from "../core/input.js";
import type { JsonObject, ModelJSON } from "../core/json.js";
import type { Matrix } from "../core/matrix.js";
import { pairwiseSum } from "../core/pairwise-sum.js";
import { boolean, integer, oneOf, param, type ParamCheck, type ParamSchema } from "../core/params.js";
import { encodeFloat64Array, type StateReader } from "../core/state-codec.js";
import { distanceFromParts, einsumSquares, fusedMultiplyAdd, isSmallInteger, sequentialSquares, unfusedSlack } from "./nan-euclidean.js";
import { isRowMajorInput } from "./column-sum.js";
import { refuseCollidingNames, refuseSavedCollidingNames, type OutputSource } from "./column-output.js";
import { numericColumns, numericOutput } from "./numeric-columns.js";
import { allEmpty, imputerOutputSource, INDICATOR_PREFIX } from "./simple-imputer.js";

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


/** What is saved: the training rows (row-major, NaN where missing) and their layout. Everything else derives from them. */
interface KNNImputerState {
  schema: FeatureSchema;
  rows: number;
  data: Float64Array;
  /** Fitted on a Frame or records of more than one row (scikit-learn: a DataFrame, a column-major array). */
  columnMajor: boolean;
  donors: Donors;
}

/** The training rows prepared for distance queries (built at fit and on load, never saved). */
interface Donors {
  rows: number;
  cols: number;
  /** The training columns with missing entries set to 0 (column-major, for passes over all rows). */
  zeroed: Float64Array[];
  /** The squares of `zeroed`, entry by entry. */
  squares: Float64Array[];
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
  static readonly schemaVersion = 2;

  /** Version 1 had no `columnMajor`: its norms were summed as a row-major array's. */
  static migrate(document: ModelJSON): ModelJSON {
    const state = document.state === null ? null : { columnMajor: false, ...document.state };
    return { ...document, schemaVersion: 2, state };
  }

  constructor(params?: Partial<KNNImputerParams>) {
    super(SCHEMA, params);
  }

  fit(X: MatrixInput, _y?: unknown): this {
    return this.commit(this.learn(X, "fit"));
  }

  /** The training rows kept as donors. Errors name `method`, the one the user called (fit or fitTransform). */
  private learn(X: MatrixInput, method: string): KNNImputerState {
    const site = this.site(method);
    const { rows, columns, names, schema } = numericColumns(X, site);
    const cols = columns.length;
    const data = new Float64Array(rows * cols);
    for (let j = 0; j < cols; j++) {
      const column = this.missingAsNaN(columns[j], { ...site, column: names[j] });
      for (let i = 0; i < rows; i++) data[i * cols + j] = column[i];
    }
    // numpy's einsum sums the squared norms of a column-major array (what a DataFrame gives
    // scikit-learn) in another order than a row-major one's; a single row is both.
    const columnMajor = rows > 1 && !isRowMajorInput(X);
    const donors = prepareDonors(data, rows, cols, columnMajor);
    const { keepEmptyFeatures, addIndicator } = this.params;
    if (!keepEmptyFeatures && !addIndicator && donors.present.every((present) => present.length === 0)) throw allEmpty(schema.names, site);
    const outNames = this.namesOut(schema, donors);
    refuseCollidingNames(outNames, site, this.outputSource(donors, outNames));
    return { schema, rows, data, columnMajor, donors };
  }

  /** The input with each missing value imputed from its nearest training rows (empty columns dropped, indicators appended). */
  transform(X: MatrixInput): Frame | Matrix {
    const state = this.fitted("transform");
    const site = this.site("transform");
    const { rows, names, columns: raw, schema } = numericColumns(X, site);
    checkFeatures(state.schema, schema, site);
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

  fitTransform(X: MatrixInput, _y?: unknown): Frame | Matrix {
    return this.commit(this.learn(X, "fitTransform")).transform(X);
  }

  /**
   * The output column names: the columns that had values at fit (all of them with
   * keepEmptyFeatures), then `missingindicator_<name>` columns.
   */
  featureNamesOut(): string[] {
    const { schema, donors } = this.fitted("featureNamesOut");
    return this.namesOut(schema, donors);
  }

  private namesOut(schema: FeatureSchema, donors: Donors): string[] {
    const names = schema.names.filter((_, j) => this.params.keepEmptyFeatures || donors.present[j].length > 0);
    if (this.params.addIndicator) for (const j of donors.indicator) names.push(INDICATOR_PREFIX + schema.names[j]);
    return names;
  }

  private outputSource(donors: Donors, names: readonly string[]): OutputSource {
    return imputerOutputSource(names, names.length - (this.params.addIndicator ? donors.indicator.length : 0));
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
    return { schema: encodeSchema(state.schema), rows: state.rows, data: encodeFloat64Array(state.data), columnMajor: state.columnMajor };
  }

  protected decodeState(reader: StateReader, _context: LoadContext): KNNImputerState {
    const schema = decodeSchema(reader.object("schema"), { numeric: true });
    const cols = schema.names.length;
    if (schema.kinds.some((kind) => kind !== "numeric")) reader.fail("schema.kinds", "must all be numeric");
    const rows = reader.integer("rows", { min: 1 });
    const data = reader.f64("data", { length: rows * cols });
    for (let k = 0; k < data.length; k++) if (data[k] === Infinity || data[k] === -Infinity) reader.fail(`data[${k}]`, "must be finite or NaN");
    const columnMajor = reader.boolean("columnMajor");
    const donors = prepareDonors(data, rows, cols, columnMajor);
    const names = this.namesOut(schema, donors);
    refuseSavedCollidingNames(reader, names, this.outputSource(donors, names));
    return { schema, rows, data, columnMajor, donors };
  }
}

function prepareDonors(data: Float64Array, rows: number, cols: number, columnMajor: boolean): Donors {
  const zeroed = Array.from({ length: cols }, () => new Float64Array(rows));
  const squares = Array.from({ length: cols }, () => new Float64Array(rows));
  const norms = new Float64Array(rows);
  const pattern = new Int32Array(rows);
  const patternIds = new Map<string, number>();
  const patternList: number[] = [];
  const counts = new Int32Array(cols);
  const means = new Float64Array(cols);
  const integral = new Uint8Array(cols).fill(1);
  let maxNorm = 0;
  const key = new Uint8Array(cols);
  const row = new Float64Array(cols);
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) {
      const v = data[i * cols + j];
      const missing = v !== v;
      key[j] = missing ? 1 : 0;
      const z = missing ? 0 : v;
      row[j] = z;
      zeroed[j][i] = z;
      squares[j][i] = z * z;
      if (!missing) {
        counts[j]++;
        if (!isSmallInteger(v)) integral[j] = 0;
      }
    }
    norms[i] = columnMajor ? sequentialSquares(row, cols) : einsumSquares(row, 0, cols);
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
  for (let j = 0; j < cols; j++) means[j] = counts[j] === 0 ? NaN : pairwiseSum(zeroed[j]) / counts[j];
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
    means,
    integral,
    indicator: Int32Array.from(indicator),
  };
}

/** One query row, its per-pattern parts, and its distances to every training row (scratch reused across rows). */
interface Query {
  x: Float64Array;
  xSquares: Float64Array;
  missingCols: Int32Array;
  nMissing: number;
  /** The columns where x is non-zero: only they contribute to x·y. */
  terms: Int32Array;
  nTerms: number;
  /** Per dot-product term, 1 when its product is exact for every donor. */
  exactTerm: Uint8Array;
  xx: number;
  /** Per training-row pattern, Σ x_j² over the j the row misses. */
  patternCorrection: Float64Array;
  /** Per training-row pattern, the number of coordinates it shares with the query (NaN for none, so that the distance is NaN). */
  patternShared: Float64Array;
  /** Scratch per training row: the plain dot products, and the Σ y_j² over the query's missing j. */
  dot: Float64Array;
  correction: Float64Array;
  /** Distances to every training row: plain sums, replaced by BLAS's fused ones where needed. */
  distances: Float64Array;
}

/**
 * The query row's distances as `argIntroselect` keys: the plain (unfused) dot products are within
 * `unfusedSlack` of BLAS's fused ones, so only close calls need the fused distance, computed then
 * and kept for the rest of the row.
 */
class FusedDistances implements ApproximateKeys {
  margin = 0;
  private readonly fusedFor: Int32Array;
  private row = -1;

  constructor(
    private readonly donors: Donors,
    private readonly q: Query,
  ) {
    this.fusedFor = new Int32Array(donors.rows).fill(-1);
  }

  /** Starts query row `row`, whose plain distances are each within `slack` of the fused ones. */
  startRow(row: number, slack: number): void {
    this.row = row;
    // Beyond the two slacks, a few ulps of the largest possible distance for the final rounding steps.
    const largest = Math.sqrt(2 * (this.q.xx + this.donors.maxNorm) * this.donors.cols);
    this.margin = 2 * slack + 1e-15 * largest;
  }

  exact(entry: number): number {
    if (this.fusedFor[entry] !== this.row) {
      this.q.distances[entry] = fusedDistance(this.donors, this.q, entry);
      this.fusedFor[entry] = this.row;
    }
    return this.q.distances[entry];
  }
}

/**
 * Imputes every missing entry of the query columns that has donors, calling `write(row, column,
 * value)`. For each query row with something to fill, the distances to all training rows are
 * computed once (as scikit-learn does), then for each of its missing columns the k nearest of the
 * rows that have it are picked by numpy's introselect.
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
    exactTerm: new Uint8Array(cols),
    xx: 0,
    patternCorrection: new Float64Array(nPatterns),
    patternShared: new Float64Array(nPatterns),
    dot: new Float64Array(rows),
    correction: new Float64Array(rows),
    distances: new Float64Array(rows),
  };
  const fused = new FusedDistances(donors, q);
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
      q.patternShared[p] = count === 0 ? NaN : count;
    }
    q.xx = einsumSquares(q.x, 0, cols);
    // Products with small integers are exact, so a plain sum equals BLAS's fused one unless
    // some later term is inexact.
    let nTerms = 0;
    let inexact = false;
    for (let j = 0; j < cols; j++) {
      if (q.x[j] === 0) continue;
      const exactProducts = integral[j] === 1 && isSmallInteger(q.x[j]);
      if (nTerms > 0 && !exactProducts) inexact = true;
      q.exactTerm[nTerms] = exactProducts ? 1 : 0;
      q.terms[nTerms++] = j;
    }
    q.nTerms = nTerms;
    plainDistances(donors, q);
    fused.startRow(r, inexact ? unfusedSlack(q.xx, donors.maxNorm, cols) : 0);
    const keys = inexact ? fused : null;
    for (let m = 0; m < nMissing; m++) {
      const c = q.missingCols[m];
      const rowsWithC = present[c];
      const n = rowsWithC.length;
      if (n === 0) continue;
      if (!sharesACoordinate(q, patterns, cols, c)) {
        write(r, c, means[c]);
        continue;
      }
      index.set(rowsWithC);
      const k = Math.min(nNeighbors, n);
      argIntroselect(q.distances, index, n, k - 1, keys);
      // The weights are the picked donors' distances: BLAS's exactly.
      if (byDistance && keys !== null) for (let t = 0; t < k; t++) keys.exact(index[t]);
      write(r, c, average(donors, q.distances, index, k, c, byDistance, picked, pickedWeights));
    }
  }
}

/** Whether some training row that has column c shares a coordinate with the query (else every donor's distance is NaN). */
function sharesACoordinate(q: Query, patterns: Uint8Array, cols: number, c: number): boolean {
  for (let p = 0; p < q.patternShared.length; p++) if (patterns[p * cols + c] === 0 && q.patternShared[p] > 0) return true;
  return false;
}

/**
 * scikit-learn's nan-euclidean distances from the query row (which misses at least one value) to
 * every training row, with the dot products summed plainly; in passes over the columns, the
 * terms added in the same order as row by row.
 */
function plainDistances(donors: Donors, q: Query): void {
  const { rows, zeroed, squares, norms } = donors;
  const { x, terms, nTerms, missingCols, nMissing, dot, distances } = q;
  const first = nTerms > 0 ? terms[0] : 0;
  const x0 = nTerms > 0 ? x[first] : 0;
  const z0 = zeroed[first];
  for (let i = 0; i < rows; i++) dot[i] = x0 * z0[i];
  for (let t = 1; t < nTerms; t++) {
    const xj = x[terms[t]];
    const z = zeroed[terms[t]];
    for (let i = 0; i < rows; i++) dot[i] += xj * z[i];
  }
  // Σ y_j² over the query's missing j, from 0 (which adds nothing to the first square).
  let correction = squares[missingCols[0]];
  if (nMissing > 1) {
    correction = q.correction;
    correction.set(squares[missingCols[0]]);
    for (let m = 1; m < nMissing; m++) {
      const s = squares[missingCols[m]];
      for (let i = 0; i < rows; i++) correction[i] += s[i];
    }
  }
  const { pattern, cols } = donors;
  const { xx, patternCorrection, patternShared } = q;
  for (let i = 0; i < rows; i++) {
    const p = pattern[i];
    distances[i] = distanceFromParts(dot[i], xx, norms[i], patternCorrection[p], correction[i], patternShared[p], cols);
  }
}

/** The distance from the query to training row i with BLAS's dot product: OpenBLAS rounds each later term once, by a fused multiply-add. */
function fusedDistance(donors: Donors, q: Query, i: number): number {
  const { zeroed, squares } = donors;
  const { x, terms, nTerms, exactTerm, missingCols, nMissing } = q;
  const first = nTerms > 0 ? terms[0] : 0;
  let dot = (nTerms > 0 ? x[first] : 0) * zeroed[first][i];
  for (let t = 1; t < nTerms; t++) {
    const j = terms[t];
    const b = zeroed[j][i];
    dot = exactTerm[t] === 1 || b === 0 ? x[j] * b + dot : fusedMultiplyAdd(x[j], b, dot);
  }
  let correction = 0;
  for (let m = 0; m < nMissing; m++) correction += squares[missingCols[m]][i];
  const p = donors.pattern[i];
  return distanceFromParts(dot, q.xx, donors.norms[i], q.patternCorrection[p], correction, q.patternShared[p], donors.cols);
}

/** The (weighted) mean of the picked donors' values in column c, summed in numpy's order. */
function average(
  donors: Donors,
  distances: Float64Array,
  index: Int32Array,
  k: number,
  c: number,
  byDistance: boolean,
  picked: Float64Array,
  pickedWeights: Float64Array,
): number {
  const values = donors.zeroed[c];
  // scikit-learn's _get_weights: 1 / d, except that donors at distance 0 (1 / d infinite) take
  // all the weight when there are any; NaN distances weigh 0.
  let zero = false;
  if (byDistance) for (let t = 0; t < k; t++) if (1 / distances[index[t]] === Infinity) zero = true;
  for (let t = 0; t < k; t++) {
    const d = distances[index[t]];
    let w: number;
    if (d !== d) w = 0;
    else if (!byDistance) w = 1;
    else if (zero) w = 1 / d === Infinity ? 1 : 0;
    else w = 1 / d;
    pickedWeights[t] = w;
    picked[t] = values[index[t]] * w;
  }
  return pairwiseSum(picked, 0, k) / pairwiseSum(pickedWeights, 0, k);
}
