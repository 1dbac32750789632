// Reading a CSV of customers with row-by-row checks: every problem is reported with its line and
// column, rows with errors are set aside, and the rest become the Frame the pipeline scores.
import { DataError, Frame, parseCsv } from "tabkit";
import { CATEGORICAL, FEATURES, ID, NUMERICAL, ORDINAL, TARGET } from "./churn-pipeline.js";

/** What the model accepts: the categories it was trained on, per categorical column. */
export interface CustomerSchema {
  categories: Record<string, string[]>;
  /** Values of the ordinal columns seen in training (others are encoded with the target mean). */
  ordinalValues: Record<string, number[]>;
}

export interface Problem {
  /** Line in the file (the header is line 1); null for a problem with the whole file. */
  line: number | null;
  id: string | null;
  column: string;
  value: string;
  /** Errors set the row aside; warnings are scored as they are (blanks are imputed by the pipeline). */
  severity: "error" | "warning";
  message: string;
}

export interface CustomerBatch {
  /** The rows that can be scored, with the feature columns in pipeline order. */
  features: Frame;
  /** Customer ids of those rows (line numbers when the file has no id column). */
  ids: string[];
  /** Their known outcome, when the file has the target column (null: not given). */
  labels: (number | null)[];
  /** Every problem found, in file order. */
  problems: Problem[];
  /** Rows read from the file. */
  totalRows: number;
}

/**
 * Parses and checks a customer file. Missing feature columns or an empty file refuse the whole
 * file (a DataError); everything else is reported per row and column.
 */
export function readCustomers(text: string, schema: CustomerSchema | null, source = "input"): CustomerBatch {
  const { header, rows } = parseCsv(text);
  const missing = FEATURES.filter((name) => !header.includes(name));
  if (missing.length > 0) {
    throw new DataError(`${source}: missing column(s) ${missing.join(", ")}; expected ${FEATURES.join(", ")}`, { column: missing[0] });
  }
  if (rows.length === 0) throw new DataError(`${source}: the file has a header but no customers`);
  const problems: Problem[] = header
    .filter((name) => !FEATURES.includes(name) && name !== ID && name !== TARGET)
    .map((name) => ({ line: null, id: null, column: name, value: "", severity: "warning", message: "unknown column, ignored" }));
  const at = Object.fromEntries(header.map((name, j) => [name, j]));
  const numeric = Object.fromEntries([...NUMERICAL, ...ORDINAL].map((name) => [name, [] as number[]]));
  const categorical = Object.fromEntries(CATEGORICAL.map((name) => [name, [] as (string | null)[]]));
  const ids: string[] = [];
  const labels: (number | null)[] = [];

  rows.forEach((fields, r) => {
    const line = r + 2;
    const id = ID in at ? fields[at[ID]].trim() : String(line);
    const rowProblems: Problem[] = [];
    const report = (column: string, value: string, severity: Problem["severity"], message: string) => rowProblems.push({ line, id, column, value, severity, message });
    const numbers: Record<string, number> = {};
    for (const name of [...NUMERICAL, ...ORDINAL]) {
      const value = fields[at[name]].trim();
      if (value === "") {
        report(name, value, "warning", NUMERICAL.includes(name) ? "blank, imputed from similar customers" : "blank, imputed with the most frequent value");
        numbers[name] = NaN;
      } else if (!Number.isFinite(Number(value))) {
        report(name, value, "error", "not a number");
      } else {
        numbers[name] = Number(value);
        const seen = schema?.ordinalValues[name];
        if (seen !== undefined && !seen.includes(numbers[name])) report(name, value, "warning", `not seen in training (seen: ${seen.join(", ")}); encoded with the overall churn rate`);
      }
    }
    const texts: Record<string, string | null> = {};
    for (const name of CATEGORICAL) {
      const value = fields[at[name]].trim();
      const known = schema?.categories[name];
      if (value === "") {
        report(name, value, "warning", "blank, imputed with the most frequent value");
        texts[name] = null;
      } else if (known !== undefined && !known.includes(value)) {
        report(name, value, "error", `unknown value; the model knows ${known.join(", ")}`);
      } else {
        texts[name] = value;
      }
    }
    let label: number | null = null;
    if (TARGET in at) {
      const value = fields[at[TARGET]].trim();
      if (value === "0" || value === "1") label = Number(value);
      else if (value !== "") report(TARGET, value, "error", "must be 0 or 1");
    }
    problems.push(...rowProblems);
    if (rowProblems.some((p) => p.severity === "error")) return;
    for (const name of [...NUMERICAL, ...ORDINAL]) numeric[name].push(numbers[name]);
    for (const name of CATEGORICAL) categorical[name].push(texts[name]);
    ids.push(id);
    labels.push(label);
  });

  const columns = Object.fromEntries(FEATURES.map((name) => [name, name in numeric ? Float64Array.from(numeric[name]) : categorical[name]]));
  const kinds = Object.fromEntries(FEATURES.map((name) => [name, name in numeric ? ("numeric" as const) : ("categorical" as const)]));
  return { features: Frame.fromColumns(columns, { kinds }), ids, labels, problems, totalRows: rows.length };
}

/** The labels of a training file: every row must have one. */
export function requireLabels(batch: CustomerBatch, source: string): number[] {
  const unlabeled = batch.labels.findIndex((label) => label === null);
  if (unlabeled >= 0) throw new DataError(`${source}: customer ${batch.ids[unlabeled]} has no ${TARGET} value; training needs every outcome`, { column: TARGET, row: unlabeled });
  return batch.labels as number[];
}
