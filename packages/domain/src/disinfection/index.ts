export * from "./dilution.ts";
export * from "./sources.ts";
export * from "./tables.ts";
export * from "./uses.ts";
