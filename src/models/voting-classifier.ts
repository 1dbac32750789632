import { callMethod, checkStepNames, estimatorCheck, type Step } from "../compose/steps.js";
import { runFit, runFitAsync, type FitProcedure } from "../core/child-fit.js";
import { DataError, ValidationError, isTabkitError, type ErrorSite } from "../core/errors.js";
import { Estimator, type LoadContext } from "../core/estimator.js";
import { Frame } from "../core/frame.js";
import { ProgressCounter, type ProgressOptions } from "../core/fit-progress.js";
import type { TableInput } from "../core/input.js";
import type { JsonObject } from "../core/json.js";
import { encodeLabels, toLabels, type Label } from "../core/labels.js";
import { Matrix } from "../core/matrix.js";
import type { AsyncFitOptions } from "../core/parallel.js";
import { arrayOf, nullable, number, oneOf, param, type ParamSchema } from "../core/params.js";
import { isClassifier, respondsTo, type ConditionalMethods } from "../core/responds-to.js";
import type { StateReader } from "../core/state-codec.js";
import { accuracyScore } from "../metrics/accuracy-score.js";
import { encodeClasses, readClasses } from "./class-labels-state.js";
import type { FitOptions } from "./fit-options.js";

/** A named classifier; `"drop"` leaves it out. */
export type VotingMember = readonly [name: string, estimator: Step | "drop"];

export interface VotingClassifierParams {
  /** The classifiers, as `[name, estimator]` pairs. Cloned at fit; the given objects are never fitted. */
  estimators: readonly VotingMember[];
  /** "hard": weighted majority of predicted classes; "soft": argmax of the weighted mean probability. Default "hard". */
  voting: "hard" | "soft";
  /** One non-negative weight per member (dropped ones included), or null for equal weights. */
  weights: readonly number[] | null;
}

const SCHEMA: ParamSchema<VotingClassifierParams> = {
  estimators: param<readonly VotingMember[]>([], (value) => {
    if (!Array.isArray(value)) return "must be an array of [name, estimator] pairs";
    for (const entry of value) {
      if (!Array.isArray(entry) || entry.length !== 2) return "every member must be a [name, estimator] pair";
      const problem = estimatorCheck("drop")(entry[1]);
      if (problem !== undefined) return `member ${JSON.stringify(entry[0])} ${problem}`;
      // tabkit's classifiers have predictProba or decisionFunction; regressors, which cannot vote for a class, neither
      const classifier = respondsTo(entry[1], "fit") && respondsTo(entry[1], "predict") && isClassifier(entry[1]);
      if (entry[1] !== "drop" && !classifier) return `member ${JSON.stringify(entry[0])} (${String((entry[1] as Step).kind)}) must be a classifier (fit, predict, and predictProba or decisionFunction)`;
    }
    return checkStepNames(value.map((entry: VotingMember) => entry[0]), Object.keys(SCHEMA));
  }),
  voting: param<"hard" | "soft">("hard", oneOf("hard", "soft")),
  weights: param<readonly number[] | null>(null, nullable(arrayOf(number({ min: 0 })))),
};

interface VotingClassifierState {
  classes: Label[];
  /** The fitted clones, aligned with params.estimators (null for dropped members). */
  members: (Step | null)[];
}

/**
 * Combines classifiers by vote: scikit-learn's `VotingClassifier`. Members are fitted (as clones)
 * on the class indices 0..K-1 of y, hard votes are weighted counts whose ties go to the lowest
 * class index, and soft votes average the members' probabilities with the weights.
 */
export class VotingClassifier extends Estimator<VotingClassifierParams, VotingClassifierState> implements ConditionalMethods {
  static readonly kind = "VotingClassifier";
  static readonly schemaVersion = 1;

  constructor(params?: Partial<VotingClassifierParams>) {
    super(SCHEMA, params);
  }

  /** Fits a clone of every member; progress: the task "members", and each member's tasks under its name. */
  fit(X: TableInput, y: readonly Label[], options: FitOptions & ProgressOptions = {}): this {
    return runFit(this.fitMembers(X, y, options, "fit"), options);
  }

  /** As `fit` (same result), fitting each member through its `fitAsync` where it has one, with `options.parallel`. */
  async fitAsync(X: TableInput, y: readonly Label[], options: FitOptions & AsyncFitOptions = {}): Promise<this> {
    return runFitAsync(this.fitMembers(X, y, options, "fitAsync"), options, `${this.kind}.fitAsync`);
  }

  private *fitMembers(X: TableInput, y: readonly Label[], options: FitOptions & ProgressOptions, method: string): FitProcedure<this> {
    const site = this.site(method);
    const { estimators, weights } = this.params;
    if (estimators.every(([, member]) => member === "drop")) {
      throw new ValidationError(this.message(method, "needs at least one member that is not \"drop\"; give estimators: [[name, classifier], ...]"), [{ path: "estimators", message: "no active member" }]);
    }
    if (weights !== null && weights.length !== estimators.length) {
      throw new ValidationError(this.message(method, `has ${weights.length} weights for ${estimators.length} estimators`), [{ path: "weights", message: "must have one weight per estimator" }]);
    }
    if (weights !== null && !(this.activeWeights().reduce((a, b) => a + b, 0) > 0)) {
      throw new ValidationError(this.message(method, "the weights of the active members sum to 0"), [{ path: "weights", message: "must not all be 0" }]);
    }
    const noProba = estimators.find(([, member]) => member !== "drop" && this.params.voting === "soft" && !respondsTo(member, "predictProba"));
    if (noProba !== undefined) {
      throw new ValidationError(this.message(method, `member ${JSON.stringify(noProba[0])} has no predictProba, which soft voting needs; use voting: "hard"`), [{ path: "estimators", message: "soft voting needs predictProba" }]);
    }
    const labels = toLabels(y, rowCount(X, site), site);
    const { classes, codes } = encodeLabels(labels);
    // checked here, as members would name the class by its index
    if (classes.length < 2) throw DataError.at(site, `y has a single class (${JSON.stringify(classes[0])}); a classifier needs at least 2 classes`);
    const target = Array.from(codes);
    const progress = new ProgressCounter(options.onProgress, "members", estimators.length);
    const memberOptions = { sampleWeight: options.sampleWeight, onWarning: options.onWarning };
    const members: (Step | null)[] = [];
    for (const [name, member] of estimators) {
      const clone = member === "drop" ? null : (member.clone() as Step);
      if (clone !== null) {
        try {
          yield { child: clone, X, y: target, options: memberOptions, path: [name] };
        } catch (error) {
          throw this.memberError(name, method, error);
        }
        const problem = this.member(name, method, () => classesProblem(clone, classes.length));
        if (problem !== undefined) throw DataError.at(site, `member ${JSON.stringify(name)} ${problem}; members must be classifiers`);
      }
      members.push(clone);
      progress.advance();
    }
    return this.commit({ classes, members });
  }

  /** Whether it can answer `method` (`ConditionalMethods`): `predictProba` with soft voting only, as scikit-learn's. */
  respondsTo(method: string): boolean {
    return method !== "predictProba" || this.params.voting === "soft";
  }

  /** The weighted mean of the members' probabilities (soft voting only). */
  predictProba(X: TableInput): Matrix {
    return this.proba(X, "predictProba");
  }

  /** Soft voting's mean probabilities, errors naming `method`. */
  private proba(X: TableInput, method: string): Matrix {
    const state = this.fitted(method);
    if (this.params.voting !== "soft") {
      throw new ValidationError(this.message("predictProba", 'is not available when voting is "hard"; use voting: "soft"'), [{ path: "voting", message: 'must be "soft" for predictProba' }]);
    }
    const K = state.classes.length;
    const weights = this.activeWeights();
    let sum: Float64Array | undefined;
    let rows = 0;
    this.activeMembers(state).forEach(([name, member], m) => {
      const proba = this.member(name, method, () => callMethod<Matrix>(member, "predictProba", X));
      if (proba.cols !== K) throw DataError.at(this.site(method), `member "${name}" gives ${proba.cols} probability columns for ${K} classes`);
      if (sum === undefined) {
        rows = proba.rows;
        sum = new Float64Array(rows * K);
      }
      const w = this.params.weights === null ? 1 : weights[m];
      for (let t = 0; t < sum.length; t++) sum[t] += this.params.weights === null ? proba.data[t] : w * proba.data[t];
    });
    // numpy's average: the plain sum over members divided by their count, or by the weight total.
    const scale = this.params.weights === null ? weights.length : weights.reduce((a, b) => a + b, 0);
    const out = sum!;
    for (let t = 0; t < out.length; t++) out[t] /= scale;
    return new Matrix(out, rows, K);
  }

  /** The class with the most (weighted) votes, or the highest mean probability with soft voting. */
  predict(X: TableInput): Label[] {
    const state = this.fitted("predict");
    const K = state.classes.length;
    let scores: Float64Array;
    if (this.params.voting === "soft") {
      scores = this.proba(X, "predict").data;
    } else {
      const weights = this.activeWeights();
      let votes: Float64Array | undefined;
      this.activeMembers(state).forEach(([name, member], m) => {
        const predicted = this.member(name, "predict", () => callMethod<readonly Label[]>(member, "predict", X));
        votes ??= new Float64Array(predicted.length * K);
        for (let i = 0; i < predicted.length; i++) {
          const k = predicted[i];
          if (typeof k !== "number" || !Number.isInteger(k) || k < 0 || k >= K) throw DataError.at(this.site("predict", undefined, i), `member "${name}" predicted ${JSON.stringify(k)}, not a class index`);
          votes[i * K + k] += weights[m];
        }
      });
      scores = votes!;
    }
    const rows = scores.length / K;
    const out = new Array<Label>(rows);
    for (let i = 0; i < rows; i++) {
      let best = 0;
      for (let k = 1; k < K; k++) if (scores[i * K + k] > scores[i * K + best]) best = k;
      out[i] = state.classes[best];
    }
    return out;
  }

  /** Mean accuracy of `predict(X)` against y (scikit-learn's `score`), optionally weighted. */
  score(X: TableInput, y: readonly Label[], options: { sampleWeight?: ArrayLike<number> } = {}): number {
    return accuracyScore(y, this.predict(X), { sampleWeight: options.sampleWeight });
  }

  get classes(): Label[] {
    return [...this.fitted("classes").classes];
  }

  /** The fitted members by name (dropped ones left out). */
  get namedEstimators(): Record<string, Step> {
    return Object.fromEntries(this.activeMembers(this.fitted("namedEstimators")));
  }

  /** The fitted member called `name` (a clone of the one given in params). */
  estimator<T extends Step = Step>(name: string): T {
    const state = this.fitted("estimator");
    const index = this.params.estimators.findIndex(([memberName]) => memberName === name);
    const member = index < 0 ? null : state.members[index];
    if (member === null) {
      const names = this.activeMembers(state).map(([n]) => JSON.stringify(n));
      throw new DataError(this.message("estimator", `no fitted member named ${JSON.stringify(name)}; members are ${names.join(", ")}`));
    }
    return member as T;
  }

  /** [name, fitted member] of every member not dropped, in params order. */
  private activeMembers(state: VotingClassifierState): [string, Step][] {
    const out: [string, Step][] = [];
    state.members.forEach((member, i) => {
      if (member !== null) out.push([this.params.estimators[i][0], member]);
    });
    return out;
  }

  /** The weights of the members not dropped (1 each without weights). */
  private activeWeights(): number[] {
    const { estimators, weights } = this.params;
    const out: number[] = [];
    estimators.forEach(([, member], i) => {
      if (member !== "drop") out.push(weights === null ? 1 : weights[i]);
    });
    return out;
  }

  /** Runs a member's method; its DataErrors are re-raised naming this estimator and the member. */
  private member<T>(name: string, method: string, action: () => T): T {
    try {
      return action();
    } catch (error) {
      throw this.memberError(name, method, error);
    }
  }

  /** A member's DataError, renamed to say which member failed; other errors unchanged. */
  private memberError(name: string, method: string, error: unknown): unknown {
    if (!isTabkitError(error, "DATA_ERROR")) return error;
    return new DataError(this.message(method, `member "${name}": ${error.message}`), { column: error.column, row: error.row, cause: error });
  }

  protected encodeState(state: VotingClassifierState): JsonObject {
    return {
      classes: encodeClasses(state.classes),
      members: state.members.map((member) => (member === null ? null : (member.toJSON() as unknown as JsonObject))),
    };
  }

  protected decodeState(reader: StateReader, context: LoadContext): VotingClassifierState {
    const classes = readClasses(reader, "classes");
    const stored = reader.raw("members");
    const specs = this.params.estimators;
    if (!Array.isArray(stored) || stored.length !== specs.length) reader.fail("members", `must be an array of ${specs.length} member documents`);
    const members = stored.map((doc, i) => {
      const spec = specs[i][1];
      if (spec === "drop") {
        if (doc !== null) reader.fail(`members[${i}]`, 'must be null for a "drop" member');
        return null;
      }
      const member = context.load(doc, `${this.kind}.state.members[${i}]`) as Step;
      if (member.kind !== spec.kind) reader.fail(`members[${i}]`, `is a ${member.kind} but params declare a ${spec.kind}`);
      if (!member.isFitted) reader.fail(`members[${i}]`, "is not fitted");
      const problem = classesProblem(member, classes.length);
      if (problem !== undefined) reader.fail(`members[${i}]`, problem);
      return member;
    });
    // members are fitted on the same X, so those that know their columns know the same ones
    let first: { index: number; names: string } | undefined;
    members.forEach((member, i) => {
      if (member === null || !("featureNamesIn" in member)) return;
      const names = JSON.stringify((member as unknown as { featureNamesIn: string[] }).featureNamesIn);
      first ??= { index: i, names };
      if (names !== first.names) reader.fail(`members[${i}]`, `was fitted on the columns ${names}, but members[${first.index}] on ${first.names}`);
    });
    return { classes, members };
  }
}

/** Why a fitted member cannot vote on `nClasses` classes (it was not fitted on the class indices 0..K-1), or undefined. */
function classesProblem(member: Step, nClasses: number): string | undefined {
  const classes = (member as unknown as { classes?: unknown }).classes;
  const codes = Array.from({ length: nClasses }, (_, k) => k);
  return classes === undefined || JSON.stringify(classes) === JSON.stringify(codes) ? undefined : `was not fitted on the class indices 0..${nClasses - 1}`;
}

function rowCount(X: TableInput, site: ErrorSite): number {
  if (X instanceof Matrix) return X.rows;
  if (X instanceof Frame) return X.nRows;
  if (Array.isArray(X)) return X.length;
  throw DataError.at(site, "expected a Frame, records, a Matrix or an array of number arrays");
}
