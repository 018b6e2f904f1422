export * from "./people.ts";
export * from "./symptoms.ts";
export * from "./temperature.ts";
