import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type {
  Questionnaire,
  QuestionnaireItem,
  QuestionnaireResponse,
  QuestionnaireResponseItem,
} from "./types.ts";

/** A copy of an HL7 SDC example kept in `fixtures/sdc/` (byte for byte from the guide's `input/examples/`). */
export function sdcFixture(name: string): Record<string, unknown> {
  const url = new URL(`./fixtures/sdc/${name}`, import.meta.url);
  return JSON.parse(readFileSync(fileURLToPath(url), "utf8")) as Record<string, unknown>;
}

export function questionnaire(items: QuestionnaireItem[], extra: Partial<Questionnaire> = {}): Questionnaire {
  return {
    resourceType: "Questionnaire",
    status: "active",
    url: "urn:test",
    version: "1",
    item: items,
    ...extra,
  };
}

export function response(items: QuestionnaireResponseItem[]): QuestionnaireResponse {
  return { resourceType: "QuestionnaireResponse", status: "in-progress", item: items };
}
