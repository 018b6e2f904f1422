export * from "./office-report.ts";
