import type { Frame } from "./frame.js";
import type { Matrix } from "./matrix.js";

/** The public face every transformer shares, so composites can hold any of them. */
export interface TransformerLike {
  fit(X: unknown, y?: unknown): unknown;
  transform(X: unknown): Frame | Matrix;
  fitTransform(X: unknown, y?: unknown): Frame | Matrix;
  featureNamesOut(): string[];
}
