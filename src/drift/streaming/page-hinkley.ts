import { number, integer, oneOf, param, resolveParams, type ParamSchema } from "../../core/params.js";
import { checkValue, readStreamDocument, streamDocument, type StreamDetector, type StreamDetectorJSON } from "./stream-detector.js";

export interface PageHinkleyParams {
  /** No detection before this many values. Default 30. */
  minInstances: number;
  /** Magnitude of change tolerated. Default 0.005. */
  delta: number;
  /** Detection threshold λ on the cumulative deviation. Default 50. */
  threshold: number;
  /** Forgetting factor of the cumulative sums. Default 1 - 0.0001. */
  alpha: number;
  /** Detect increases, decreases, or both. Default "both". */
  mode: "up" | "down" | "both";
}

const SCHEMA: ParamSchema<PageHinkleyParams> = {
  minInstances: param(30, integer({ min: 1 })),
  delta: param(0.005, number({ min: 0 })),
  threshold: param(50, number({ min: 0, exclusiveMin: true })),
  alpha: param(1 - 0.0001, number({ min: 0, max: 1, exclusiveMin: true })),
  mode: param("both", oneOf("up", "down", "both")),
};

/**
 * The Page-Hinkley test (Page 1954), with river's defaults: cumulative deviations of each value
 * from the running mean (minus / plus `delta`, faded by `alpha`), and a change when the
 * deviation from its running extreme exceeds `threshold`. The state resets after a detection.
 */
export class PageHinkley implements StreamDetector {
  static readonly kind = "PageHinkley";
  static readonly schemaVersion = 1;
  readonly params: Readonly<PageHinkleyParams>;
  private n = 0;
  private mean = 0;
  private sumUp = 0;
  private minUp = Infinity;
  private sumDown = 0;
  private maxDown = -Infinity;
  private detected = false;

  constructor(params: Partial<PageHinkleyParams> = {}) {
    this.params = resolveParams("PageHinkley", SCHEMA, params);
  }

  get driftDetected(): boolean {
    return this.detected;
  }
  /** Values seen since the last reset or detection. */
  get nSeen(): number {
    return this.n;
  }

  update(value: number): boolean {
    checkValue("PageHinkley", value);
    if (this.detected) this.clear();
    this.n++;
    this.mean += (value - this.mean) / this.n;
    const { alpha, delta, threshold, minInstances, mode } = this.params;
    this.sumUp = alpha * this.sumUp + (value - this.mean - delta);
    this.sumDown = alpha * this.sumDown + (value - this.mean + delta);
    this.minUp = Math.min(this.minUp, this.sumUp);
    this.maxDown = Math.max(this.maxDown, this.sumDown);
    if (this.n >= minInstances) {
      const up = mode !== "down" && this.sumUp - this.minUp > threshold;
      const down = mode !== "up" && this.maxDown - this.sumDown > threshold;
      this.detected = up || down;
    }
    return this.detected;
  }

  reset(): void {
    this.clear();
  }

  private clear(): void {
    this.n = 0;
    this.mean = 0;
    this.sumUp = 0;
    this.minUp = Infinity;
    this.sumDown = 0;
    this.maxDown = -Infinity;
    this.detected = false;
  }

  toJSON(): StreamDetectorJSON {
    return streamDocument(PageHinkley.kind, PageHinkley.schemaVersion, { ...this.params }, {
      n: this.n,
      mean: this.mean,
      sumUp: this.sumUp,
      minUp: this.n > 0 ? this.minUp : null,
      sumDown: this.sumDown,
      maxDown: this.n > 0 ? this.maxDown : null,
      detected: this.detected,
    });
  }

  /** Rebuilds a detector from `toJSON()` output (object or text), checking every value. */
  static fromJSON(json: unknown): PageHinkley {
    const { params, state } = readStreamDocument(json, PageHinkley.kind, PageHinkley.schemaVersion);
    const mode = params.string("mode") as PageHinkleyParams["mode"];
    const detector = new PageHinkley({ minInstances: params.integer("minInstances"), delta: params.number("delta"), threshold: params.number("threshold"), alpha: params.number("alpha"), mode });
    detector.n = state.integer("n", { min: 0 });
    detector.mean = state.number("mean");
    detector.sumUp = state.number("sumUp");
    detector.sumDown = state.number("sumDown");
    detector.minUp = detector.n > 0 ? state.number("minUp") : Infinity;
    detector.maxDown = detector.n > 0 ? state.number("maxDown") : -Infinity;
    detector.detected = state.boolean("detected");
    return detector;
  }
}
