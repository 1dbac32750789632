/** A value that scikit-learn may turn into text with Python's `str()` (categories, class labels). */
export type PythonScalar = string | number | boolean | null;

/**
 * Python's `str()` of a float64 (`repr` since Python 3.2): the shortest digits that round-trip,
 * in fixed notation iff the decimal exponent is in [-4, 16), with ".0" on integral values and a
 * signed two-digit exponent otherwise: `1.0`, `1e-05`, `0.0001`, `1e+16`, `-0.0`, `nan`, `inf`.
 */
export function formatPythonFloat(x: number): string {
  if (Number.isNaN(x)) return "nan";
  if (x === Infinity) return "inf";
  if (x === -Infinity) return "-inf";
  const sign = x < 0 || Object.is(x, -0) ? "-" : "";
  if (x === 0) return `${sign}0.0`;
  // JavaScript's ToString picks the same shortest round-trip digits as Python's repr; only the
  // layout differs, so take the digits and decimal exponent from it and lay them out again.
  const { digits, exponent } = shortestDigits(Math.abs(x));
  if (exponent < -4 || exponent >= 16) {
    const mantissa = digits.length === 1 ? digits : `${digits[0]}.${digits.slice(1)}`;
    const e = Math.abs(exponent);
    return `${sign}${mantissa}e${exponent < 0 ? "-" : "+"}${e < 10 ? "0" : ""}${e}`;
  }
  if (exponent < 0) return `${sign}0.${"0".repeat(-exponent - 1)}${digits}`;
  const whole = exponent + 1;
  if (digits.length <= whole) return `${sign}${digits}${"0".repeat(whole - digits.length)}.0`;
  return `${sign}${digits.slice(0, whole)}.${digits.slice(whole)}`;
}

/** Python's `str()` of an integer held in a float64 (exact for every integral double). */
export function formatPythonInt(x: number): string {
  if (!Number.isInteger(x)) throw new RangeError(`formatPythonInt: ${x} is not an integer`);
  return Number.isSafeInteger(x) ? String(x === 0 ? 0 : x) : BigInt(x).toString();
}

/**
 * Python's `str()` of a scalar as scikit-learn sees it: strings as they are, numbers as floats
 * (numeric columns are float64), booleans `True`/`False`, null `None`.
 */
export function formatPython(value: PythonScalar): string {
  if (value === null) return "None";
  if (typeof value === "boolean") return value ? "True" : "False";
  if (typeof value === "number") return formatPythonFloat(value);
  return value;
}

/**
 * Python's `str()` of a class label: integral numbers print as integers (labels are integer
 * arrays in scikit-learn), other numbers as floats.
 */
export function formatPythonLabel(label: string | number): string {
  if (typeof label === "string") return label;
  return Number.isInteger(label) ? formatPythonInt(label) : formatPythonFloat(label);
}

/** The significant digits of a positive finite double and the decimal exponent of the first. */
function shortestDigits(x: number): { digits: string; exponent: number } {
  const text = String(x);
  const e = text.indexOf("e");
  const mantissa = e < 0 ? text : text.slice(0, e);
  const power = e < 0 ? 0 : Number(text.slice(e + 1));
  const dot = mantissa.indexOf(".");
  const intPart = dot < 0 ? mantissa : mantissa.slice(0, dot);
  const all = intPart + (dot < 0 ? "" : mantissa.slice(dot + 1));
  const lead = all.search(/[1-9]/);
  const digits = all.slice(lead).replace(/0+$/, "");
  return { digits, exponent: intPart.length - 1 - lead + power };
}
