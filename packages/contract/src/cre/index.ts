export * from "./responses.ts";
export * from "./schema.ts";
