// Lanczos approximation (g = 607/128, Godfrey's 15 coefficients): about 1e-15 relative error
// for positive arguments, which keeps the incomplete-gamma prefactor accurate.
const G = 607 / 128;
const COEFFICIENTS = [
  0.9999999999999971, 57.15623566586292, -59.59796035547549, 14.136097974741746, -0.4919138160976202,
  0.00003399464998481189, 0.00004652362892704858, -0.00009837447530487956, 0.0001580887032249125,
  -0.00021026444172410488, 0.00021743961811521265, -0.0001643181065367639, 0.00008441822398385275,
  -0.000026190838401581408, 0.0000036899182659531625,
];
const HALF_LOG_2PI = 0.9189385332046728;

/** log Γ(x) for x > 0 (NaN otherwise). */
export function logGamma(x: number): number {
  if (!(x > 0)) return NaN;
  if (x === 1 || x === 2) return 0;
  if (x < 0.5) {
    // Γ(x) = Γ(x + 1) / x keeps the Lanczos sum in its accurate range.
    return logGamma(x + 1) - Math.log(x);
  }
  const z = x - 1;
  let sum = COEFFICIENTS[0];
  for (let i = 1; i < COEFFICIENTS.length; i++) sum += COEFFICIENTS[i] / (z + i);
  const t = z + G + 0.5;
  return HALF_LOG_2PI + (z + 0.5) * Math.log(t) - t + Math.log(sum);
}
