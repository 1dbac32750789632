/**
 * Methods a composite answers only when its child does (a Pipeline's `predictProba` when its last
 * step has one, a search's when its estimator has), as scikit-learn's `available_if`: the composite
 * defines them all and says here which it can answer now.
 */
export interface ConditionalMethods {
  respondsTo(method: string): boolean;
}

/** The prediction methods a composite hands to its final or best estimator. */
export const PREDICTION_METHODS: ReadonlySet<string> = new Set(["predict", "predictProba", "decisionFunction"]);

/** Whether `estimator` can answer `method`: it has the function and, when it is a composite, its child can. */
export function respondsTo(estimator: unknown, method: string): boolean {
  if (estimator === null || typeof estimator !== "object") return false;
  const e = estimator as Record<string, unknown> & Partial<ConditionalMethods>;
  if (typeof e[method] !== "function") return false;
  return typeof e.respondsTo === "function" ? e.respondsTo(method) : true;
}

/**
 * scikit-learn's `is_classifier`, by what the estimator offers: class probabilities or decisions,
 * or else classes (a hard-voting ensemble has no probabilities); a composite's `respondsTo("classes")`
 * says whether its child has them.
 */
export function isClassifier(estimator: unknown): boolean {
  if (respondsTo(estimator, "predictProba") || respondsTo(estimator, "decisionFunction")) return true;
  if (estimator === null || typeof estimator !== "object" || !("classes" in estimator)) return false;
  const e = estimator as Partial<ConditionalMethods>;
  return typeof e.respondsTo === "function" ? e.respondsTo("classes") : true;
}
