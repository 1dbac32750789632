import { describe, expect, it, vi } from "vitest";
import type { PolynomialFeatures } from "tabkit/preprocessing";
import type { TunedThresholdClassifierCV } from "tabkit/selection";
import { readDataFile } from "../../test/helpers/fixtures.js";
import { buildChurnPipeline } from "./churn-pipeline.js";
import { readCustomers } from "./customers.js";
import { churnScores, scoreCustomers } from "./scoring.js";

describe("scoreCustomers", () => {
  it("sets aside every row the model cannot score, then runs the forest once", () => {
    const training = readCustomers(readDataFile("bank_churn/dados_treino.csv"), null, "dados_treino.csv", "required");
    const pipeline = buildChurnPipeline({ nTrees: 3, nJobs: 1 }).fit(training.features, training.labels);
    const [header, ...lines] = readDataFile("bank_churn/dados_novos_1.csv").trim().split(/\r?\n/);
    const rows = lines.slice(0, 20).map((line) => line.split(","));
    // too large for float32 once transformed (the forest refuses them), and one the power transform refuses
    for (const r of [2, 5, 8, 11, 14, 17]) rows[r][header.split(",").indexOf("escore_credito")] = "1e40";
    rows[19][header.split(",").indexOf("saldo_conta")] = "-1e300";
    const batch = readCustomers([header, ...rows.map((row) => row.join(","))].join("\n"), null, "novos.csv", "ignored");
    const model = pipeline.step<TunedThresholdClassifierCV>("model");
    const forestCalls = vi.spyOn(model.estimator as unknown as { predictProba(X: unknown): unknown }, "predictProba");
    const transformCalls = vi.spyOn(pipeline.step<PolynomialFeatures>("interactions"), "transform");

    const scored = scoreCustomers(pipeline, batch);
    // the first pass stops in the power transform, so the last transform and the forest run once
    expect([transformCalls.mock.calls.length, forestCalls.mock.calls.length]).toEqual([1, 1]);
    expect(scored.batch.ids).toHaveLength(13);
    expect(scored.probability).toHaveLength(13);
    forestCalls.mockRestore();
    // the same probabilities and labels as the whole pipeline gives for the rows kept
    expect(Array.from(scored.probability)).toEqual(Array.from(pipeline.predictProba(scored.batch.features).column(1)));
    expect(scored.predicted).toEqual(pipeline.predict(scored.batch.features));
    expect(scored.batch.problems.map((p) => [p.line, p.column, p.value])).toEqual([
      ...[4, 7, 10, 13, 16, 19].map((line) => [line, "escore_credito", "1e+40"]),
      [21, "saldo_conta", "-1e+300"],
    ]);
    expect(scored.batch.problems[0].message).toMatch(/^the model cannot score it: value \S+ is too large for float32/);
    expect(scored.batch.problems[6].message).toMatch(/^the model cannot score it: the power transform of column "saldo_conta" overflows to -Infinity; it cannot be standardized$/);
  });

  it("churnScores gives the pipeline's probabilities and labels with one pass of the forest", () => {
    const training = readCustomers(readDataFile("bank_churn/dados_treino.csv"), null, "dados_treino.csv", "required");
    const pipeline = buildChurnPipeline({ nTrees: 3, nJobs: 1 }).fit(training.features, training.labels);
    const X = readCustomers(readDataFile("bank_churn/dados_novos_1.csv"), null, "novos.csv", "ignored").features;
    const forestCalls = vi.spyOn(pipeline.step<TunedThresholdClassifierCV>("model").estimator as unknown as { predictProba(X: unknown): unknown }, "predictProba");
    const scores = churnScores(pipeline, X);
    expect(forestCalls.mock.calls.length).toBe(1);
    forestCalls.mockRestore();
    expect(Array.from(scores.probability)).toEqual(Array.from(pipeline.predictProba(X).column(1)));
    expect(scores.predicted).toEqual(pipeline.predict(X));
  });
});
