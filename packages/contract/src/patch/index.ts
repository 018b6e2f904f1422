export * from "./patch.ts";
