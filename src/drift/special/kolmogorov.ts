// The distribution of the two-sided one-sample Kolmogorov-Smirnov statistic D_n for finite n,
// following Simard & L'Ecuyer (2011) as scipy's `kstwo` does: Durbin's matrix (Marsaglia-Tsang-
// Wang), Pomeranz's recursion, the Pelz-Good expansion and 2 x Smirnov's one-sided tail, each
// where scipy uses it, so p-values agree with `scipy.stats.kstwo.sf`.

import { DataError } from "../../core/errors.js";

const SCALE_EXPONENT = 128;
const BIG = 2 ** SCALE_EXPONENT;
const SMALL = 2 ** -SCALE_EXPONENT;
const PI_SQUARED = Math.PI ** 2;
const PI_FOUR = Math.PI ** 4;
const PI_SIX = Math.PI ** 6;
const SQRT_2PI = Math.sqrt(2 * Math.PI);
const LOG_2PI = Math.log(2 * Math.PI);
const SQRT3 = Math.sqrt(3);
const EPSILON = 2.220446049250313e-16;
const STIRLING = [
  -0.029550653594771242, 0.00641025641025641, -0.0019175269175269176, 0.0008417508417508417, -0.0005952380952380953,
  0.0007936507936507937, -0.002777777777777778, 0.08333333333333333,
];

const clip = (p: number): number => Math.min(1, Math.max(0, p));

/** The sample size must be a positive integer and the statistic a number (any real: the tails are 0 and 1). */
function checkArguments(name: string, n: number, x: number): void {
  if (!Number.isInteger(n) || n < 1) throw new DataError(`${name}: n must be a positive integer, got ${n}`);
  if (typeof x !== "number" || Number.isNaN(x)) throw new DataError(`${name}: x must be a number, got ${String(x)}`);
}

function logFactorialOverPower(n: number): number {
  const rn = 1 / n;
  let poly = 0;
  for (const c of STIRLING) poly = poly * (rn / n) + c;
  return Math.log(n) / 2 - n + LOG_2PI / 2 + rn * poly;
}

/**
 * Smirnov's one-sided tail Pr(D+_n >= x) by the Birnbaum-Tingey sum (all terms positive, summed
 * in log space), with the closed forms cephes uses near the ends of the range.
 */
export function smirnovSf(n: number, x: number): number {
  checkArguments("smirnovSf", n, x);
  if (x < 0) return 1;
  if (x > 1) return 0;
  if (n === 1) return 1 - x;
  if (x === 0) return 1;
  if (x === 1) return 0;
  const nx = n * x;
  if (nx <= 1) return 1 - x * Math.pow(1 + x, n - 1);
  if (-2 * n * x * x < -708.3964185322641) return 0;
  if (Math.floor(nx) >= n - 1) return Math.pow(1 - x, n);
  const last = Math.floor(n * (1 - x));
  const logX = Math.log(x);
  let logBinomial = 0;
  let sum = 0;
  for (let v = 0; v <= last; v++) {
    const rest = 1 - x - v / n;
    if (rest > 0) {
      const term = Math.exp(logBinomial + logX + (v - 1) * Math.log(x + v / n) + (n - v) * Math.log(rest));
      sum += term;
      if (v > nx && 4 * (last - v + 1) * term < EPSILON * sum) break;
    }
    logBinomial += Math.log((n - v) / (v + 1));
  }
  return sum;
}

function matmul(a: Float64Array, b: Float64Array, m: number): Float64Array {
  const out = new Float64Array(m * m);
  for (let i = 0; i < m; i++) {
    for (let k = 0; k < m; k++) {
      const aik = a[i * m + k];
      if (aik === 0) continue;
      for (let j = 0; j < m; j++) out[i * m + j] += aik * b[k * m + j];
    }
  }
  return out;
}

/** Pr(D_n <= d) by Durbin's matrix method (Marsaglia, Tsang and Wang 2003). */
function durbinCdf(n: number, d: number): number {
  if (d >= 1) return 1;
  const nd = n * d;
  if (nd <= 0.5) return 0;
  const k = Math.ceil(nd);
  const h = k - nd;
  const m = 2 * k - 1;
  const v = new Float64Array(m);
  const w = new Float64Array(m);
  let fac = 1;
  for (let j = 1; j <= m; j++) {
    w[j - 1] = fac;
    fac /= j;
    v[j - 1] = (1 - h ** j) * fac;
  }
  const tt = Math.max(2 * h - 1, 0) ** m - 2 * h ** m;
  v[m - 1] = (1 + tt) * fac;
  let H: Float64Array = new Float64Array(m * m);
  for (let i = 1; i < m; i++) for (let r = i - 1; r < m; r++) H[r * m + i] = w[r - i + 1];
  for (let r = 0; r < m; r++) H[r * m] = v[r];
  for (let c = 0; c < m; c++) H[(m - 1) * m + c] = v[m - 1 - c];
  let power: Float64Array = new Float64Array(m * m);
  for (let i = 0; i < m; i++) power[i * m + i] = 1;
  let nn = n;
  let exponent = 0;
  let hExponent = 0;
  while (nn > 0) {
    if (nn % 2) {
      power = matmul(power, H, m);
      exponent += hExponent;
    }
    H = matmul(H, H, m);
    hExponent *= 2;
    if (Math.abs(H[(k - 1) * m + (k - 1)]) > BIG) {
      for (let i = 0; i < H.length; i++) H[i] /= BIG;
      hExponent += SCALE_EXPONENT;
    }
    nn = Math.floor(nn / 2);
  }
  let p = power[(k - 1) * m + (k - 1)];
  for (let i = 1; i <= n; i++) {
    p = (i * p) / n;
    if (Math.abs(p) < SMALL) {
      p *= BIG;
      exponent -= SCALE_EXPONENT;
    }
  }
  return clip(exponent !== 0 ? p * 2 ** exponent : p);
}

function pomeranzBounds(i: number, n: number, ll: number, ceilf: number, roundf: number): [number, number] {
  let j1: number;
  let j2: number;
  if (i === 0) {
    j1 = -ll - ceilf - 1;
    j2 = ll + ceilf - 1;
  } else {
    const half = Math.floor((i + 1) / 2);
    if ((i + 1) % 2 === 0) {
      if (half === n + 1) {
        j1 = n - ll - ceilf - 1;
        j2 = n + ll + ceilf - 1;
      } else {
        j1 = half - 1 - ll - roundf - 1;
        j2 = half + ll - 1 + ceilf - 1;
      }
    } else {
      j1 = half - 1 - ll - 1;
      j2 = half + ll + roundf - 1;
    }
  }
  return [Math.max(j1 + 2, 0), Math.min(j2, n)];
}

/** Pr(D_n <= x) by Pomeranz's recursion (1974). */
function pomeranzCdf(n: number, x: number): number {
  const t = n * x;
  const ll = Math.floor(t);
  const f = t - ll;
  const g = Math.min(f, 1 - f);
  const ceilf = f > 0 ? 1 : 0;
  const roundf = f > 0.5 ? 1 : 0;
  const npwrs = 2 * (ll + 1);
  const gpower = new Float64Array(npwrs);
  const twogpower = new Float64Array(npwrs);
  const onem2gpower = new Float64Array(npwrs);
  gpower[0] = twogpower[0] = onem2gpower[0] = 1;
  for (let m = 1; m < npwrs; m++) {
    gpower[m] = (gpower[m - 1] * (g / n)) / m;
    twogpower[m] = (twogpower[m - 1] * ((2 * g) / n)) / m;
    onem2gpower[m] = (onem2gpower[m - 1] * ((1 - 2 * g) / n)) / m;
  }
  let V0 = new Float64Array(npwrs);
  let V1 = new Float64Array(npwrs);
  V1[0] = 1;
  let V0s = 0;
  let V1s = 0;
  let exponent = 0;
  let j1 = pomeranzBounds(0, n, ll, ceilf, roundf)[0];
  let j2: number;
  for (let i = 1; i < 2 * n + 2; i++) {
    const k1 = j1;
    [V0, V1] = [V1, V0];
    [V0s, V1s] = [V1s, V0s];
    V1.fill(0);
    [j1, j2] = pomeranzBounds(i, n, ll, ceilf, roundf);
    const pwrs = i === 1 || i === 2 * n + 1 ? gpower : i % 2 ? twogpower : onem2gpower;
    const ln2 = j2 - k1 + 1;
    if (ln2 > 0) {
      const start = j1 - k1;
      const length = j2 - j1 + 1;
      let max = -Infinity;
      for (let r = 0; r < length; r++) {
        // Entry start + r of the full convolution of V0[k1 - V0s ...] with pwrs.
        const idx = start + r;
        let s = 0;
        for (let q = 0; q <= idx && k1 - V0s + q < npwrs; q++) s += V0[k1 - V0s + q] * pwrs[idx - q];
        V1[r] = s;
        if (s > max) max = s;
      }
      if (max > 0 && max < SMALL) {
        for (let r = 0; r < npwrs; r++) V1[r] *= BIG;
        exponent -= SCALE_EXPONENT;
      }
      V1s = V0s + j1 - k1;
    }
  }
  let answer = V1[n - V1s];
  for (let m = 1; m <= n; m++) {
    if (Math.abs(answer) > BIG) {
      answer *= SMALL;
      exponent += SCALE_EXPONENT;
    }
    answer *= m;
  }
  return clip(exponent !== 0 ? answer * 2 ** exponent : answer);
}

/** The Pelz-Good (1976) asymptotic expansion of Pr(D_n <= x). */
function pelzGoodCdf(n: number, x: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const z = Math.sqrt(n) * x;
  const z2 = z * z;
  const z4 = z2 * z2;
  const z6 = z4 * z2;
  const qlog = -PI_SQUARED / 8 / z2;
  if (qlog < -708) return 0;
  let q = Math.exp(qlog);
  const k1a = -z2;
  const k1b = PI_SQUARED / 4;
  const k2a = 6 * z6 + 2 * z4;
  const k2b = ((2 * z4 - 5 * z2) * PI_SQUARED) / 4;
  const k2c = (PI_FOUR * (1 - 2 * z2)) / 16;
  const k3d = (PI_SIX * (5 - 30 * z2)) / 64;
  const k3c = (PI_FOUR * (-60 * z2 + 212 * z4)) / 16;
  const k3b = (PI_SQUARED * (135 * z4 - 96 * z6)) / 4;
  const k3a = -30 * z6 - 90 * z ** 8;
  const K = [0, 0, 0, 0];
  const maxk = Math.ceil((16 * z) / Math.PI);
  for (let k = maxk; k > 0; k--) {
    const m = 2 * k - 1;
    const m2 = m * m;
    const m4 = m2 * m2;
    const m6 = m4 * m2;
    const qp = Math.pow(q, 8 * k);
    K[0] = K[0] * qp + 1;
    K[1] = K[1] * qp + (k1a + k1b * m2);
    K[2] = K[2] * qp + (k2a + k2b * m2 + k2c * m4);
    K[3] = K[3] * qp + (k3a + k3b * m2 + k3c * m4 + k3d * m6);
  }
  const divisors = [z, 6 * z4, 72 * z ** 7, 6480 * z ** 10];
  for (let i = 0; i < 4; i++) K[i] = (K[i] * q * SQRT_2PI) / divisors[i];
  q = Math.exp(-PI_SQUARED / 2 / z2);
  let extra2 = 0;
  let extra3 = 0;
  const sqrt3z = SQRT3 * z;
  for (let k = maxk; k > 0; k--) {
    const k2 = k * k;
    const qk = q ** k2;
    extra2 += k2 * qk;
    const kpi = Math.PI * k;
    extra3 += (sqrt3z + kpi) * (sqrt3z - kpi) * k2 * qk;
  }
  K[2] += (extra2 * PI_SQUARED * SQRT_2PI) / (-36 * z ** 3);
  K[3] += (extra3 * PI_SQUARED * SQRT_2PI) / (216 * z6);
  let sum = 0;
  for (let i = 0; i < 4; i++) sum += K[i] / Math.pow(n, i / 2);
  return sum;
}

/**
 * Pr(D_n >= x) for the two-sided one-sample statistic with sample size n (scipy
 * `kstwo.sf(x, n)`).
 */
export function kolmogorovSf(n: number, x: number): number {
  checkArguments("kolmogorovSf", n, x);
  if (x >= 1) return 0;
  if (x <= 0) return 1;
  const t = n * x;
  if (t <= 1) {
    if (t <= 0.5) return 1;
    let prob: number;
    if (n <= 140) {
      prob = 1;
      for (let i = 1; i <= n; i++) prob *= i * (1 / n) * (2 * t - 1);
    } else {
      prob = Math.exp(logFactorialOverPower(n) + n * Math.log(2 * t - 1));
    }
    return clip(1 - prob);
  }
  if (t >= n - 1) return clip(2 * (1 - x) ** n);
  if (x >= 0.5) return clip(2 * smirnovSf(n, x));
  const nxSquared = t * x;
  if (n <= 140) {
    if (nxSquared <= 0.754693) return clip(1 - durbinCdf(n, x));
    if (nxSquared <= 4) return clip(1 - pomeranzCdf(n, x));
    return clip(2 * smirnovSf(n, x));
  }
  if (nxSquared >= 370) return 0;
  if (nxSquared >= 2.2) return clip(2 * smirnovSf(n, x));
  let cdf: number;
  if (nxSquared >= 18) cdf = 1;
  else if (n <= 100000 && n * x ** 1.5 <= 1.4) cdf = durbinCdf(n, x);
  else cdf = pelzGoodCdf(n, x);
  return clip(1 - cdf);
}
