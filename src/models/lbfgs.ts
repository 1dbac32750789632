import { SPLITTER } from "../core/product-error.js";

/**
 * Unconstrained L-BFGS following scipy's `minimize(method="L-BFGS-B")` step by step (the
 * Byrd-Lu-Nocedal-Zhu code without bounds): the same first step, the same Moré-Thuente line
 * search (`dcsrch`), the same update-skipping, restart and stopping rules, and scipy's iteration
 * and evaluation limits. Only the direction is computed with the two-loop recursion instead of the
 * compact matrix form, which is the same vector up to rounding.
 */

/** Writes the gradient at `x` into `grad` and returns the function value. */
export type ObjectiveWithGradient = (x: Float64Array, grad: Float64Array) => number;

export interface LbfgsOptions {
  /** scipy `maxiter`. Default 15000. */
  maxIter?: number;
  /** scipy `maxfun`: stop once more evaluations than this were made. Default 15000. */
  maxFun?: number;
  /** scipy `maxls`: evaluations allowed per line search. Default 20. */
  maxLineSearch?: number;
  /** scipy `gtol` (pgtol): stop when the largest gradient component is at most this. Default 1e-5. */
  gtol?: number;
  /** scipy `ftol` (factr * eps): stop on a relative reduction of f at most this. Default 2.220446049250313e-9. */
  ftol?: number;
  /** scipy `maxcor`: correction pairs kept. Default 10. */
  memory?: number;
}

export interface LbfgsResult {
  x: Float64Array;
  f: number;
  grad: Float64Array;
  /** Iterations, counted as scipy's `nit`. */
  nIter: number;
  /** Function evaluations, counted as scipy's `nfev`. */
  nFev: number;
  /** scipy's status: 0 converged, 1 iteration or evaluation limit, 2 line search failure. */
  status: 0 | 1 | 2;
  message: string;
}

const EPS = 2.220446049250313e-16;
const STEP_MAX = 1e10;
// Line-search constants of L-BFGS-B's lnsrlb.
const LS_FTOL = 1e-3;
const LS_GTOL = 0.9;
const LS_XTOL = 0.1;

/** Minimizes `fg` from `x0` (not modified). */
export function minimizeLbfgs(fg: ObjectiveWithGradient, x0: ArrayLike<number>, options: LbfgsOptions = {}): LbfgsResult {
  const { maxIter = 15000, maxFun = 15000, maxLineSearch = 20, gtol = 1e-5, ftol = 2.220446049250313e-9, memory = 10 } = options;
  const n = x0.length;
  const x = Float64Array.from(x0);
  const g = new Float64Array(n);
  let f = fg(x, g);
  let nFev = 1;
  const finish = (status: 0 | 1 | 2, message: string, nIter: number): LbfgsResult => ({ x, f, grad: g, nIter, nFev, status, message });
  if (maxAbs(g) <= gtol) return finish(0, "CONVERGENCE: NORM OF PROJECTED GRADIENT <= PGTOL", 0);

  const S = new Float64Array(memory * n);
  const Y = new Float64Array(memory * n);
  const rho = new Float64Array(memory);
  const alpha = new Float64Array(memory);
  const z = new Float64Array(n);
  const d = new Float64Array(n);
  const xOld = new Float64Array(n);
  const gOld = new Float64Array(n);
  const search = new LineSearch();
  let col = 0;
  let head = 0;
  let theta = 1;
  let nIter = 0;

  for (;;) {
    // Search direction d = z - x, where z minimizes the quadratic model (z = x - g with no pairs).
    if (col === 0) {
      for (let i = 0; i < n; i++) z[i] = x[i] - g[i];
    } else {
      twoLoop(g, S, Y, rho, alpha, col, head, memory, n, theta, z);
      for (let i = 0; i < n; i++) z[i] = x[i] + z[i];
    }
    for (let i = 0; i < n; i++) d[i] = z[i] - x[i];

    // Line search along d.
    const dnorm = euclideanNorm(d, 0, n);
    let stp = nIter === 0 ? Math.min(1 / dnorm, STEP_MAX) : 1;
    xOld.set(x);
    gOld.set(g);
    const fOld = f;
    let evaluations = 0;
    let gd: number;
    let gdOld = 0;
    let failed = false;
    search.start(LS_FTOL, LS_GTOL, LS_XTOL, 0, STEP_MAX);
    for (;;) {
      gd = dot(g, d, n);
      if (evaluations === 0) {
        gdOld = gd;
        if (gd >= 0) {
          failed = true; // not a descent direction
          break;
        }
      }
      stp = search.step(f, gd, stp);
      if (search.done) break;
      evaluations++;
      if (evaluations - 1 >= maxLineSearch) {
        failed = true;
        break;
      }
      if (stp === 1) x.set(z);
      else for (let i = 0; i < n; i++) x[i] = stp * d[i] + xOld[i];
      f = fg(x, g);
      nFev++;
    }
    if (failed) {
      x.set(xOld);
      g.set(gOld);
      f = fOld;
      if (col === 0) return finish(2, "ABNORMAL_TERMINATION_IN_LNSRCH", nIter);
      // Forget the pairs and restart from steepest descent.
      col = 0;
      head = 0;
      theta = 1;
      continue;
    }

    nIter++;
    if (nIter >= maxIter) return finish(1, "STOP: TOTAL NO. OF ITERATIONS REACHED LIMIT", nIter);
    if (nFev > maxFun) return finish(1, "STOP: TOTAL NO. OF F,G EVALUATIONS EXCEEDS LIMIT", nIter);
    if (maxAbs(g) <= gtol) return finish(0, "CONVERGENCE: NORM OF PROJECTED GRADIENT <= PGTOL", nIter);
    if (fOld - f <= ftol * Math.max(Math.abs(fOld), Math.abs(f), 1)) return finish(0, "CONVERGENCE: REL REDUCTION OF F <= FACTR*EPSMCH", nIter);

    // New pair s = stp * d, y = g - gOld, with s'y taken from the directional derivatives as L-BFGS-B does.
    let dr: number;
    let ddum: number;
    if (stp === 1) {
      dr = gd - gdOld;
      ddum = -gdOld;
    } else {
      dr = (gd - gdOld) * stp;
      ddum = -gdOld * stp;
    }
    if (dr <= EPS * ddum) continue; // curvature too small: skip the update
    const slot = col < memory ? (head + col) % memory : head;
    if (col < memory) col++;
    else head = (head + 1) % memory;
    const offset = slot * n;
    for (let i = 0; i < n; i++) {
      Y[offset + i] = g[i] - gOld[i];
      S[offset + i] = stp === 1 ? d[i] : stp * d[i];
    }
    rho[slot] = 1 / dr;
    theta = euclideanNorm(Y, offset, n) ** 2 / dr;
  }
}

/** Writes -H g into `out`, H the L-BFGS inverse Hessian with H0 = I / theta. */
function twoLoop(g: Float64Array, S: Float64Array, Y: Float64Array, rho: Float64Array, alpha: Float64Array, col: number, head: number, memory: number, n: number, theta: number, out: Float64Array): void {
  for (let i = 0; i < n; i++) out[i] = -g[i];
  for (let k = col - 1; k >= 0; k--) {
    const slot = (head + k) % memory;
    const offset = slot * n;
    let sq = 0;
    for (let i = 0; i < n; i++) sq += S[offset + i] * out[i];
    const a = rho[slot] * sq;
    alpha[slot] = a;
    for (let i = 0; i < n; i++) out[i] -= a * Y[offset + i];
  }
  for (let i = 0; i < n; i++) out[i] /= theta;
  for (let k = 0; k < col; k++) {
    const slot = (head + k) % memory;
    const offset = slot * n;
    let yr = 0;
    for (let i = 0; i < n; i++) yr += Y[offset + i] * out[i];
    const c = alpha[slot] - rho[slot] * yr;
    for (let i = 0; i < n; i++) out[i] += c * S[offset + i];
  }
}

function dot(a: Float64Array, b: Float64Array, n: number): number {
  let s = 0;
  for (let i = 0; i < n; i++) s += a[i] * b[i];
  return s;
}

/** The largest |a_i|; NaN when any entry is NaN (as scipy's projgr). */
function maxAbs(a: Float64Array): number {
  let m = 0;
  for (let i = 0; i < a.length; i++) {
    const v = Math.abs(a[i]);
    if (v !== v) return v;
    if (v > m) m = v;
  }
  return m;
}

/**
 * ||a[offset .. offset + n)||_2 like BLAS dnrm2 (which scipy uses for the step length and y'y):
 * no overflow or underflow, and the squares summed in double-double (close to the extended
 * precision of OpenBLAS's x87 kernel), then one rounding.
 */
export function euclideanNorm(a: Float64Array, offset = 0, n = a.length - offset): number {
  let max = 0;
  for (let i = offset; i < offset + n; i++) {
    const v = Math.abs(a[i]);
    if (v !== v) return v;
    if (v > max) max = v;
  }
  if (max === 0 || max === Infinity) return max;
  // A power of two, so scaling is exact.
  const scale = 2 ** Math.ceil(Math.log2(max));
  let hi = 0;
  let lo = 0;
  for (let i = offset; i < offset + n; i++) {
    const v = a[i] / scale;
    const square = v * v;
    const c = SPLITTER * v;
    const vh = c - (c - v);
    const vl = v - vh;
    const squareError = vh * vh - square + 2 * vh * vl + vl * vl;
    // TwoSum of hi and square.
    const sum = hi + square;
    const bv = sum - hi;
    lo += hi - (sum - bv) + (square - bv) + squareError;
    hi = sum;
  }
  const total = hi + lo;
  const root = Math.sqrt(total);
  // One Newton step on the double-double sum: root + (hi + lo - root^2) / (2 root).
  const c = SPLITTER * root;
  const rh = c - (c - root);
  const rl = root - rh;
  const rootSquare = root * root;
  const rootSquareError = rh * rh - rootSquare + 2 * rh * rl + rl * rl;
  const residual = hi - rootSquare - rootSquareError + lo;
  return (root + residual / (2 * root)) * scale;
}

/** MINPACK-2's `dcsrch` (Moré-Thuente): a step meeting the strong Wolfe conditions. */
class LineSearch {
  done = false;
  private ftol = 0;
  private gtol = 0;
  private xtol = 0;
  private stpmin = 0;
  private stpmax = 0;
  private started = false;
  private brackt = false;
  private stage = 1;
  private finit = 0;
  private ginit = 0;
  private gtest = 0;
  private width = 0;
  private width1 = 0;
  private stx = 0;
  private fx = 0;
  private gx = 0;
  private sty = 0;
  private fy = 0;
  private gy = 0;
  private stmin = 0;
  private stmax = 0;

  start(ftol: number, gtol: number, xtol: number, stpmin: number, stpmax: number): void {
    this.ftol = ftol;
    this.gtol = gtol;
    this.xtol = xtol;
    this.stpmin = stpmin;
    this.stpmax = stpmax;
    this.started = false;
    this.done = false;
  }

  /** Given f and its derivative g at `stp`, returns the next step to evaluate (or the accepted one when `done`). */
  step(f: number, g: number, stp: number): number {
    if (!this.started) {
      this.started = true;
      this.brackt = false;
      this.stage = 1;
      this.finit = f;
      this.ginit = g;
      this.gtest = this.ftol * g;
      this.width = this.stpmax - this.stpmin;
      this.width1 = this.width / 0.5;
      this.stx = 0;
      this.fx = f;
      this.gx = g;
      this.sty = 0;
      this.fy = f;
      this.gy = g;
      this.stmin = 0;
      this.stmax = stp + 4 * stp;
      return stp;
    }
    const ftest = this.finit + stp * this.gtest;
    if (this.stage === 1 && f <= ftest && g >= 0) this.stage = 2;
    // Warnings and convergence all accept the current step.
    if (
      (this.brackt && (stp <= this.stmin || stp >= this.stmax)) ||
      (this.brackt && this.stmax - this.stmin <= this.xtol * this.stmax) ||
      (stp === this.stpmax && f <= ftest && g <= this.gtest) ||
      (stp === this.stpmin && (f > ftest || g >= this.gtest)) ||
      (f <= ftest && Math.abs(g) <= this.gtol * -this.ginit)
    ) {
      this.done = true;
      return stp;
    }
    let next: number;
    if (this.stage === 1 && f <= this.fx && f > ftest) {
      // A modified function keeps the interval's properties while in stage 1.
      const gtest = this.gtest;
      next = this.cstep(this.fx - this.stx * gtest, this.gx - gtest, this.fy - this.sty * gtest, this.gy - gtest, stp, f - stp * gtest, g - gtest);
      this.fx += this.stx * gtest;
      this.fy += this.sty * gtest;
      this.gx += gtest;
      this.gy += gtest;
    } else {
      next = this.cstep(this.fx, this.gx, this.fy, this.gy, stp, f, g);
    }
    if (this.brackt) {
      if (Math.abs(this.sty - this.stx) >= 0.66 * this.width1) next = this.stx + 0.5 * (this.sty - this.stx);
      this.width1 = this.width;
      this.width = Math.abs(this.sty - this.stx);
      this.stmin = Math.min(this.stx, this.sty);
      this.stmax = Math.max(this.stx, this.sty);
    } else {
      this.stmin = next + 1.1 * (next - this.stx);
      this.stmax = next + 4 * (next - this.stx);
    }
    next = Math.min(Math.max(next, this.stpmin), this.stpmax);
    if ((this.brackt && (next <= this.stmin || next >= this.stmax)) || (this.brackt && this.stmax - this.stmin <= this.xtol * this.stmax)) next = this.stx;
    return next;
  }

  /**
   * MINPACK-2's `dcstep`: a safeguarded cubic/quadratic step that also updates the interval
   * [stx, sty]. Takes (possibly modified) f and g values and stores them back, modified.
   */
  private cstep(fx: number, dx: number, fy: number, dy: number, stp: number, fp: number, dp: number): number {
    const { stx, sty, stmin: stpmin, stmax: stpmax, brackt } = this;
    const sgnd = Math.sign(dp) * Math.sign(dx);
    let stpf: number;
    if (fp > fx) {
      const theta = (3 * (fx - fp)) / (stp - stx) + dx + dp;
      const s = Math.max(Math.abs(theta), Math.abs(dx), Math.abs(dp));
      let gamma = s * Math.sqrt((theta / s) ** 2 - (dx / s) * (dp / s));
      if (stp < stx) gamma = -gamma;
      const p = gamma - dx + theta;
      const q = gamma - dx + gamma + dp;
      const stpc = stx + (p / q) * (stp - stx);
      const stpq = stx + (dx / ((fx - fp) / (stp - stx) + dx) / 2) * (stp - stx);
      stpf = Math.abs(stpc - stx) <= Math.abs(stpq - stx) ? stpc : stpc + (stpq - stpc) / 2;
      this.brackt = true;
    } else if (sgnd < 0) {
      const theta = (3 * (fx - fp)) / (stp - stx) + dx + dp;
      const s = Math.max(Math.abs(theta), Math.abs(dx), Math.abs(dp));
      let gamma = s * Math.sqrt((theta / s) ** 2 - (dx / s) * (dp / s));
      if (stp > stx) gamma = -gamma;
      const p = gamma - dp + theta;
      const q = gamma - dp + gamma + dx;
      const stpc = stp + (p / q) * (stx - stp);
      const stpq = stp + (dp / (dp - dx)) * (stx - stp);
      stpf = Math.abs(stpc - stp) > Math.abs(stpq - stp) ? stpc : stpq;
      this.brackt = true;
    } else if (Math.abs(dp) < Math.abs(dx)) {
      const theta = (3 * (fx - fp)) / (stp - stx) + dx + dp;
      const s = Math.max(Math.abs(theta), Math.abs(dx), Math.abs(dp));
      let gamma = s * Math.sqrt(Math.max(0, (theta / s) ** 2 - (dx / s) * (dp / s)));
      if (stp > stx) gamma = -gamma;
      const p = gamma - dp + theta;
      const q = gamma + (dx - dp) + gamma;
      const r = p / q;
      const stpc = r < 0 && gamma !== 0 ? stp + r * (stx - stp) : stp > stx ? stpmax : stpmin;
      const stpq = stp + (dp / (dp - dx)) * (stx - stp);
      if (brackt) {
        stpf = Math.abs(stpc - stp) < Math.abs(stpq - stp) ? stpc : stpq;
        stpf = stp > stx ? Math.min(stp + 0.66 * (sty - stp), stpf) : Math.max(stp + 0.66 * (sty - stp), stpf);
      } else {
        stpf = Math.abs(stpc - stp) > Math.abs(stpq - stp) ? stpc : stpq;
        stpf = Math.max(stpmin, Math.min(stpmax, stpf));
      }
    } else if (brackt) {
      const theta = (3 * (fp - fy)) / (sty - stp) + dy + dp;
      const s = Math.max(Math.abs(theta), Math.abs(dy), Math.abs(dp));
      let gamma = s * Math.sqrt((theta / s) ** 2 - (dy / s) * (dp / s));
      if (stp > sty) gamma = -gamma;
      const p = gamma - dp + theta;
      const q = gamma - dp + gamma + dy;
      stpf = stp + (p / q) * (sty - stp);
    } else {
      stpf = stp > stx ? stpmax : stpmin;
    }
    // Update the interval that contains a minimizer.
    if (fp > fx) {
      this.sty = stp;
      this.fy = fp;
      this.gy = dp;
      this.fx = fx;
      this.gx = dx;
    } else {
      if (sgnd < 0) {
        this.sty = stx;
        this.fy = fx;
        this.gy = dx;
      } else {
        this.fy = fy;
        this.gy = dy;
      }
      this.stx = stp;
      this.fx = fp;
      this.gx = dp;
    }
    return stpf;
  }
}
