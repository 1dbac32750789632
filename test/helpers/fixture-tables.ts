import { Frame } from "../../src/core/frame.js";
import { formatPythonFloat } from "../../src/core/python-format.js";

/** A table as parity/gen_encoders.py writes it: named columns with their kind and values. */
export type FixtureTable = Record<string, { kind: "numeric" | "categorical"; values: (number | string | null)[] }>;

/** The Frame of a fixture table (numeric columns as Float64Array, categorical ones with null missing). */
export function frameOf(table: FixtureTable): Frame {
  const columns: Record<string, ArrayLike<unknown>> = {};
  const kinds: Record<string, "numeric" | "categorical"> = {};
  for (const [name, { kind, values }] of Object.entries(table)) {
    columns[name] = kind === "numeric" ? Float64Array.from(values as number[]) : values;
    kinds[name] = kind;
  }
  return Frame.fromColumns(columns, { kinds });
}

/**
 * A decoded category as comparable text: numbers as Python prints them, missing (null/NaN) as
 * null, so a category that came back as text ("1.0") compares equal to the number 1.0.
 */
export function categoryText(value: number | string | null): string | null {
  if (value === null || (typeof value === "number" && Number.isNaN(value))) return null;
  return typeof value === "number" ? formatPythonFloat(value) : value;
}

/** The columns of a Frame as arrays of comparable category text. */
export function frameTexts(frame: Frame): Record<string, (string | null)[]> {
  return Object.fromEntries(frame.names.map((name) => [name, Array.from(frame.column(name) as ArrayLike<number | string | null>, categoryText)]));
}
