export * from "./alerts.ts";
export * from "./schema.ts";
