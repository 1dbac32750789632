/** The per-column drift methods, with Evidently's registered names. */
export type DriftMethod = "ks" | "chisquare" | "z" | "wasserstein" | "jensenshannon" | "psi" | "kl_div" | "hellinger" | "anderson";
/** How a column is tested: Evidently's numerical and categorical column types. */
export type DriftColumnType = "numerical" | "categorical";

export interface DriftMethodInfo {
  readonly method: DriftMethod;
  /** Evidently's display name. */
  readonly displayName: string;
  /** A p-value (small = drift) or a distance (large = drift). */
  readonly score: "p_value" | "distance";
  readonly defaultThreshold: number;
  /** Evidently's comparison: drift when score ≤ / < / ≥ threshold. */
  readonly rule: "<=" | "<" | ">=";
  readonly types: readonly DriftColumnType[];
}

const BOTH: readonly DriftColumnType[] = ["numerical", "categorical"];

/** Defaults and directions as in Evidently 0.7 (`legacy/calculations/stattests/*.py`). */
export const DRIFT_METHODS: Readonly<Record<DriftMethod, DriftMethodInfo>> = Object.freeze({
  ks: { method: "ks", displayName: "K-S p_value", score: "p_value", defaultThreshold: 0.05, rule: "<=", types: ["numerical"] },
  // Named, chisquare and z are categorical-only as Evidently registers them; only the default
  // choice applies them to numerical columns (Evidently's default path skips the type check).
  chisquare: { method: "chisquare", displayName: "chi-square p_value", score: "p_value", defaultThreshold: 0.05, rule: "<", types: ["categorical"] },
  z: { method: "z", displayName: "Z-test p_value", score: "p_value", defaultThreshold: 0.05, rule: "<", types: ["categorical"] },
  wasserstein: { method: "wasserstein", displayName: "Wasserstein distance (normed)", score: "distance", defaultThreshold: 0.1, rule: ">=", types: ["numerical"] },
  jensenshannon: { method: "jensenshannon", displayName: "Jensen-Shannon distance", score: "distance", defaultThreshold: 0.1, rule: ">=", types: BOTH },
  psi: { method: "psi", displayName: "PSI", score: "distance", defaultThreshold: 0.1, rule: ">=", types: BOTH },
  kl_div: { method: "kl_div", displayName: "Kullback-Leibler divergence", score: "distance", defaultThreshold: 0.1, rule: ">=", types: BOTH },
  hellinger: { method: "hellinger", displayName: "Hellinger distance", score: "distance", defaultThreshold: 0.1, rule: ">=", types: BOTH },
  anderson: { method: "anderson", displayName: "Anderson-Darling", score: "p_value", defaultThreshold: 0.1, rule: "<", types: ["numerical"] },
});

export const DRIFT_METHOD_NAMES = Object.freeze(Object.keys(DRIFT_METHODS) as DriftMethod[]);

/** Whether `score` is drift under the method's rule. */
export function isDrift(method: DriftMethod, score: number, threshold: number): boolean {
  const rule = DRIFT_METHODS[method].rule;
  return rule === "<=" ? score <= threshold : rule === "<" ? score < threshold : score >= threshold;
}

/**
 * Evidently's default method (`_get_default_stattest`): by reference size (non-missing rows),
 * column type and the number of distinct values in reference and current together.
 */
export function defaultDriftMethod(type: DriftColumnType, referenceRows: number, distinctValues: number): DriftMethod {
  if (referenceRows <= 1000) {
    if (type === "numerical" && distinctValues > 5) return "ks";
    return distinctValues > 2 ? "chisquare" : "z";
  }
  if (type === "numerical" && distinctValues > 5) return "wasserstein";
  return "jensenshannon";
}
