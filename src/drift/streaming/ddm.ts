import { DataError, ValidationError } from "../../core/errors.js";
import { integer, number, param, resolveParams, type ParamSchema } from "../../core/params.js";
import { readStreamDocument, streamDocument, type StreamDetector, type StreamDetectorJSON } from "./stream-detector.js";

export interface DdmParams {
  /** No detection before this many values. Default 30. */
  warmStart: number;
  /** Warning when p + s exceeds p_min + warningThreshold × s_min. Default 2. */
  warningThreshold: number;
  /** Drift when p + s exceeds p_min + driftThreshold × s_min. Default 3. */
  driftThreshold: number;
}

const SCHEMA: ParamSchema<DdmParams> = {
  warmStart: param(30, integer({ min: 1 })),
  warningThreshold: param(2, number({ min: 0, exclusiveMin: true })),
  driftThreshold: param(3, number({ min: 0, exclusiveMin: true })),
};

/**
 * The Drift Detection Method (Gama et al. 2004) on a stream of 0/1 errors of a classifier, with
 * river's defaults: the error rate p and its standard deviation s = sqrt(p(1-p)/n); the minimum
 * of p + s is tracked, and a warning (drift) is raised when p + s exceeds it by 2 (3) × s_min.
 * The state resets after a drift.
 */
export class DDM implements StreamDetector {
  static readonly kind = "DDM";
  static readonly schemaVersion = 1;
  readonly params: Readonly<DdmParams>;
  private n = 0;
  private errors = 0;
  private pMin = Infinity;
  private sMin = Infinity;
  private detected = false;
  private warning = false;

  constructor(params: Partial<DdmParams> = {}) {
    this.params = resolveParams("DDM", SCHEMA, params);
    const { warningThreshold, driftThreshold } = this.params;
    if (driftThreshold < warningThreshold) {
      throw new ValidationError(`DDM: invalid parameters: driftThreshold: must be >= warningThreshold (${warningThreshold}), got ${driftThreshold}`, [{ path: "driftThreshold", message: "must be >= warningThreshold" }]);
    }
  }

  get driftDetected(): boolean {
    return this.detected;
  }
  get warningDetected(): boolean {
    return this.warning;
  }
  /** The running error rate. */
  get errorRate(): number {
    return this.n > 0 ? this.errors / this.n : 0;
  }

  /** Feeds one outcome: 1 (or true) for an error, 0 (or false) for a correct prediction. */
  update(value: number | boolean): boolean {
    if (value !== 0 && value !== 1 && typeof value !== "boolean") throw new DataError(`DDM.update: the value must be 0 or 1 (or false or true), got ${String(value)}`);
    if (this.detected) this.clear();
    this.n++;
    this.errors += Number(value);
    const p = this.errors / this.n;
    const s = Math.sqrt((p * (1 - p)) / this.n);
    this.warning = false;
    if (this.n > this.params.warmStart) {
      if (p + s <= this.pMin + this.sMin) {
        this.pMin = p;
        this.sMin = s;
      }
      if (p + s > this.pMin + this.params.driftThreshold * this.sMin) this.detected = true;
      else if (p + s > this.pMin + this.params.warningThreshold * this.sMin) this.warning = true;
    }
    return this.detected;
  }

  reset(): void {
    this.clear();
  }

  private clear(): void {
    this.n = this.errors = 0;
    this.pMin = this.sMin = Infinity;
    this.detected = this.warning = false;
  }

  toJSON(): StreamDetectorJSON {
    const started = Number.isFinite(this.pMin);
    return streamDocument(DDM.kind, DDM.schemaVersion, { ...this.params }, {
      n: this.n,
      errors: this.errors,
      pMin: started ? this.pMin : null,
      sMin: started ? this.sMin : null,
      detected: this.detected,
      warning: this.warning,
    });
  }

  /** Rebuilds a detector from `toJSON()` output (object or text), checking every value. */
  static fromJSON(json: unknown): DDM {
    const { params, state } = readStreamDocument(json, DDM.kind, DDM.schemaVersion);
    const detector = new DDM({ warmStart: params.integer("warmStart"), warningThreshold: params.number("warningThreshold"), driftThreshold: params.number("driftThreshold") });
    detector.n = state.integer("n", { min: 0 });
    detector.errors = state.integer("errors", { min: 0, max: detector.n });
    const started = state.raw("pMin") !== null;
    detector.pMin = started ? state.number("pMin", { min: 0, max: 1 }) : Infinity;
    detector.sMin = started ? state.number("sMin", { min: 0 }) : Infinity;
    detector.detected = state.boolean("detected");
    detector.warning = state.boolean("warning");
    return detector;
  }
}
