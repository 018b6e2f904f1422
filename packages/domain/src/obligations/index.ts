export * from "./dates.ts";
export * from "./evaluate-obligations.ts";
export * from "./fit-for-work.ts";
export * from "./schedule.ts";
