/*
 * The standard normal quantile function (scipy's `ndtri`, the Cephes rational approximations),
 * used by RobustScaler's unitVariance through `scipy.stats.norm.ppf`.
 */

const S2PI = 2.5066282746310007;
const EXP_MINUS_2 = 0.1353352832366127;
const P0 = [-59.96335010141079, 98.00107541859997, -56.67628574690703, 13.931260938727968, -1.2391658386738125];
const Q0 = [
  1.9544885833814176, 4.676279128988815, 86.36024213908905, -225.46268785411937, 200.26021238006066, -82.03722561683334,
  15.90562251262117, -1.1833162112133,
];
const P1 = [
  4.0554489230596245, 31.525109459989388, 57.16281922464213, 44.08050738932008, 14.684956192885803, 2.1866330685079025,
  -0.1402560791713545, -0.03504246268278482, -0.0008574567851546854,
];
const Q1 = [
  15.779988325646675, 45.39076351288792, 41.3172038254672, 15.04253856929075, 2.504649462083094, -0.14218292285478779,
  -0.03808064076915783, -0.0009332594808954574,
];
const P2 = [
  3.2377489177694603, 6.915228890689842, 3.9388102529247444, 1.3330346081580755, 0.20148538954917908, 0.012371663481782003,
  0.00030158155350823543, 0.0000026580697468673755, 6.239745391849833e-9,
];
const Q2 = [
  6.02427039364742, 3.6798356385616087, 1.3770209948908132, 0.21623699359449663, 0.013420400608854318, 0.00032801446468212774,
  0.0000028924786474538068, 6.790194080099813e-9,
];

function polevl(x: number, c: readonly number[]): number {
  let a = c[0];
  for (let i = 1; i < c.length; i++) a = a * x + c[i];
  return a;
}

function p1evl(x: number, c: readonly number[]): number {
  let a = x + c[0];
  for (let i = 1; i < c.length; i++) a = a * x + c[i];
  return a;
}

/** The `p` quantile of the standard normal distribution (`scipy.special.ndtri`). */
export function normalQuantile(p: number): number {
  if (p === 0) return -Infinity;
  if (p === 1) return Infinity;
  if (!(p > 0 && p < 1)) return NaN;
  let negate = true;
  let y = p;
  if (y > 1 - EXP_MINUS_2) {
    y = 1 - y;
    negate = false;
  }
  if (y > EXP_MINUS_2) {
    y = y - 0.5;
    const y2 = y * y;
    const x = y + y * ((y2 * polevl(y2, P0)) / p1evl(y2, Q0));
    return x * S2PI;
  }
  const x = Math.sqrt(-2 * Math.log(y));
  const x0 = x - Math.log(x) / x;
  const z = 1 / x;
  const x1 = x < 8 ? (z * polevl(z, P1)) / p1evl(z, Q1) : (z * polevl(z, P2)) / p1evl(z, Q2);
  return negate ? -(x0 - x1) : x0 - x1;
}
