import { DataError, ValidationError } from "../core/errors.js";
import { Estimator, type LoadContext } from "../core/estimator.js";
import { Frame, type FrameRecord } from "../core/frame.js";
import { recordsToFrame } from "../core/input.js";
import type { JsonObject } from "../core/json.js";
import { integer, nullable, number, oneOf, param, recordOf, arrayOf, string, type ParamSchema } from "../core/params.js";
import { FORBIDDEN_KEYS, type StateReader } from "../core/state-codec.js";
import { columnDrift, untested, type ColumnDrift, type ColumnRole } from "./column-drift.js";
import { decodeSummary, encodeSummary, inferColumnType, INTEGER_CARDINALITY_LIMIT, summarizeCategorical, summarizeNumerical, type ColumnSummary } from "./column-summary.js";
import { DRIFT_METHOD_NAMES, DRIFT_METHODS, isDrift, type DriftColumnType, type DriftMethod } from "./methods.js";
import { adjustPValues, type Correction } from "./stats/multiple-testing.js";

export interface DataDriftDetectorParams {
  /** Columns to monitor (null: every reference column). */
  columns: string[] | null;
  /** Dataset drift when at least this share of tested columns drifts (Evidently's `drift_share`). */
  driftShare: number;
  /** One method for every column (null: Evidently's default choice per column). */
  method: DriftMethod | null;
  /** Method for numerical columns. */
  numMethod: DriftMethod | null;
  /** Method for categorical columns. */
  catMethod: DriftMethod | null;
  /** Method per column name; wins over the others. */
  perColumnMethod: Record<string, DriftMethod> | null;
  /** One threshold for every column (null: the method's default). */
  threshold: number | null;
  numThreshold: number | null;
  catThreshold: number | null;
  perColumnThreshold: Record<string, number> | null;
  /** Force the type of some columns instead of inferring it. */
  columnTypes: Record<string, DriftColumnType> | null;
  /** Integer columns with at most this many distinct values are categorical (Evidently: 10). */
  integerCardinalityLimit: number;
  /** The target column: same tests, reported as target drift and listed first. */
  target: string | null;
  /** The prediction column: same tests, reported as prediction drift and listed first. */
  prediction: string | null;
  /** Multiple-testing correction of p-value methods across columns (null: none, as Evidently). */
  correction: Correction | null;
  /** Columns with fewer usable values than this in either window get status "too_few_rows". */
  minRows: number;
  /** Most weighted points kept per numerical column (exact below it; see docs/drift.md). */
  sampleCap: number;
  /** Most categories kept per categorical column (the rest pooled). */
  categoryCap: number;
  /** Bins of the numeric histograms in the report (Evidently's nbinsx). */
  histogramBins: number;
}

const METHOD = oneOf(...DRIFT_METHOD_NAMES);
const THRESHOLD = number({ min: 0 });
const NAMES = arrayOf(string(), { minLength: 1 });

const SCHEMA: ParamSchema<DataDriftDetectorParams> = {
  columns: param(null, nullable((value) => NAMES(value) ?? (new Set(value as string[]).size !== (value as string[]).length ? "must not repeat a column" : undefined))),
  driftShare: param(0.5, number({ min: 0, max: 1 })),
  method: param(null, nullable(METHOD)),
  numMethod: param(null, nullable(METHOD)),
  catMethod: param(null, nullable(METHOD)),
  perColumnMethod: param(null, nullable(recordOf(METHOD))),
  threshold: param(null, nullable(THRESHOLD)),
  numThreshold: param(null, nullable(THRESHOLD)),
  catThreshold: param(null, nullable(THRESHOLD)),
  perColumnThreshold: param(null, nullable(recordOf(THRESHOLD))),
  columnTypes: param(null, nullable(recordOf(oneOf("numerical", "categorical")))),
  integerCardinalityLimit: param(INTEGER_CARDINALITY_LIMIT, integer({ min: 0 })),
  target: param(null, nullable(string())),
  prediction: param(null, nullable(string())),
  correction: param(null, nullable(oneOf("bonferroni", "fdr"))),
  minRows: param(30, integer({ min: 1 })),
  sampleCap: param(10_000, integer({ min: 2, max: 10_000_000 })),
  categoryCap: param(1000, integer({ min: 1, max: 1_000_000 })),
  histogramBins: param(10, integer({ min: 1, max: 1000 })),
};

interface DataDriftDetectorState {
  referenceRows: number;
  names: string[];
  summaries: ColumnSummary[];
}

/** The drift report of one current window against the fitted reference. */
export interface DriftReport {
  readonly referenceRows: number;
  readonly currentRows: number;
  /** One entry per monitored column, target and prediction first, then reference order. */
  readonly columns: ColumnDrift[];
  readonly nColumns: number;
  /** Columns that got a verdict (status "tested" or "constant"). */
  readonly nTested: number;
  readonly nDrifted: number;
  /** nDrifted / nTested (0 when nothing could be tested). */
  readonly shareDrifted: number;
  readonly driftShare: number;
  /** shareDrifted >= driftShare, and at least one column tested. */
  readonly datasetDrift: boolean;
  readonly correction: Correction | null;
  readonly targetDrift: ColumnDrift | null;
  readonly predictionDrift: ColumnDrift | null;
  /** Columns of the current window that the reference does not have (not tested). */
  readonly newColumns: string[];
}

/** What a drift detector reads: a Frame, or records (read as `Frame.fromRecords(records)` reads them). */
export type DriftInput = Frame | readonly FrameRecord[];

/**
 * Data drift between a reference window and current windows, column by column, with Evidently's
 * `DataDriftPreset` rules: the default method by reference size, column type and number of
 * distinct values, Evidently's thresholds and binning, and dataset drift when at least
 * `driftShare` of the columns drift. `fit` keeps only a bounded summary of each reference column,
 * so the fitted detector is small, JSON-serializable, and does not hold the reference data.
 */
export class DataDriftDetector extends Estimator<DataDriftDetectorParams, DataDriftDetectorState> {
  static readonly kind = "DataDriftDetector";
  static readonly schemaVersion = 1;

  constructor(params?: Partial<DataDriftDetectorParams>) {
    super(SCHEMA, params);
    const { target, prediction } = this.params;
    if (target !== null && target === prediction) {
      throw new ValidationError(this.message("constructor", `target and prediction both name column "${target}"; a column has one role`), [{ path: "prediction", message: "must differ from target" }]);
    }
    for (const record of ["perColumnMethod", "perColumnThreshold", "columnTypes"] as const) {
      for (const key of Object.keys(this.params[record] ?? {})) {
        // The model format cannot store these as keys of a per-column record (see docs/persistence.md).
        if (FORBIDDEN_KEYS.has(key)) {
          throw new ValidationError(this.message("constructor", `${record} names column "${key}", which the model format cannot store as a key; rename the column`), [{ path: `${record}.${key}`, message: "reserved key" }]);
        }
      }
    }
  }

  /** Summarizes the reference window. */
  fit(reference: DriftInput): this {
    const frame = this.frameOf(reference, "fit");
    if (frame.nRows === 0) throw DataError.at(this.site("fit"), "the reference has 0 rows; at least 1 is required");
    const names = this.params.columns ?? [...frame.names];
    for (const name of names) if (!frame.has(name)) throw DataError.at(this.site("fit", name), `the reference has no column "${name}"`);
    if (names.length === 0) throw DataError.at(this.site("fit"), "there are no columns to monitor");
    this.checkNamedColumns(names);
    const summaries = names.map((name) => {
      const column = frame.column(name);
      const type = own(this.params.columnTypes, name) ?? inferColumnType(column, this.params.integerCardinalityLimit);
      if (type === "numerical" && !(column instanceof Float64Array)) {
        throw DataError.at(this.site("fit", name), "columnTypes says numerical but the column holds text; convert it to numbers first");
      }
      const method = this.methodFor(name, type);
      if (method !== null && !DRIFT_METHODS[method].types.includes(type)) {
        throw DataError.at(this.site("fit", name), `method "${method}" only applies to ${DRIFT_METHODS[method].types.join(" or ")} columns, and this column is ${type}`);
      }
      const summary = type === "numerical" ? summarizeNumerical(column as Float64Array, this.params.sampleCap) : summarizeCategorical(column, this.params.categoryCap);
      this.checkPValueThreshold(name, summary, method);
      return summary;
    });
    return this.commit({ referenceRows: frame.nRows, names: [...names], summaries });
  }

  /** Tests every monitored column of `current` against the reference and returns the report. */
  evaluate(current: DriftInput): DriftReport {
    const state = this.fitted("evaluate");
    const frame = this.frameOf(current, "evaluate");
    const { target, prediction, correction, driftShare } = this.params;
    let columns = state.names.map((name, j) => {
      const summary = state.summaries[j];
      const role: ColumnRole = name === target ? "target" : name === prediction ? "prediction" : "feature";
      if (!frame.has(name)) {
        return untested(name, summary, role, "missing_column", "the current window has no such column", { rows: 0, missing: 0, nonFinite: 0 });
      }
      return columnDrift(name, summary, frame.column(name), {
        method: this.methodFor(name, summary.type),
        threshold: this.thresholdFor(name, summary.type),
        minRows: this.params.minRows,
        histogramBins: this.params.histogramBins,
        role,
      });
    });
    if (correction !== null) columns = corrected(columns, correction);
    const rank = (c: ColumnDrift) => (c.role === "target" ? 0 : c.role === "prediction" ? 1 : 2);
    columns = columns.map((c, i) => ({ c, i })).sort((a, b) => rank(a.c) - rank(b.c) || a.i - b.i).map((x) => x.c);
    const tested = columns.filter((c) => c.status === "tested" || c.status === "constant");
    const nDrifted = tested.filter((c) => c.drift === true).length;
    const shareDrifted = tested.length > 0 ? nDrifted / tested.length : 0;
    const known = new Set(state.names);
    return {
      referenceRows: state.referenceRows,
      currentRows: frame.nRows,
      columns,
      nColumns: columns.length,
      nTested: tested.length,
      nDrifted,
      shareDrifted,
      driftShare,
      datasetDrift: tested.length > 0 && shareDrifted >= driftShare,
      correction,
      targetDrift: columns.find((c) => c.role === "target") ?? null,
      predictionDrift: columns.find((c) => c.role === "prediction") ?? null,
      newColumns: frame.names.filter((n) => !known.has(n)),
    };
  }

  /** The monitored columns and their types. */
  get columnTypes(): Record<string, DriftColumnType> {
    const state = this.fitted("columnTypes");
    const out: Record<string, DriftColumnType> = Object.create(null);
    state.names.forEach((name, j) => (out[name] = state.summaries[j].type));
    return out;
  }

  /** Bytes held by the fitted summaries (typed arrays and category texts): bounded by the caps. */
  get stateBytes(): number {
    const state = this.fitted("stateBytes");
    let bytes = 0;
    for (const s of state.summaries) {
      if (s.type === "numerical") bytes += s.sample.values.byteLength + s.sample.counts.byteLength + 96;
      else bytes += s.counts.byteLength + s.pooledFilter.byteLength + s.keys.reduce<number>((sum, k) => sum + (typeof k === "number" ? 8 : 2 * k.length + 16), 0) + 64;
    }
    return bytes;
  }

  private frameOf(X: DriftInput, method: string): Frame {
    if (X instanceof Frame) return X;
    // Records are the Frame Frame.fromRecords builds; its DataError is restated as this method's.
    if (Array.isArray(X)) return recordsToFrame(X as readonly FrameRecord[], this.site(method));
    throw DataError.at(this.site(method), `expected a Frame or an array of records, got ${X === null ? "null" : typeof X}`);
  }

  private checkNamedColumns(names: string[]): void {
    const known = new Set(names);
    const named: [string, Record<string, unknown> | null][] = [
      ["perColumnMethod", this.params.perColumnMethod],
      ["perColumnThreshold", this.params.perColumnThreshold],
      ["columnTypes", this.params.columnTypes],
    ];
    for (const [param, record] of named) {
      for (const name of Object.keys(record ?? {})) {
        if (!known.has(name)) throw new ValidationError(`${this.kind}.fit: ${param} names column "${name}", which is not monitored`, [{ path: `${param}.${name}`, message: "no such column" }]);
      }
    }
    for (const role of ["target", "prediction"] as const) {
      const name = this.params[role];
      if (name !== null && !known.has(name)) throw new ValidationError(`${this.kind}.fit: ${role} "${name}" is not a monitored column`, [{ path: role, message: "no such column" }]);
    }
  }

  /**
   * A threshold above 1 makes a p-value method flag every column. Whether the column gets p-values
   * is known at fit: its method, or the default, which is a p-value test for at most 1000 reference values.
   */
  private checkPValueThreshold(name: string, summary: ColumnSummary, method: DriftMethod | null): void {
    const setting = this.thresholdSetting(name, summary.type);
    if (setting === null || setting.value <= 1) return;
    const pValues = method !== null ? DRIFT_METHODS[method].score === "p_value" : summary.n <= 1000;
    if (!pValues) return;
    const which = method !== null ? `method "${method}"` : `the default method (a p-value test for a reference of ${summary.n} values)`;
    throw new ValidationError(
      `${this.kind}.fit: ${setting.path} is ${setting.value}, but column "${name}" is tested with ${which}, whose p-values lie in [0, 1]; use a threshold within [0, 1]`,
      [{ path: setting.path, message: "must be within [0, 1] for p-value methods" }],
    );
  }

  /** Evidently's resolution order: per column, then per type, then global, then the default. */
  private methodFor(name: string, type: DriftColumnType): DriftMethod | null {
    const p = this.params;
    return own(p.perColumnMethod, name) ?? (type === "numerical" ? p.numMethod : p.catMethod) ?? p.method;
  }

  private thresholdFor(name: string, type: DriftColumnType): number | null {
    return this.thresholdSetting(name, type)?.value ?? null;
  }

  /** The threshold that applies to a column and the parameter that set it (null: the method's default). */
  private thresholdSetting(name: string, type: DriftColumnType): { path: string; value: number } | null {
    const p = this.params;
    const perColumn = own(p.perColumnThreshold, name);
    if (perColumn !== undefined) return { path: `perColumnThreshold.${name}`, value: perColumn };
    const perType = type === "numerical" ? p.numThreshold : p.catThreshold;
    if (perType !== null) return { path: type === "numerical" ? "numThreshold" : "catThreshold", value: perType };
    return p.threshold === null ? null : { path: "threshold", value: p.threshold };
  }

  protected encodeState(state: DataDriftDetectorState): JsonObject {
    return { referenceRows: state.referenceRows, names: state.names, summaries: state.summaries.map(encodeSummary) };
  }

  protected decodeState(reader: StateReader, _context: LoadContext): DataDriftDetectorState {
    const referenceRows = reader.integer("referenceRows", { min: 1 });
    const names = reader.strings("names", {});
    if (new Set(names).size !== names.length) reader.fail("names", "must not repeat a column");
    const summaries = reader.objects("summaries", { length: names.length }).map((r) => decodeSummary(r, this.params.sampleCap, this.params.categoryCap));
    summaries.forEach((s, j) => {
      if (s.n + s.missing + s.nonFinite !== referenceRows) reader.fail(`summaries[${j}]`, `does not account for the ${referenceRows} reference rows`);
    });
    return { referenceRows, names, summaries };
  }
}

/** A per-column setting; a column named like an Object.prototype member ("toString") is not one. */
function own<T>(record: Readonly<Record<string, T>> | null, name: string): T | undefined {
  return record !== null && Object.hasOwn(record, name) ? record[name] : undefined;
}

/** Replaces p-value verdicts by those on corrected p-values across the tested columns. */
function corrected(columns: ColumnDrift[], correction: Correction): ColumnDrift[] {
  const at = columns.map((c, i) => (c.status === "tested" && c.scoreKind === "p_value" ? i : -1)).filter((i) => i >= 0);
  const adjusted = adjustPValues(at.map((i) => columns[i].score!), correction);
  const out = [...columns];
  at.forEach((i, k) => {
    const c = columns[i];
    out[i] = { ...c, adjustedScore: adjusted[k], drift: isDrift(c.method!, adjusted[k], c.threshold!) };
  });
  return out;
}
