import { metricError } from "./metric-input.js";

/** A verbal grade of a ROC AUC or F-score. */
export type ScoreRating = "Excellent" | "Good" | "Acceptable" | "Weak" | "Poor";

/** The churn project's grade: Excellent > 0.90, Good > 0.80, Acceptable > 0.70, Weak > 0.60, else Poor. */
export function rateScore(value: number): ScoreRating {
  if (typeof value !== "number" || Number.isNaN(value)) throw metricError("rateScore", `value must be a number; got ${String(value)}`);
  if (value > 0.9) return "Excellent";
  if (value > 0.8) return "Good";
  if (value > 0.7) return "Acceptable";
  if (value > 0.6) return "Weak";
  return "Poor";
}
