/**
 * scipy's scalar minimisers, ported step for step so that the same objective gives the same
 * iterates: `optimize.fminbound` (bounded Brent, `_minimize_scalar_bounded`) and `optimize.brent`
 * with its downhill `bracket` search (scipy 1.17.1, `scipy/optimize/_optimize.py`).
 *
 * @module
 */

/** Raised when scipy's `bracket` finds no valid bracket (scipy's `BracketError`). */
export class BracketFailure extends Error {}

/**
 * `scipy.optimize.fminbound(f, lower, upper, xtol=xatol, maxfun)`: golden-section search with
 * parabolic interpolation on a closed interval. Returns scipy's `xopt`.
 */
export function fminbound(f: (x: number) => number, lower: number, upper: number, xatol = 1e-5, maxfun = 500): number {
  const sqrtEps = Math.sqrt(2.2e-16);
  const goldenMean = 0.5 * (3.0 - Math.sqrt(5.0));
  let a = lower;
  let b = upper;
  let fulc = a + goldenMean * (b - a);
  let nfc = fulc;
  let xf = fulc;
  let rat = 0.0;
  let e = 0.0;
  let x = xf;
  let fx = f(x);
  let num = 1;
  let ffulc = fx;
  let fnfc = fx;
  let xm = 0.5 * (a + b);
  let tol1 = sqrtEps * Math.abs(xf) + xatol / 3.0;
  let tol2 = 2.0 * tol1;
  while (Math.abs(xf - xm) > tol2 - 0.5 * (b - a)) {
    let golden = true;
    if (Math.abs(e) > tol1) {
      golden = false;
      let r = (xf - nfc) * (fx - ffulc);
      let q = (xf - fulc) * (fx - fnfc);
      let p = (xf - fulc) * q - (xf - nfc) * r;
      q = 2.0 * (q - r);
      if (q > 0.0) p = -p;
      q = Math.abs(q);
      r = e;
      e = rat;
      if (Math.abs(p) < Math.abs(0.5 * q * r) && p > q * (a - xf) && p < q * (b - xf)) {
        rat = (p + 0.0) / q;
        x = xf + rat;
        if (x - a < tol2 || b - x < tol2) {
          const d = xm - xf;
          rat = tol1 * (npSign(d) + (d === 0 ? 1 : 0));
        }
      } else golden = true;
    }
    if (golden) {
      e = xf >= xm ? a - xf : b - xf;
      rat = goldenMean * e;
    }
    const si = npSign(rat) + (rat === 0 ? 1 : 0);
    x = xf + si * npMaximum(Math.abs(rat), tol1);
    const fu = f(x);
    num += 1;
    if (fu <= fx) {
      if (x >= xf) a = xf;
      else b = xf;
      fulc = nfc;
      ffulc = fnfc;
      nfc = xf;
      fnfc = fx;
      xf = x;
      fx = fu;
    } else {
      if (x < xf) a = x;
      else b = x;
      if (fu <= fnfc || nfc === xf) {
        fulc = nfc;
        ffulc = fnfc;
        nfc = x;
        fnfc = fu;
      } else if (fu <= ffulc || fulc === xf || fulc === nfc) {
        fulc = x;
        ffulc = fu;
      }
    }
    xm = 0.5 * (a + b);
    tol1 = sqrtEps * Math.abs(xf) + xatol / 3.0;
    tol2 = 2.0 * tol1;
    if (num >= maxfun) break;
  }
  return xf;
}

/** A bracket `xa, xb, xc` with `f(xb)` below both ends, as scipy's `bracket` returns it. */
export interface Bracket {
  xa: number;
  xb: number;
  xc: number;
  fa: number;
  fb: number;
  fc: number;
}

/** `scipy.optimize.bracket(f, xa, xb)`: downhill expansion from the pair until a minimum is enclosed. */
export function bracket(f: (x: number) => number, xaStart: number, xbStart: number, growLimit = 110.0, maxiter = 1000): Bracket {
  const gold = 1.618034;
  const verySmall = 1e-21;
  let xa = xaStart;
  let xb = xbStart;
  let fa = f(xa);
  let fb = f(xb);
  if (fa < fb) {
    [xa, xb] = [xb, xa];
    [fa, fb] = [fb, fa];
  }
  let xc = xb + gold * (xb - xa);
  let fc = f(xc);
  let iter = 0;
  while (fc < fb) {
    const tmp1 = (xb - xa) * (fb - fc);
    const tmp2 = (xb - xc) * (fb - fa);
    const val = tmp2 - tmp1;
    const denom = Math.abs(val) < verySmall ? 2.0 * verySmall : 2.0 * val;
    let w = xb - ((xb - xc) * tmp2 - (xb - xa) * tmp1) / denom;
    const wlim = xb + growLimit * (xc - xb);
    if (iter > maxiter) throw new BracketFailure("no valid bracket was found before the iteration limit was reached");
    iter += 1;
    let fw: number;
    if ((w - xc) * (xb - w) > 0.0) {
      fw = f(w);
      if (fw < fc) {
        xa = xb;
        xb = w;
        fa = fb;
        fb = fw;
        break;
      } else if (fw > fb) {
        xc = w;
        fc = fw;
        break;
      }
      w = xc + gold * (xc - xb);
      fw = f(w);
    } else if ((w - wlim) * (wlim - xc) >= 0.0) {
      w = wlim;
      fw = f(w);
    } else if ((w - wlim) * (xc - w) > 0.0) {
      fw = f(w);
      if (fw < fc) {
        xb = xc;
        xc = w;
        w = xc + gold * (xc - xb);
        fb = fc;
        fc = fw;
        fw = f(w);
      }
    } else {
      w = xc + gold * (xc - xb);
      fw = f(w);
    }
    xa = xb;
    xb = xc;
    xc = w;
    fa = fb;
    fb = fc;
    fc = fw;
  }
  const cond1 = (fb < fc && fb <= fa) || (fb < fa && fb <= fc);
  const cond2 = (xa < xb && xb < xc) || (xc < xb && xb < xa);
  const cond3 = Number.isFinite(xa) && Number.isFinite(xb) && Number.isFinite(xc);
  if (!(cond1 && cond2 && cond3)) throw new BracketFailure("the algorithm terminated without finding a valid bracket");
  return { xa, xb, xc, fa, fb, fc };
}

/**
 * `scipy.optimize.brent(f, brack=(low, high), tol, maxiter)`: scipy's `bracket` from the starting
 * pair, then Brent's method (golden section plus inverse parabolic interpolation).
 */
export function brent(f: (x: number) => number, low: number, high: number, tol = 1.48e-8, maxiter = 500): number {
  const mintol = 1.0e-11;
  const cg = 0.381966;
  const { xa, xb, xc, fb } = bracket(f, low, high);
  let x = xb;
  let w = xb;
  let v = xb;
  let fx = fb;
  let fw = fb;
  let fv = fb;
  let a: number;
  let b: number;
  if (xa < xc) {
    a = xa;
    b = xc;
  } else {
    a = xc;
    b = xa;
  }
  let deltax = 0.0;
  let rat = 0.0;
  let iter = 0;
  while (iter < maxiter) {
    const tol1 = tol * Math.abs(x) + mintol;
    const tol2 = 2.0 * tol1;
    const xmid = 0.5 * (a + b);
    if (Math.abs(x - xmid) < tol2 - 0.5 * (b - a)) break;
    if (Math.abs(deltax) <= tol1) {
      deltax = x >= xmid ? a - x : b - x;
      rat = cg * deltax;
    } else {
      const tmp1 = (x - w) * (fx - fv);
      let tmp2 = (x - v) * (fx - fw);
      let p = (x - v) * tmp2 - (x - w) * tmp1;
      tmp2 = 2.0 * (tmp2 - tmp1);
      if (tmp2 > 0.0) p = -p;
      tmp2 = Math.abs(tmp2);
      const dxTemp = deltax;
      deltax = rat;
      if (p > tmp2 * (a - x) && p < tmp2 * (b - x) && Math.abs(p) < Math.abs(0.5 * tmp2 * dxTemp)) {
        rat = (p * 1.0) / tmp2;
        const u = x + rat;
        if (u - a < tol2 || b - u < tol2) rat = xmid - x >= 0 ? tol1 : -tol1;
      } else {
        deltax = x >= xmid ? a - x : b - x;
        rat = cg * deltax;
      }
    }
    let u: number;
    if (Math.abs(rat) < tol1) u = rat >= 0 ? x + tol1 : x - tol1;
    else u = x + rat;
    const fu = f(u);
    if (fu > fx) {
      if (u < x) a = u;
      else b = u;
      if (fu <= fw || w === x) {
        v = w;
        w = u;
        fv = fw;
        fw = fu;
      } else if (fu <= fv || v === x || v === w) {
        v = u;
        fv = fu;
      }
    } else {
      if (u >= x) a = x;
      else b = x;
      v = w;
      w = x;
      x = u;
      fv = fw;
      fw = fx;
      fx = fu;
    }
    iter += 1;
  }
  return x;
}

/** `np.sign`: -1, 0 or 1, NaN for NaN. */
function npSign(x: number): number {
  return x > 0 ? 1 : x < 0 ? -1 : x === 0 ? 0 : NaN;
}

/** `np.maximum`: NaN if either is NaN. */
function npMaximum(a: number, b: number): number {
  return a !== a || b !== b ? NaN : a >= b ? a : b;
}
