import { param, type ParamSchema } from "../core/params.js";
import { expandGrid, paramGridCheck, type ParamGrid } from "./parameter-grid.js";
import { SearchCV, type SearchParams } from "./search-cv.js";
import { SEARCH_SCHEMA } from "./search-params.js";

export interface GridSearchCVParams extends SearchParams {
  /** Param paths (`"clf__maxDepth"`) to candidate lists; a list of such records is searched in turn. */
  paramGrid: ParamGrid | readonly ParamGrid[];
}

const SCHEMA: ParamSchema<GridSearchCVParams> = {
  ...SEARCH_SCHEMA,
  paramGrid: param<ParamGrid | readonly ParamGrid[]>({}, paramGridCheck),
};

/**
 * scikit-learn's `GridSearchCV`: every point of the grid (keys sorted, last fastest) on every
 * CV split; `cvResults`, `bestParams`, `bestScore`, and `bestEstimator` refitted on all data.
 */
export class GridSearchCV extends SearchCV<GridSearchCVParams> {
  static readonly kind = "GridSearchCV";
  static readonly schemaVersion = 1;

  constructor(params?: Partial<GridSearchCVParams>) {
    super(SCHEMA, params);
  }

  protected candidates(): Record<string, unknown>[] {
    return expandGrid(this.params.paramGrid);
  }
}
