export * from "./questionnaire-response.ts";
export * from "./schema.ts";
