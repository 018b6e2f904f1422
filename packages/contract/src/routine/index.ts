export * from "./equipment.ts";
export * from "./record-types.ts";
export * from "./schema.ts";
