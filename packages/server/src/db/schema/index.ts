export * from "./audit.ts";
export * from "./cases.ts";
export * from "./cre.ts";
export * from "./episodes.ts";
export * from "./observations.ts";
export * from "./organisations.ts";
export * from "./people.ts";
export * from "./users.ts";
