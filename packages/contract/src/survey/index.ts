export * from "./questionnaire-response.ts";
export * from "./responses.ts";
export * from "./schema.ts";
