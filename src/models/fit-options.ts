/** Options of a model's `fit`. */
export interface FitOptions {
  /** One non-negative weight per row. */
  sampleWeight?: ArrayLike<number>;
  /** Receives warnings such as non-convergence (scikit-learn's ConvergenceWarning); they never throw. */
  onWarning?: (message: string) => void;
}
