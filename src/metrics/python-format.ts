/**
 * Python's number formatting, for text that must match scikit-learn's character for character:
 * `format(x, ".2f")` rounds the exact binary value half-to-even, where JavaScript's `toFixed`
 * rounds exact halves up; `str(float)` switches to exponent notation outside 1e-4 <= |x| < 1e16.
 */

/** The exact decimal value of a finite |x|: |x| = digits / 10^scale. */
function exactDecimal(x: number): { digits: bigint; scale: number } {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, Math.abs(x));
  const high = view.getUint32(0);
  const exponent = (high >>> 20) & 0x7ff;
  let mantissa = (BigInt(high & 0xfffff) << 32n) | BigInt(view.getUint32(4));
  let power = -1074;
  if (exponent !== 0) {
    mantissa |= 1n << 52n;
    power = exponent - 1075;
  }
  if (power >= 0) return { digits: mantissa << BigInt(power), scale: 0 };
  // m / 2^k = m·5^k / 10^k
  return { digits: mantissa * 5n ** BigInt(-power), scale: -power };
}

function special(x: number): string | undefined {
  if (Number.isNaN(x)) return "nan";
  if (x === Infinity) return "inf";
  if (x === -Infinity) return "-inf";
  return undefined;
}

/** Python's `format(x, f".{digits}f")`. */
export function formatFixed(x: number, digits: number): string {
  const named = special(x);
  if (named !== undefined) return named;
  const { digits: value, scale } = exactDecimal(x);
  let units: bigint;
  if (scale <= digits) {
    units = value * 10n ** BigInt(digits - scale);
  } else {
    const divisor = 10n ** BigInt(scale - digits);
    units = value / divisor;
    const twice = 2n * (value % divisor);
    if (twice > divisor || (twice === divisor && units % 2n === 1n)) units += 1n;
  }
  let text = units.toString();
  if (digits > 0) {
    text = text.padStart(digits + 1, "0");
    text = `${text.slice(0, -digits)}.${text.slice(-digits)}`;
  }
  return (x < 0 || Object.is(x, -0) ? "-" : "") + text;
}

/** Python's `str(x)` for a float (`repr`): shortest round-trip digits, `1.0`, `1e-05`, `1e+16`. */
export function formatPythonFloat(x: number): string {
  const named = special(x);
  if (named !== undefined) return named;
  const sign = x < 0 || Object.is(x, -0) ? "-" : "";
  const [mantissa, exponentText] = Math.abs(x).toExponential().split("e");
  const digits = mantissa.replace(".", "");
  const exponent = Number(exponentText);
  if (exponent < -4 || exponent >= 16) {
    const body = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
    const magnitude = String(Math.abs(exponent)).padStart(2, "0");
    return `${sign}${body}e${exponent < 0 ? "-" : "+"}${magnitude}`;
  }
  if (exponent < 0) return `${sign}0.${"0".repeat(-exponent - 1)}${digits}`;
  const whole = digits.slice(0, exponent + 1).padEnd(exponent + 1, "0");
  const fraction = digits.slice(exponent + 1);
  return `${sign}${whole}.${fraction === "" ? "0" : fraction}`;
}
