import { CLSI_M100_ED35 } from "./clsi-m100-ed35.ts";
import { EUCAST_V15 } from "./eucast-v15.ts";
import type { BreakpointTable, StandardBody } from "./types.ts";

export { CLSI_M100_ED35 } from "./clsi-m100-ed35.ts";
export { EUCAST_V15 } from "./eucast-v15.ts";
export type { BreakpointRow, BreakpointScope, BreakpointTable, StandardBody } from "./types.ts";

/** Every breakpoint table Mamori ships; a laboratory names one by body and edition. */
export const BREAKPOINT_TABLES: readonly BreakpointTable[] = [CLSI_M100_ED35, EUCAST_V15];

/**
 * Finds the breakpoint table of a standard and edition, or undefined when Mamori has none for it.
 *
 * Source: the tables of this folder (CLSI M100 Ed35, EUCAST v15.0). @example findBreakpointTable("CLSI", "M100-Ed35")
 */
export function findBreakpointTable(body: StandardBody, edition: string): BreakpointTable | undefined {
  return BREAKPOINT_TABLES.find((t) => t.body === body && t.edition === edition);
}

/**
 * The editions Mamori has a table for, per body, for error messages and pickers.
 *
 * Source: the tables of this folder. @example editionsOf("EUCAST") // ["v15.0"]
 */
export function editionsOf(body: StandardBody): string[] {
  return BREAKPOINT_TABLES.filter((t) => t.body === body).map((t) => t.edition);
}
