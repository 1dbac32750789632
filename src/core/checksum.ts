import type { JsonObject, JsonValue } from "./json.js";

/**
 * A 64-bit digest (two independent 32-bit FNV-1a variants, as 16 hex digits) of a model's
 * params and state, as their JSON text. It lets the loader refuse a document whose numbers were
 * damaged in storage or transit, which no structural check could notice.
 */
export function modelChecksum(params: JsonObject, state: JsonValue): string {
  const [a, b] = textHashes(JSON.stringify([params, state]));
  return hex(a) + hex(b);
}

/** Two independent 32-bit hashes of a text: FNV-1a, and FNV-1a with a murmur multiplier and shift. */
export function textHashes(text: string): [number, number] {
  let a = 0x811c9dc5;
  let b = 0x9747b28c;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
    b ^= b >>> 15;
  }
  return [a, b];
}

function hex(value: number): string {
  return (value >>> 0).toString(16).padStart(8, "0");
}

/**
 * Recomputes a document's checksum, for a model JSON edited on purpose (by hand or by a
 * migration tool). The loader still validates everything else.
 */
export function sealModel<T extends { params: JsonObject; state: JsonObject | null }>(document: T): T & { checksum: string } {
  return { ...document, checksum: modelChecksum(document.params, document.state) };
}
