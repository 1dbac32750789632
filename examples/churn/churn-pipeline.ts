// The bank-churn model as the source project builds it with scikit-learn and imbalanced-learn:
// imputation → scaling and encoding → pairwise interactions → SMOTE → a balanced random forest
// whose decision threshold is tuned by 5-fold cross-validation for weighted F2.
import { ColumnTransformer, Pipeline } from "tabkit/compose";
import { RandomForestClassifier } from "tabkit/models";
import { KNNImputer, OneHotEncoder, PolynomialFeatures, PowerTransformer, SimpleImputer, StandardScaler, TargetEncoder } from "tabkit/preprocessing";
import { SMOTE } from "tabkit/sampling";
import { TunedThresholdClassifierCV } from "tabkit/selection";

export const NUMERICAL = ["idade", "saldo_conta", "salario_estimado", "escore_credito"];
export const CATEGORICAL = ["pais", "genero", "cartao_credito"];
export const ORDINAL = ["anos_cliente", "numero_produtos"];
export const FEATURES = [...NUMERICAL, ...CATEGORICAL, ...ORDINAL];
export const ID = "id_cliente";
export const TARGET = "saiu";

export interface ChurnPipelineOptions {
  /** Trees in the forest (the source project uses 1000). */
  nTrees?: number;
  /** Worker threads for the forests when fitted with `fitAsync` and a pool (-1: all). */
  nJobs?: number;
}

export function buildChurnPipeline({ nTrees = 1000, nJobs = -1 }: ChurnPipelineOptions = {}): Pipeline {
  const imputation = new ColumnTransformer({
    transformers: [
      ["numerical", new KNNImputer({ nNeighbors: 10 }), NUMERICAL],
      ["categorical", new SimpleImputer({ strategy: "most_frequent" }), [...CATEGORICAL, ...ORDINAL]],
    ],
    verboseFeatureNamesOut: false,
  });
  const encoding = new ColumnTransformer({
    transformers: [
      ["numerical", new Pipeline({ steps: [["power", new PowerTransformer()], ["scaler", new StandardScaler()]] }), NUMERICAL],
      ["categorical", new OneHotEncoder(), CATEGORICAL],
      ["ordinal", new TargetEncoder({ cv: 10, randomState: 42 }), ORDINAL],
    ],
  });
  const forest = new RandomForestClassifier({
    nEstimators: nTrees,
    criterion: "gini",
    maxDepth: 20,
    minSamplesLeaf: 5,
    minSamplesSplit: 10,
    maxFeatures: "sqrt",
    classWeight: "balanced",
    randomState: 42,
    nJobs,
  });
  return new Pipeline({
    steps: [
      ["imputation", imputation],
      ["encoding", encoding],
      ["interactions", new PolynomialFeatures({ degree: 2, interactionOnly: true, includeBias: false })],
      ["smote", new SMOTE({ randomState: 32, kNeighbors: 10 })],
      ["model", new TunedThresholdClassifierCV({ estimator: forest, scoring: { metric: "fbeta", beta: 2, average: "weighted" }, cv: 5 })],
    ],
  });
}
