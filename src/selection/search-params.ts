import { anyOf, boolean, integer, nullable, oneOf, param, string, type ParamCheck, type ParamSchema } from "../core/params.js";
import { estimatorCheck } from "../compose/steps.js";
import { cvCheck } from "./check-cv.js";
import { scoringCheck } from "./scoring.js";
import type { SearchParams } from "./search-cv.js";

/** Param check for one scorer, a list of them, or a record of named scorers. */
export const multiScoringCheck: ParamCheck = (value) => {
  if (value === null) return undefined;
  if (Array.isArray(value)) {
    for (const item of value) {
      const problem = scoringCheck(item);
      if (problem !== undefined) return problem;
    }
    return value.length === 0 ? "must not be an empty list" : undefined;
  }
  if (value !== null && typeof value === "object" && !("metric" in value)) {
    for (const item of Object.values(value)) {
      const problem = scoringCheck(item);
      if (problem !== undefined) return problem;
    }
    return Object.keys(value).length === 0 ? "must not be an empty record" : undefined;
  }
  return scoringCheck(value);
};

/** The schema entries shared by GridSearchCV and RandomizedSearchCV. */
export const SEARCH_SCHEMA: ParamSchema<SearchParams> = {
  estimator: param(null, nullable(estimatorCheck())),
  scoring: param(null, multiScoringCheck),
  refit: param(true, anyOf(boolean(), string())),
  cv: param(null, cvCheck({ allowNull: true })),
  nJobs: param(null, nullable(integer())),
  returnTrainScore: param(false, boolean()),
  errorScore: param(NaN, anyOf(oneOf("raise"), (v) => (typeof v === "number" ? undefined : "must be a number (NaN allowed) or \"raise\""))),
};

