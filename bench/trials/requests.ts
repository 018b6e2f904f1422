import { randomUUID } from "node:crypto";
import type { Answer, Transport } from "./transport.ts";
import type { Organisation, TrialUser } from "./world.ts";

/** The JSON schema of an OpenAPI document, as far as the trials read it. */
export type Schema = {
  type?: string | string[];
  format?: string;
  enum?: unknown[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  anyOf?: Schema[];
  oneOf?: Schema[];
  minimum?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  minItems?: number;
  default?: unknown;
  nullable?: boolean;
};
type Parameter = { in: "query" | "path"; name: string; schema: Schema; required?: boolean };
export type Operation = {
  method: string;
  /** The route as Fastify registered it (`/api/people/:id`). */
  url: string;
  params: Parameter[];
  body: Schema | null;
};

/** Every operation of the app's OpenAPI document (`/api/docs/json`), keyed as Fastify registered the routes. */
export async function operationsOf(transport: Transport): Promise<Map<string, Operation>> {
  const doc = JSON.parse((await transport.send({ method: "GET", url: "/api/docs/json" })).body) as {
    paths: Record<
      string,
      Record<
        string,
        { parameters?: Parameter[]; requestBody?: { content: Record<string, { schema: Schema }> } }
      >
    >;
  };
  const operations = new Map<string, Operation>();
  for (const [path, methods] of Object.entries(doc.paths)) {
    const url = path.replace(/\{(\w+)\}/g, ":$1").replace(/(.)\/$/, "$1");
    for (const [method, op] of Object.entries(methods)) {
      const content = op.requestBody?.content;
      const body = content ? (Object.values(content)[0]?.schema ?? null) : null;
      operations.set(`${method.toUpperCase()} ${url}`, {
        method: method.toUpperCase(),
        url,
        params: op.parameters ?? [],
        body,
      });
    }
  }
  return operations;
}

/** Names that hold a date or an instant although their schema says only "string". */
export const looksLikeDate = (name: string) =>
  /(date|Date|At$|^at$|^from$|^to$|^on$|^day$|asOf|since|Since|until|Until|^week|^month$)/.test(name);

/** Ids the requests use for a name (`personId`, `:id` after `people`), owned by the caller's organisation. */
export type IdSource = (hint: string, organisation: Organisation) => string;

/** A value the schema accepts, as far as a schema can tell (references to records come from `ids`). */
export function sample(
  schema: Schema,
  name: string,
  org: Organisation,
  ids: IdSource,
  today: string,
): unknown {
  if (schema.default !== undefined && schema.type !== "object") return schema.default;
  const variant = schema.anyOf?.[0] ?? schema.oneOf?.[0];
  if (variant) return sample(variant, name, org, ids, today);
  if (schema.enum) return schema.enum[0];
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== "null") : schema.type;
  switch (type) {
    case "object": {
      const out: Record<string, unknown> = {};
      for (const [key, value] of Object.entries(schema.properties ?? {})) {
        if (!(schema.required ?? []).includes(key) && !/date$|Date$/i.test(key)) continue;
        out[key] = sample(value, key, org, ids, today);
      }
      return out;
    }
    case "array":
      return Array.from({ length: Math.max(1, schema.minItems ?? 0) }, () =>
        sample(schema.items ?? {}, name, org, ids, today),
      );
    case "integer":
    case "number":
      return schema.minimum ?? 1;
    case "boolean":
      return false;
    default:
      if (schema.format === "uuid") return /^id$/.test(name) ? randomUUID() : ids(name, org);
      if (schema.format === "date-time" || /At$|^at$/.test(name)) return `${today}T09:00:00+09:00`;
      if (schema.format === "date" || looksLikeDate(name)) return today;
      if (schema.format === "email") return "trial@example.jp";
      // Text carries the organisation's marker, so the matrix trial can tell whose records an answer shows.
      if (!schema.pattern && (schema.maxLength ?? 100) >= org.marker.length + 3) return `試験 ${org.marker}`;
      if (schema.pattern) {
        const fits = patternSample(schema.pattern, org);
        if (fits) return fits;
      }
      return "試験".padEnd(Math.max(2, schema.minLength ?? 1), "x").slice(0, schema.maxLength ?? 100);
  }
}

/** A text matching a field's pattern (a username's lower-case letters), if one of a few plain shapes does. */
function patternSample(pattern: string, org: Organisation): string | undefined {
  const fresh = randomUUID().slice(0, 8);
  const shapes = [`trial-${org.marker.toLowerCase()}-${fresh}`, `trial${fresh}`, fresh, "A1", "1"];
  const regex = new RegExp(pattern, "u");
  return shapes.find((s) => regex.test(s));
}

/** The path of a route with its parameters filled in. */
export function pathOf(
  op: Operation,
  org: Organisation,
  ids: IdSource,
  override: Record<string, string> = {},
): string {
  const segments = op.url.split("/");
  return segments
    .map((segment, i) => {
      if (!segment.startsWith(":")) return segment;
      const name = segment.slice(1);
      if (override[name] !== undefined) return encodeURIComponent(override[name]!);
      if (name === "facilityId") return org.id;
      if (name === "type") return "humidifier";
      if (name === "entryNo") return "1";
      return ids(name === "id" ? segments[i - 1]! : name, org);
    })
    .join("/");
}

/** A body as the wire carries it: JSON of a value, or exact text with its own content type. */
export class RawBody {
  constructor(
    readonly raw: string | Buffer,
    /** None: the request carries no content type. */
    readonly contentType: string | undefined = "application/json",
  ) {}
}

/**
 * A call of `user`: the body (a value sent as JSON, or a `RawBody`) with the headers Mamori's own page sends, its
 * session cookie, its JSON content type and, over HTTP, the same-origin headers a browser adds.
 */
export async function call(
  transport: Transport,
  user: TrialUser,
  method: string,
  url: string,
  payload?: unknown,
): Promise<Answer> {
  const raw = payload instanceof RawBody ? payload : null;
  const body = payload === undefined ? undefined : raw ? raw.raw : JSON.stringify(payload);
  const contentType = raw ? raw.contentType : "application/json";
  return transport.send({
    method,
    url,
    headers: {
      cookie: user.cookie,
      ...(method === "GET" ? {} : transport.sameOrigin),
      ...(body === undefined || contentType === undefined ? {} : { "content-type": contentType }),
    },
    ...(body === undefined ? {} : { body }),
  });
}
