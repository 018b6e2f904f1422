import { randomUUID } from "node:crypto";
import { looksLikeDate, RawBody, type Schema } from "./requests.ts";

/**
 * The classes of bad input the fuzz trial sends: per field of a body by its type, per query and path parameter, and
 * per body as a whole. Each is a value a client could send; none may answer 5xx.
 */

/** A value JSON.stringify cannot write as such (1e309, -0): the body carries this text in its place. */
export class RawJson {
  constructor(readonly text: string) {}
}
export type FieldInput = { kind: string; value: unknown };

export const ONE_MB = 1_000_000;
const MB_STRING = "x".repeat(ONE_MB);
const TEN_MB_BODY = `{"a":"${"x".repeat(10 * ONE_MB)}"}`;

const WRONG_TYPES: FieldInput[] = [
  { kind: "null", value: null },
  { kind: "object", value: { a: 1 } },
];

const TEXTS: FieldInput[] = [
  { kind: "number", value: 12345 },
  { kind: "boolean", value: true },
  { kind: "array", value: ["a"] },
  { kind: "NUL", value: "a\u0000b" },
  { kind: "lone high surrogate", value: "a\ud800b" },
  { kind: "lone low surrogate", value: "a\udc00b" },
  { kind: "1 MB string", value: MB_STRING },
  { kind: "20,001 characters", value: "y".repeat(20_001) },
  { kind: "control characters", value: "a\u0001\u0008\u001b[31m\u007f\u0085b" },
  { kind: "RTL override", value: "\u202eabc\u202c\u200f" },
  { kind: "zero-width", value: "a\u200b\u200c\u200d\u2060\ufeffb" },
  { kind: "empty", value: "" },
  { kind: "blank", value: " \t\n " },
  { kind: "astral characters", value: "𠮷野家😀" },
];

/** Dates and instants that do not exist, are out of range, or are the other of the two. */
const DATES = [
  "0000-01-01",
  "2026-13-01",
  "2026-01-32",
  "2026-02-29",
  "2026-02-30",
  "9999-12-31",
  "-000001-01-01",
  "2026-1-2",
  "9999-12-31T23:59:59Z",
  "0000-01-01T00:00:00Z",
  "+275760-09-13T00:00:00Z",
  "2026-01-20T09:00:00+14:00",
  "2026-01-20T09:00:00-12:00",
  "2026-01-20T09:00:00+15:00",
  "2026-01-20T24:00:00Z",
  "2026-01-20T09:00:00",
  "2026-01-20",
  "2026-01-20T09:00:00.123456789Z",
  "09:00",
];

const NUMBERS: FieldInput[] = [
  { kind: "string", value: "abc" },
  { kind: "numeric string", value: "12" },
  { kind: "NaN string", value: "NaN" },
  { kind: "Infinity string", value: "Infinity" },
  { kind: "1e309", value: new RawJson("1e309") },
  { kind: "-1e309", value: new RawJson("-1e309") },
  { kind: "-0", value: new RawJson("-0") },
  { kind: "1e308", value: 1e308 },
  { kind: "2^53+1", value: new RawJson("9007199254740993") },
  { kind: "huge integer", value: new RawJson("123456789012345678901234567890") },
  { kind: "decimal", value: 1.5 },
  { kind: "tiny decimal", value: new RawJson("1.0000000000000000000001") },
  { kind: "negative", value: -1 },
  { kind: "boolean", value: true },
];

const BOOLEANS: FieldInput[] = [
  { kind: "string", value: "true" },
  { kind: "number", value: 1 },
];

const ARRAYS: FieldInput[] = [
  { kind: "string", value: "abc" },
  { kind: "empty array", value: [] },
  { kind: "10,000 nulls", value: Array.from({ length: 10_000 }, () => null) },
  { kind: "nested arrays", value: [[[["a"]]]] },
];

/** The type a schema gives a field (the first non-null one). */
export function typeOf(schema: Schema): string | undefined {
  return Array.isArray(schema.type) ? schema.type.find((t) => t !== "null") : schema.type;
}

export const isDateField = (schema: Schema, name: string) =>
  schema.format === "date" || schema.format === "date-time" || looksLikeDate(name);

/** The bad values of one field of a body, by its type. */
export function fieldInputs(schema: Schema, name: string): FieldInput[] {
  const type = typeOf(schema);
  if (type === "array") return [...WRONG_TYPES, ...ARRAYS];
  if (type === "number" || type === "integer") return [...WRONG_TYPES, ...NUMBERS];
  if (type === "boolean") return [...WRONG_TYPES, ...BOOLEANS];
  if (type === "object") return [...WRONG_TYPES, { kind: "string", value: "abc" }];
  const dates = isDateField(schema, name) ? DATES.map((d) => ({ kind: `date ${d}`, value: d })) : [];
  return [...WRONG_TYPES, ...TEXTS, ...dates];
}

/** Query values as they appear in a URL (percent-encoded where a browser would encode). */
export function queryInputs(name: string, schema: Schema): string[] {
  const values = [
    "%00",
    "a%00b",
    "%ED%A0%80", // a lone high surrogate as UTF-8 would write it (CESU)
    "%ED%B0%80", // a lone low surrogate
    "%F0", // a cut UTF-8 sequence
    "%",
    "%zz",
    "x".repeat(5_000),
    "x".repeat(ONE_MB),
    "a%01%1B%7Fb",
    "%E2%80%AEabc",
    "a%E2%80%8Bb",
    "",
    "abc",
    "-1",
    "-0",
    "1.5",
    "1e999",
    "NaN",
    "99999999999999999999",
  ];
  if (isDateField(schema, name)) values.push(...DATES.map(encodeURIComponent));
  return values;
}

export const PATH_INPUTS = [
  "%00",
  "0000",
  "%ED%A0%80",
  "%ED%B0%80",
  "%01",
  "%E2%80%AE",
  "%2F",
  "..",
  "x".repeat(300),
  "x".repeat(100_000),
  randomUUID(),
  randomUUID().toUpperCase(),
  "-1",
];

/** Nested `depth` times: `{"a":{"a":…}}`. */
const nested = (depth: number) => `${'{"a":'.repeat(depth)}1${"}".repeat(depth)}`;

/** Bodies as a whole, built around a valid body's JSON. `mustRefuse` marks the classes that must not be accepted. */
export function bodyInputs(valid: string): { kind: string; body: unknown; mustRefuse?: boolean }[] {
  return [
    { kind: "empty with JSON type", body: new RawBody(""), mustRefuse: true },
    { kind: "no body", body: new RawBody("", undefined) },
    { kind: "{}", body: {} },
    { kind: "unknown field", body: { zzUnknown: 1 } },
    { kind: "array", body: [] },
    { kind: "array of the valid body", body: new RawBody(`[${valid}]`), mustRefuse: true },
    { kind: "string", body: "text", mustRefuse: true },
    { kind: "number", body: 42, mustRefuse: true },
    { kind: "null", body: null, mustRefuse: true },
    { kind: "NUL key", body: { "a\u0000": 1 } },
    { kind: "lone surrogate key", body: new RawBody('{"a\\ud800":1}') },
    // Objects nested 1,000 deep under an unknown key: a schema may drop the key and accept the rest.
    { kind: "nested depth 1,000", body: new RawBody(nested(1_000)) },
    {
      kind: "arrays nested 1,000",
      body: new RawBody(`${"[".repeat(1_000)}${"]".repeat(1_000)}`),
      mustRefuse: true,
    },
    { kind: "broken JSON", body: new RawBody(valid.slice(0, -1)), mustRefuse: true },
    { kind: "JSON with a BOM", body: new RawBody(`\ufeff${valid}`) },
    { kind: "text/plain (CSRF)", body: new RawBody(valid, "text/plain"), mustRefuse: true },
    {
      kind: "form-urlencoded (CSRF)",
      body: new RawBody("a=1", "application/x-www-form-urlencoded"),
      mustRefuse: true,
    },
    {
      kind: "multipart (CSRF)",
      body: new RawBody(valid, "multipart/form-data; boundary=x"),
      mustRefuse: true,
    },
    { kind: "XML", body: new RawBody("<a/>", "application/xml"), mustRefuse: true },
    { kind: "JSON as latin1", body: new RawBody(valid, "application/json; charset=latin1") },
    { kind: "10 MB body", body: new RawBody(TEN_MB_BODY), mustRefuse: true },
    { kind: "duplicate keys", body: new RawBody(valid.replace(/^\{/, '{"zz":1,"zz":2,')) },
  ];
}

/**
 * A valid body's JSON with one field set: `value` as JSON, or a RawJson's text. `duplicate` writes the field twice,
 * the bad value first ("first") or last ("last"), the valid one in the other place (a JSON parser keeps the last).
 */
export function bodyWithField(
  valid: unknown,
  path: (string | number)[],
  value: unknown,
  duplicate?: "first" | "last",
): RawBody {
  const SLOT = `__fuzz_slot_${randomUUID()}__`;
  const text = (v: unknown) => (v instanceof RawJson ? v.text : JSON.stringify(v));
  if (duplicate && path.length === 1 && valid && typeof valid === "object" && !Array.isArray(valid)) {
    const key = JSON.stringify(path[0]);
    const rest = JSON.stringify(valid).slice(1, -1);
    const good = JSON.stringify((valid as Record<string, unknown>)[path[0] as string] ?? "a");
    const parts =
      duplicate === "first"
        ? [`${key}:${text(value)}`, rest || `${key}:${good}`]
        : [rest || `${key}:${good}`, `${key}:${text(value)}`];
    return new RawBody(`{${parts.join(",")}}`);
  }
  const body = JSON.stringify(withValue(valid, path, SLOT));
  return new RawBody(body.replace(JSON.stringify(SLOT), () => text(value)));
}

function withValue(base: unknown, path: (string | number)[], value: unknown): unknown {
  if (path.length === 0) return value;
  const [head, ...rest] = path;
  if (typeof head === "number") {
    const list = Array.isArray(base) ? [...base] : [];
    list[head] = withValue(list[head], rest, value);
    return list;
  }
  const object = base && typeof base === "object" && !Array.isArray(base) ? { ...(base as object) } : {};
  const record = object as Record<string, unknown>;
  record[head!] = withValue(record[head!], rest, value);
  return object;
}
