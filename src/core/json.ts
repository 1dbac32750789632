/** A value that JSON can hold. */
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

/** The document every saved model is. `state` is null for an unfitted model. */
export interface ModelJSON {
  format: "tabkit/model";
  schemaVersion: number;
  libraryVersion: string;
  kind: string;
  params: JsonObject;
  state: JsonObject | null;
  /** Digest of params and state (see `modelChecksum`); the loader refuses a mismatch. */
  checksum: string;
}

export const MODEL_FORMAT = "tabkit/model";
