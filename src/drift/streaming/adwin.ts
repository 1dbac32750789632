import { encodeFloat64Array, type StateReader } from "../../core/state-codec.js";
import { integer, number, param, resolveParams, type ParamSchema } from "../../core/params.js";
import { checkValue, readStreamDocument, streamDocument, type StreamDetector, type StreamDetectorJSON } from "./stream-detector.js";

export interface AdwinParams {
  /** Confidence of the cut test (smaller = fewer false alarms). Default 0.002. */
  delta: number;
  /** Check for a cut every `clock` updates. Default 32. */
  clock: number;
  /** Buckets kept per size level of the exponential histogram. Default 5. */
  maxBuckets: number;
  /** Each side of a cut holds at least this many values. Default 5. */
  minWindowLength: number;
  /** No check before this many values. Default 10. */
  gracePeriod: number;
}

const SCHEMA: ParamSchema<AdwinParams> = {
  delta: param(0.002, number({ min: 0, max: 1, exclusiveMin: true })),
  clock: param(32, integer({ min: 1 })),
  maxBuckets: param(5, integer({ min: 2 })),
  minWindowLength: param(5, integer({ min: 1 })),
  gracePeriod: param(10, integer({ min: 1 })),
};

/**
 * ADWIN (Bifet & Gavaldà 2007), as river implements it: an adaptive window kept as an
 * exponential histogram of buckets (size 2^level, total, variance); every `clock` values each
 * split of the window into an older and a newer part is tested with the variance-aware
 * Hoeffding/Bernstein bound, and the older part is dropped while a cut is found. Memory is
 * O(maxBuckets × log(window)). After a detection the shortened window carries on, as classic
 * ADWIN does; river's `ADWIN` restarts from empty on the next value (call `reset()` for that).
 */
export class ADWIN implements StreamDetector {
  static readonly kind = "ADWIN";
  static readonly schemaVersion = 1;
  readonly params: Readonly<AdwinParams>;
  // Buckets oldest first: level (size 2^level), total and variance of each.
  private levels: number[] = [];
  private totals: number[] = [];
  private variances: number[] = [];
  private total = 0;
  private variance = 0;
  private widthValue = 0;
  private tick = 0;
  private detected = false;
  private detections = 0;

  constructor(params: Partial<AdwinParams> = {}) {
    this.params = resolveParams("ADWIN", SCHEMA, params);
  }

  get driftDetected(): boolean {
    return this.detected;
  }
  /** Values in the current window. */
  get width(): number {
    return this.widthValue;
  }
  /** Mean of the current window. */
  get estimation(): number {
    return this.widthValue > 0 ? this.total / this.widthValue : 0;
  }
  /** Changes detected since construction or reset. */
  get nDetections(): number {
    return this.detections;
  }

  update(value: number): boolean {
    checkValue("ADWIN", value);
    this.widthValue++;
    if (this.widthValue > 1) {
      const previousMean = this.total / (this.widthValue - 1);
      this.variance += ((this.widthValue - 1) * (value - previousMean) ** 2) / this.widthValue;
    }
    this.total += value;
    this.levels.push(0);
    this.totals.push(value);
    this.variances.push(0);
    this.compress();
    this.tick++;
    this.detected = false;
    if (this.tick % this.params.clock === 0 && this.widthValue > this.params.gracePeriod) this.detected = this.detectChange();
    if (this.detected) this.detections++;
    return this.detected;
  }

  reset(): void {
    this.levels = [];
    this.totals = [];
    this.variances = [];
    this.total = this.variance = this.widthValue = this.tick = this.detections = 0;
    this.detected = false;
  }

  /** Merges the two oldest buckets of any level holding more than maxBuckets. */
  private compress(): void {
    for (let level = 0; ; level++) {
      const at: number[] = [];
      for (let i = 0; i < this.levels.length; i++) if (this.levels[i] === level) at.push(i);
      if (at.length <= this.params.maxBuckets) return;
      const [a, b] = [at[0], at[1]];
      const n = 2 ** level;
      const meanA = this.totals[a] / n;
      const meanB = this.totals[b] / n;
      this.variances[a] += this.variances[b] + (n * n * (meanA - meanB) ** 2) / (2 * n);
      this.totals[a] += this.totals[b];
      this.levels[a] = level + 1;
      this.levels.splice(b, 1);
      this.totals.splice(b, 1);
      this.variances.splice(b, 1);
    }
  }

  private cut(n0: number, n1: number, difference: number): boolean {
    const { delta, minWindowLength } = this.params;
    const dd = Math.log((2 * Math.log(this.widthValue)) / delta);
    const v = this.variance / this.widthValue;
    const m = 1 / (n0 - minWindowLength + 1) + 1 / (n1 - minWindowLength + 1);
    return difference > Math.sqrt(2 * m * v * dd) + (2 / 3) * dd * m;
  }

  private detectChange(): boolean {
    let changed = false;
    let again = true;
    while (again && this.levels.length > 1) {
      again = false;
      let n0 = 0;
      let u0 = 0;
      // Grow the older part one bucket at a time, oldest first.
      for (let i = 0; i < this.levels.length - 1; i++) {
        n0 += 2 ** this.levels[i];
        u0 += this.totals[i];
        const n1 = this.widthValue - n0;
        const u1 = this.total - u0;
        if (n0 >= this.params.minWindowLength && n1 >= this.params.minWindowLength && this.cut(n0, n1, Math.abs(u0 / n0 - u1 / n1))) {
          this.dropOldest();
          changed = again = true;
          break;
        }
      }
    }
    return changed;
  }

  private dropOldest(): void {
    const n = 2 ** this.levels[0];
    const mean = this.totals[0] / n;
    const rest = this.widthValue - n;
    if (rest > 0) {
      const restMean = (this.total - this.totals[0]) / rest;
      this.variance -= this.variances[0] + (n * rest * (mean - restMean) ** 2) / (n + rest);
      // Rounding can leave a tiny negative (river keeps it); a variance is never below 0.
      this.variance = Math.max(this.variance, 0);
    } else this.variance = 0;
    this.total -= this.totals[0];
    this.widthValue = rest;
    this.levels.shift();
    this.totals.shift();
    this.variances.shift();
  }

  toJSON(): StreamDetectorJSON {
    return streamDocument(ADWIN.kind, ADWIN.schemaVersion, { ...this.params }, {
      levels: encodeFloat64Array(Float64Array.from(this.levels)),
      totals: encodeFloat64Array(Float64Array.from(this.totals)),
      variances: encodeFloat64Array(Float64Array.from(this.variances)),
      total: this.total,
      variance: this.variance,
      width: this.widthValue,
      tick: this.tick,
      detected: this.detected,
      detections: this.detections,
    });
  }

  /** Rebuilds a detector from `toJSON()` output (object or text), checking every value. */
  static fromJSON(json: unknown): ADWIN {
    const { params, state } = readStreamDocument(json, ADWIN.kind, ADWIN.schemaVersion);
    const detector = new ADWIN(readParams(params));
    const levels = state.f64("levels", { finite: true, min: 0, max: 60 });
    const totals = state.f64("totals", { length: levels.length, finite: true });
    const variances = state.f64("variances", { length: levels.length, finite: true, min: 0 });
    const width = state.integer("width", { min: 0 });
    let counted = 0;
    levels.forEach((l, i) => {
      if (!Number.isInteger(l) || (i > 0 && l > levels[i - 1])) state.fail("levels", "must be integers, non-increasing from the oldest bucket");
      counted += 2 ** l;
    });
    if (counted !== width) state.fail("width", `must equal the bucket sizes' sum (${counted})`);
    detector.levels = Array.from(levels);
    detector.totals = Array.from(totals);
    detector.variances = Array.from(variances);
    detector.widthValue = width;
    detector.total = state.number("total");
    detector.variance = state.number("variance", { min: 0 });
    detector.tick = state.integer("tick", { min: 0 });
    detector.detected = state.boolean("detected");
    detector.detections = state.integer("detections", { min: 0 });
    return detector;
  }
}

function readParams(reader: StateReader): Partial<AdwinParams> {
  return {
    delta: reader.number("delta"),
    clock: reader.integer("clock"),
    maxBuckets: reader.integer("maxBuckets"),
    minWindowLength: reader.integer("minWindowLength"),
    gracePeriod: reader.integer("gracePeriod"),
  };
}
