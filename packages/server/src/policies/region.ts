import { can } from "@mamori/contract/permissions";
import { type Actor, officeOf } from "./reports.ts";

/**
 * Who may see a region's shared daily counts (issue 11 item 4; facility-surveillance.md §7) and who may turn a
 * facility's sharing on or off. The region view is the health centre's: the issue gives it to the health centre, and
 * the municipality sees only what is submitted to it (reports). A facility is in a health centre's region when the
 * office link valid today names that health centre **and** the facility shares its counts — never otherwise.
 */
export type RegionFacility = {
  /** The health centre of the facility's open office link (valid today); null without one. */
  healthCentreId: string | null;
  /** Since when the facility shares its counts; null when it does not. */
  sharesCountsSince: Date | null;
};

export const regionPolicy = {
  /** The region view: officers of a health centre. */
  read: (actor: Actor) => officeOf(actor)?.kind === "health_centre",
  /** One facility's counts in the region view: its own health centre's officers, while it shares them. */
  readFacility: (actor: Actor, facility: RegionFacility) => {
    const office = officeOf(actor);
    return (
      office?.kind === "health_centre" &&
      facility.healthCentreId === office.officeId &&
      facility.sharesCountsSince !== null
    );
  },
  /** Turn the facility's sharing on or off: its director or administrator (those who manage the facility). */
  manageSharing: (actor: Actor, facilityId: string) =>
    actor.organisation.kind === "facility" &&
    actor.organisation.id === facilityId &&
    can(actor.role, "manageFacility"),
} as const;
