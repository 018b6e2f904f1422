export * from "./assess.ts";
export * from "./table.ts";
export * from "./text.ts";
export * from "./case-notification.ts";
