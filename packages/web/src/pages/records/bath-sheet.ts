import type { Person, Unit } from "../../api/types.ts";
import { compareRows } from "../../round/round-state.ts";

// The communal bath sheet of one day: who is ticked, and what saving it must send.

/**
 * What to send so that the server holds exactly the ticked people: those to add (POST) and those to take off (DELETE).
 *
 * @example bathChanges(new Set(["a", "b"]), new Set(["b", "c"])) // { add: ["c"], remove: ["a"] }
 */
export function bathChanges(
  saved: ReadonlySet<string>,
  ticked: ReadonlySet<string>,
): { add: string[]; remove: string[] } {
  return {
    add: [...ticked].filter((id) => !saved.has(id)).sort(),
    remove: [...saved].filter((id) => !ticked.has(id)).sort(),
  };
}

export interface BathGroup {
  key: string;
  unitId: string | null;
  people: Person[];
}

/**
 * The people of the sheet by unit, in the facility's order, then those without a unit: every active user (resident,
 * short stay, day service), and anyone already recorded for the day even if they have left or are staff.
 */
export function bathGroups(
  people: readonly Person[],
  units: readonly Unit[],
  recorded: ReadonlySet<string>,
): BathGroup[] {
  const listed = people.filter((p) => recorded.has(p.id) || (p.active && p.kind !== "staff"));
  const known = new Set(units.map((u) => u.id));
  const unitOf = (p: Person) => (p.unitId !== null && known.has(p.unitId) ? p.unitId : null);
  return [...units.map((u) => u.id as string | null), null]
    .map((unitId) => ({
      key: unitId ?? "none",
      unitId,
      people: listed.filter((p) => unitOf(p) === unitId).sort(compareRows),
    }))
    .filter((group) => group.people.length > 0);
}
