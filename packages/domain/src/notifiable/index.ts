export * from "./assess.ts";
export * from "./case-notification.ts";
export * from "./table.ts";
export * from "./text.ts";
