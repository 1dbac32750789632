// Reading a CSV of customers with row-by-row checks: every problem is reported with its line and
// column, rows with errors are set aside, and the rest become the Frame the pipeline scores.
import { DataError, Frame, isTabkitError, parseCsv } from "tabkit";
import { CATEGORICAL, FEATURES, ID, NUMERICAL, ORDINAL, TARGET } from "./churn-pipeline.js";

/** What the model accepts: the categories it was trained on, per categorical column. */
export interface CustomerSchema {
  categories: Record<string, string[]>;
  /** Values of the ordinal columns seen in training (others are encoded with the target mean). */
  ordinalValues: Record<string, number[]>;
  /** The range of each numerical column in training, when known: values outside get a warning. */
  ranges?: Record<string, [number, number]>;
}

export interface Problem {
  /** Line in the file (the header is line 1); null for a problem with the whole file. */
  line: number | null;
  id: string | null;
  /** null for a problem with the whole row. */
  column: string | null;
  value: string;
  /** Errors set the row aside; warnings are scored as they are (blanks are imputed by the pipeline). */
  severity: "error" | "warning";
  message: string;
}

/** Rows read for scoring or training; a file read with `"required"` outcomes has a label on every row. */
export interface CustomerBatch<Label extends number | null = number | null> {
  /** The rows that can be scored, with the feature columns in pipeline order. */
  features: Frame;
  /** What identifies the rows: the id column, or "line" when the file has none. */
  idColumn: string;
  /** Customer ids of those rows (their line numbers when the file has no id column). */
  ids: string[];
  /** The line of each row in the file. */
  lines: number[];
  /** Their known outcome (null: not given, or the column is ignored). */
  labels: Label[];
  /** Every problem found, in file order. */
  problems: Problem[];
  /** Customers in the file (rows with at least one field filled). */
  totalRows: number;
  /** Rows skipped because every field is blank (as spreadsheets write them). */
  blankRows: number;
}

/** The outcome column: read when present (the default), required (training) or ignored (scoring). */
export type TargetUse = "optional" | "required" | "ignored";

// Decimal notation only: Number() would also read "0x1F", "0b101", "Infinity" and "".
const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

/**
 * Parses and checks a customer file against the schema of a model (null: any category, as in
 * training). An empty file, a duplicated or missing column refuse the whole file (a DataError);
 * everything else is reported per row and column. With `"required"` outcomes, a row without one is
 * an error, so every row kept has its label.
 */
export function readCustomers(text: string, schema: CustomerSchema | null, source: string, target: "required"): CustomerBatch<number>;
export function readCustomers(text: string, schema: CustomerSchema | null, source?: string, target?: TargetUse): CustomerBatch;
export function readCustomers(text: string, schema: CustomerSchema | null, source = "input", target: TargetUse = "optional"): CustomerBatch {
  if (text.replace(/^\uFEFF/, "").trim() === "") throw new DataError(`${source}: the file is empty`);
  const { header, rows, lines } = parseIn(text, source);
  // Text is compared in NFC: "França" typed on a Mac may arrive decomposed (NFD).
  const names = header.map((name) => name.normalize("NFC"));
  checkHeader(names, target === "required" ? [...FEATURES, TARGET] : FEATURES, source);
  const problems: Problem[] = names
    .filter((name) => !FEATURES.includes(name) && name !== ID && name !== TARGET)
    .map((name) => ({ line: null, id: null, column: name, value: "", severity: "warning", message: "unknown column, ignored" }));
  const hasId = names.includes(ID);
  if (!hasId) problems.push({ line: null, id: null, column: ID, value: "", severity: "warning", message: "missing: customers are identified by their line in the file" });
  const at = Object.fromEntries(names.map((name, j) => [name, j]));
  const numeric = Object.fromEntries([...NUMERICAL, ...ORDINAL].map((name) => [name, [] as number[]]));
  const categorical = Object.fromEntries(CATEGORICAL.map((name) => [name, [] as (string | null)[]]));
  const ids: string[] = [];
  const kept: number[] = [];
  const labels: (number | null)[] = [];
  const readsTarget = target !== "ignored" && names.includes(TARGET);
  const firstLineOf = new Map<string, number>();
  let blankRows = 0;

  rows.forEach((fields, r) => {
    const line = lines[r];
    if (fields.every((field) => field.trim() === "")) {
      blankRows++;
      return;
    }
    if (fields.length !== names.length) {
      problems.push({ line, id: null, column: null, value: "", severity: "error", message: `${fields.length} fields but the header has ${names.length}` });
      return;
    }
    const field = (name: string) => fields[at[name]].trim().normalize("NFC");
    const id = hasId ? field(ID) : String(line);
    const rowProblems: Problem[] = [];
    const report = (column: string, value: string, severity: Problem["severity"], message: string) => rowProblems.push({ line, id, column, value, severity, message });
    if (id === "") report(ID, id, "warning", "blank customer id");
    else if (firstLineOf.has(id)) report(ID, id, "warning", `the same customer id as line ${firstLineOf.get(id)}`);
    else firstLineOf.set(id, line);
    const numbers: Record<string, number> = {};
    for (const name of [...NUMERICAL, ...ORDINAL]) {
      const value = field(name);
      numbers[name] = value === "" ? NaN : Number(value);
      const range = schema?.ranges?.[name];
      const seen = schema?.ordinalValues[name];
      if (value === "") {
        report(name, value, "warning", NUMERICAL.includes(name) ? "blank, imputed from similar customers" : "blank, imputed with the most frequent value");
      } else if (!DECIMAL.test(value) || !Number.isFinite(numbers[name])) {
        report(name, value, "error", "not a number");
      } else if (range !== undefined && !(numbers[name] >= range[0] && numbers[name] <= range[1])) {
        report(name, value, "warning", `outside the range seen in training (${range[0]} to ${range[1]})`);
      } else if (seen !== undefined && !seen.includes(numbers[name])) {
        report(name, value, "warning", `not seen in training (seen: ${seen.join(", ")}); encoded with the overall churn rate`);
      }
    }
    const texts: Record<string, string | null> = {};
    for (const name of CATEGORICAL) {
      const value = field(name);
      const known = schema?.categories[name];
      texts[name] = value === "" ? null : value;
      if (value === "") report(name, value, "warning", "blank, imputed with the most frequent value");
      else if (known !== undefined && !known.includes(value)) report(name, value, "error", `unknown value; the model knows ${known.join(", ")}`);
    }
    const label = readsTarget ? field(TARGET) : "";
    if (label === "" && target === "required") report(TARGET, label, "error", "blank; training needs every outcome");
    else if (label !== "" && label !== "0" && label !== "1") report(TARGET, label, "error", "must be 0 or 1");
    problems.push(...rowProblems);
    if (rowProblems.some((p) => p.severity === "error")) return;
    for (const name of [...NUMERICAL, ...ORDINAL]) numeric[name].push(numbers[name]);
    for (const name of CATEGORICAL) categorical[name].push(texts[name]);
    ids.push(id);
    kept.push(line);
    labels.push(label === "" ? null : Number(label));
  });

  if (blankRows === rows.length) throw new DataError(`${source}: the file has a header but no customers`);
  const columns = Object.fromEntries(FEATURES.map((name) => [name, name in numeric ? Float64Array.from(numeric[name]) : categorical[name]]));
  const kinds = Object.fromEntries(FEATURES.map((name) => [name, name in numeric ? ("numeric" as const) : ("categorical" as const)]));
  const features = Frame.fromColumns(columns, { kinds });
  return { features, idColumn: hasId ? ID : "line", ids, lines: kept, labels, problems, totalRows: rows.length - blankRows, blankRows };
}

/** The labels of a file read with optional outcomes, for training: every row must have one. */
export function requireLabels(batch: CustomerBatch, source: string): number[] {
  const unlabeled = batch.labels.findIndex((label) => label === null);
  if (unlabeled >= 0) throw new DataError(`${source}: line ${batch.lines[unlabeled]} (customer ${batch.ids[unlabeled]}) has no ${TARGET} value; training needs every outcome`, { column: TARGET, row: unlabeled });
  return batch.labels as number[];
}

/** The batch without the rows at the given indices. */
export function withoutRows<Label extends number | null>(batch: CustomerBatch<Label>, drop: ReadonlySet<number>): CustomerBatch<Label> {
  const pick = <T>(values: T[]) => values.filter((_, i) => !drop.has(i));
  const keep = pick(batch.ids.map((_, i) => i));
  return { ...batch, features: batch.features.takeRows(keep), ids: pick(batch.ids), lines: pick(batch.lines), labels: pick(batch.labels) };
}

function parseIn(text: string, source: string): ReturnType<typeof parseCsv> {
  try {
    return parseCsv(text, { ragged: true });
  } catch (error) {
    throw isTabkitError(error) ? new DataError(`${source}: ${error.message}`) : error;
  }
}

/** Refuses a header with a duplicated or missing column, pointing at near misses (spaces, capitals, delimiter). */
function checkHeader(names: string[], required: string[], source: string): void {
  const duplicate = names.find((name, j) => names.indexOf(name) !== j);
  if (duplicate !== undefined) throw new DataError(`${source}: the header names column ${duplicate} twice`, { column: duplicate });
  const missing = required.filter((name) => !names.includes(name));
  if (missing.length === 0) return;
  const hints = missing.flatMap((name) => names.filter((h) => h.trim().toLowerCase() === name).map((h) => `${JSON.stringify(h)} is not ${name}`));
  const delimiter = names.length === 1 ? /[;\t|]/.exec(names[0])?.[0] : undefined;
  if (delimiter !== undefined) hints.push(`the header seems separated by ${JSON.stringify(delimiter)}, not commas`);
  const hint = hints.length > 0 ? ` (${hints.join("; ")})` : "";
  throw new DataError(`${source}: missing column(s) ${missing.join(", ")}${hint}; expected ${required.join(", ")}`, { column: missing[0] });
}
