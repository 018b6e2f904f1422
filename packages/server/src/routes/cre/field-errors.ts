import { CRE_DRUG_KEYS } from "@mamori/domain/cre";
import type { FastifyRequest } from "fastify";
import type { z } from "zod";
import { type FieldError, formatPath, validationFailed } from "../../errors.ts";

const DRUG_KEY_MESSAGE = `unknown drug key; known drug keys: ${CRE_DRUG_KEYS.join(", ")}`;

/**
 * Every problem of a failed parse as field errors, paths as clients write them (`isolate.mic.meropenem`). An unknown
 * key is named itself (`isolate.mic.meropenum`), with the known drug keys when it sits in a MIC or zone map.
 */
export function zodFieldErrors(error: z.ZodError, prefix: readonly PropertyKey[] = []): FieldError[] {
  const fields: FieldError[] = [];
  for (const issue of error.issues) {
    const path = [...prefix, ...issue.path];
    if (issue.code === "unrecognized_keys") {
      const parent = path.at(-1);
      const message = parent === "mic" || parent === "zoneMm" ? DRUG_KEY_MESSAGE : "unknown field";
      for (const key of issue.keys) fields.push({ path: formatPath([...path, key]), message });
    } else {
      fields.push({ path: formatPath(path) || "body", message: issue.message });
    }
  }
  const seen = new Set<string>();
  return fields.filter((f) => {
    const key = `${f.path}\u0000${f.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Parses a value or throws a 400 that names every bad field; nothing after it runs, so nothing is saved. */
export function parseOrThrow<S extends z.ZodType>(
  schema: S,
  value: unknown,
  prefix: readonly PropertyKey[] = [],
): z.output<S> {
  const result = schema.safeParse(value);
  if (!result.success) throw validationFailed(zodFieldErrors(result.error, prefix));
  return result.data;
}

type RequestParts = { params?: z.ZodType; querystring?: z.ZodType; body?: z.ZodType };

/**
 * Routes of this feature declare their zod schemas (for validation and the OpenAPI description) with
 * `attachValidation`, so that a failure comes here and is answered with every field named the way the CRE rules name
 * them, instead of fastify's first-issue message.
 */
export function rejectInvalid(request: FastifyRequest, parts: RequestParts): void {
  if (!request.validationError) return;
  const fields: FieldError[] = [];
  const check = (schema: z.ZodType | undefined, value: unknown, where: string) => {
    if (!schema) return;
    const result = schema.safeParse(value);
    if (!result.success) {
      const found = zodFieldErrors(result.error);
      fields.push(...found.map((f) => (where === "body" ? f : { ...f, path: `${where}.${f.path}` })));
    }
  };
  check(parts.params, request.params, "params");
  check(parts.querystring, request.query, "query");
  check(parts.body, request.body, "body");
  throw validationFailed(
    fields.length > 0 ? fields : [{ path: "body", message: request.validationError.message }],
  );
}
