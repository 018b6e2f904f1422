export * from "./roles.ts";
