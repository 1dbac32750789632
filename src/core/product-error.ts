/** Veltkamp's splitter 2^27 + 1: `SPLITTER * v` splits a double into two 26-bit halves. */
export const SPLITTER = 134217729;

/**
 * The rounding error of the product `p = a * b` (Dekker's TwoProduct): `a * b = p + e` exactly,
 * for |a|, |b| well inside the double range.
 */
export function productError(a: number, b: number, p: number): number {
  let t = SPLITTER * a;
  const ah = t - (t - a);
  const al = a - ah;
  t = SPLITTER * b;
  const bh = t - (t - b);
  const bl = b - bh;
  return ah * bh - p + ah * bl + al * bh + al * bl;
}

/** The high Veltkamp half of v (26 bits; v − highHalf(v) is the exact low half). */
export function highHalf(v: number): number {
  const t = SPLITTER * v;
  return t - (t - v);
}
