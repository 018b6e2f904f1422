export * from "./columns.ts";
export * from "./form-index.ts";
export * from "./physician-report.ts";
export * from "./weekly-trend.ts";
