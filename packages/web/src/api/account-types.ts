import type { facilityPatchBody, overseersResponse } from "@mamori/contract/facility";
import type { FacilityType } from "@mamori/contract/permissions";
import type { FACILITY_ROLES, userCreateBody, userPatchBody, userResponse } from "@mamori/contract/users";
import type { z } from "zod";

// Shapes of the facility settings and accounts calls, from @mamori/contract (facility, users; docs/api.md).

export { FACILITY_TYPES, type FacilityType } from "@mamori/contract/permissions";
export { FACILITY_ROLES } from "@mamori/contract/users";

/** `PATCH /api/facility`: any of these; the health centre and municipality by the ids of `GET /api/facility/overseers`. */
export type FacilityPatch = Omit<z.input<typeof facilityPatchBody>, "type"> & { type?: FacilityType };

export type Overseers = z.infer<typeof overseersResponse>;
export type Overseer = Overseers["healthCentres"][number];

/** Roles a facility's administrator may give: health-centre, municipal and secretariat accounts belong elsewhere. */
export type FacilityRole = (typeof FACILITY_ROLES)[number];

/** An account of the facility as `GET /api/users` lists it; never its password. */
export type Account = Omit<z.infer<typeof userResponse>, "secondFactorEnabled"> & {
  /** Whether the account signs in with a second factor. */
  secondFactorEnabled?: boolean;
};

/** `POST /api/users`: username 3–60 of a–z 0–9 . _ - (starting with a letter or digit), password 10–200 characters. */
export type AccountInput = z.input<typeof userCreateBody>;

/** `PATCH /api/users/:id`: a new role or password ends that user's open sessions. */
export type AccountPatch = z.input<typeof userPatchBody>;
