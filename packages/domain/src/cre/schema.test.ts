import { describe, expect, it } from "vitest";
import { creCaseSchema, creIsolateSchema, formatFirstIssue, parseAvailability } from "./schema.ts";

// Bad input of issue 5 and contracts/cre-advise.md: unknown drug keys, strings that are not MICs, zones out of range,
// unknown organisms (with the nearest names) — each an error that names the field.
const isolate = {
  organism: "Escherichia coli",
  specimen: { type: "urine", sterileSite: false },
  mic: { meropenem: "≤0.25" },
  standard: { body: "CLSI", edition: "M100-Ed35" },
};
const validCase = { isolate, infection: { site: "urinary", urinaryType: "cystitis", causative: true } };

function firstError(
  input: unknown,
  schema: typeof creCaseSchema | typeof creIsolateSchema = creCaseSchema,
): string {
  const result = schema.safeParse(input);
  if (result.success) throw new Error("expected a failure");
  return formatFirstIssue(result.error);
}

describe("case schema", () => {
  it("accepts the minimal urinary case (severity may be absent) and fills defaults", () => {
    const parsed = creCaseSchema.parse(validCase);
    expect(parsed).toMatchObject({ cefiderocolOrdered: false, isolate: { zoneMm: {}, carbapenemase: {} } });
  });

  it("names an unknown drug key", () => {
    expect(firstError({ ...validCase, isolate: { ...isolate, mic: { meropenum: "4" } } })).toMatch(
      /^isolate\.mic\.meropenum: unknown drug key; known drug keys: meropenem, /,
    );
    expect(firstError({ ...validCase, isolate: { ...isolate, zoneMm: { mero: 20 } } })).toMatch(
      /^isolate\.zoneMm\.mero: unknown drug key/,
    );
  });

  it("names an MIC string that is not an MIC", () => {
    expect(firstError({ ...validCase, isolate: { ...isolate, mic: { meropenem: "S" } } })).toBe(
      'isolate.mic.meropenem: "S" is not an MIC (a number in mg/L, optionally behind ≤ < ≥ >)',
    );
    expect(
      firstError({ ...validCase, isolate: { ...isolate, mic: { trimethoprim_sulfamethoxazole: "2/38" } } }),
    ).toMatch(/^isolate\.mic\.trimethoprim_sulfamethoxazole: "2\/38" is a ratio/);
  });

  it("names zones out of range (6–50 mm) or not whole millimetres", () => {
    expect(firstError({ ...validCase, isolate: { ...isolate, zoneMm: { meropenem: 5 } } })).toBe(
      "isolate.zoneMm.meropenem: zone out of range: expected 6–50 mm",
    );
    expect(firstError({ ...validCase, isolate: { ...isolate, zoneMm: { meropenem: 51 } } })).toMatch(
      /out of range/,
    );
    expect(firstError({ ...validCase, isolate: { ...isolate, zoneMm: { meropenem: 22.5 } } })).toMatch(
      /whole number/,
    );
    expect(
      firstError({
        ...validCase,
        isolate: { ...isolate, carbapenemase: { mCIM: { zoneMm: 70, pinpointColonies: false } } },
      }),
    ).toMatch(/^isolate\.carbapenemase\.mCIM\.zoneMm: zone out of range/);
  });

  it("names an unknown organism and offers the nearest names", () => {
    // Levenshtein distances from "eschericia colli" (fastest-levenshtein): Escherichia coli 2, Escherichia 7, Leclercia 10.
    expect(firstError({ ...validCase, isolate: { ...isolate, organism: "Eschericia colli" } })).toBe(
      'isolate.organism: unknown organism "Eschericia colli"; nearest names: Escherichia coli, Escherichia, Leclercia',
    );
  });

  it("names an unknown breakpoint edition with the known ones", () => {
    expect(
      firstError({ ...validCase, isolate: { ...isolate, standard: { body: "CLSI", edition: "M100-S22" } } }),
    ).toBe('isolate.standard.edition: no CLSI breakpoint table "M100-S22"; known: M100-Ed35');
  });

  it("requires urinaryType for urinary infection and severity for non-urinary infection", () => {
    expect(firstError({ ...validCase, infection: { site: "urinary", urinaryType: null } })).toMatch(
      /^infection\.urinaryType:/,
    );
    expect(firstError({ ...validCase, infection: { site: "lung", urinaryType: null } })).toMatch(
      /^severity:/,
    );
  });

  it("names unknown enzyme codes with their array index", () => {
    expect(
      firstError({
        ...validCase,
        isolate: { ...isolate, carbapenemase: { pcr: { genes: ["IMP", "GES"] } } },
      }),
    ).toMatch(/^isolate\.carbapenemase\.pcr\.genes\[1\]: expected one of KPC, OXA48, VIM, IMP, NDM/);
  });

  it("rejects unknown fields (a typo is not silently ignored)", () => {
    expect(firstError({ ...validCase, consultaton: { idPhysicianOrAst: true } })).toBe(
      "consultaton: unknown field",
    );
  });

  it("validates an isolate on its own, for the entry screen", () => {
    expect(creIsolateSchema.safeParse(isolate).success).toBe(true);
    expect(firstError({ ...isolate, mic: { imipenem: ">>8" } }, creIsolateSchema)).toMatch(/^mic\.imipenem:/);
  });
});

describe("availability", () => {
  it("accepts an array or { drugs }, and names unknown keys by index", () => {
    expect(parseAvailability(["levofloxacin"]).data).toEqual(["levofloxacin"]);
    expect(parseAvailability({ drugs: ["cefiderocol"] }).data).toEqual(["cefiderocol"]);
    const bad = parseAvailability(["levofloxacin", "relebactam"]);
    expect(bad.success).toBe(false);
    if (!bad.success) expect(formatFirstIssue(bad.error)).toMatch(/^\[1\]: unknown drug key/);
  });
});
