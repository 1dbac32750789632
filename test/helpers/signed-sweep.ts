/**
 * n values from 0 to ±1.1e26 (a third negative), distinct, by a multiplicative hash of their
 * index: the seeded sweep the power-transform kernels' tests compare over.
 */
export function signedSweep(n: number): Float64Array {
  const values = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const u = (Math.imul(i, 2654435761) >>> 0) / 2 ** 32;
    values[i] = (i % 3 === 0 ? -1 : 1) * Math.expm1(60 * u * u) * (1 + i * 1e-12);
  }
  return values;
}
