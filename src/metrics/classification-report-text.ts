import { classificationReport, type ClassificationReportOptions, type ClassificationReportRow } from "./classification-report.js";
import type { LabelArray } from "./metric-input.js";
import { optionError } from "./metric-input.js";
import { formatFixed, formatPythonFloat } from "./python-format.js";

/** Options of `classificationReportText`. */
export interface ClassificationReportTextOptions extends ClassificationReportOptions {
  /** Decimal places of the scores (default 2). */
  digits?: number;
}

/** The classification report as scikit-learn prints it, character for character. */
export function classificationReportText(yTrue: LabelArray, yPred: LabelArray, options: ClassificationReportTextOptions = {}): string {
  const digits = options.digits ?? 2;
  if (!Number.isInteger(digits) || digits < 0) throw optionError("classificationReportText", "digits", `digits must be a non-negative integer; got ${String(digits)}`);
  // scikit-learn cannot size the name column then (max() of an empty sequence) and raises.
  if (options.targetNames?.length === 0) throw optionError("classificationReportText", "targetNames", "targetNames must hold at least one name");
  const report = classificationReport(yTrue, yPred, options);
  const names = options.targetNames ?? report.rows.map((row) => row.name);
  const width = Math.max(...names.map(codePoints), codePoints("weighted avg"), digits);
  const support = (value: number): string => (report.floatSupport ? formatPythonFloat(value) : String(value));
  const line = (name: string, cells: string[]): string => `${pad(name, width)} ${cells.map((cell) => ` ${pad(cell, 9)}`).join("")}\n`;
  const scoreLine = (row: ClassificationReportRow): string =>
    line(row.name, [formatFixed(row.precision, digits), formatFixed(row.recall, digits), formatFixed(row.f1Score, digits), support(row.support)]);
  let text = line("", ["precision", "recall", "f1-score", "support"]) + "\n";
  for (const row of report.rows) text += scoreLine(row);
  text += "\n";
  if (report.accuracy !== undefined) text += line("accuracy", ["", "", formatFixed(report.accuracy, digits), support(report.averages[0].support)]);
  for (const row of report.averages) text += scoreLine(row);
  return text;
}

/** Python's len(): code points, not UTF-16 units. */
function codePoints(text: string): number {
  return [...text].length;
}

/** Python's str.rjust by code points. */
function pad(text: string, width: number): string {
  return " ".repeat(Math.max(0, width - codePoints(text))) + text;
}
