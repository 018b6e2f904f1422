/**
 * A random UUID (version 4) made on the device for each new entry. `crypto.randomUUID` exists only on secure pages
 * (HTTPS or localhost); a tablet that reaches the server by its LAN address over plain HTTP still has
 * `crypto.getRandomValues`, from which the same kind of id is built.
 */
export function newId(): string {
  const c = globalThis.crypto;
  if (typeof c.randomUUID === "function") return c.randomUUID();
  const bytes = c.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
