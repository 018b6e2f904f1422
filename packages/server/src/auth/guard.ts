import { allows, can, PERMISSIONS, type Permission } from "@mamori/contract/permissions";
import type { FastifyRequest } from "fastify";
import { AppError, forbidden, unauthenticated } from "../errors.ts";
import type { SessionUser } from "./sessions.ts";

/** The signed-in user; the onRequest hook has already refused anonymous calls to protected routes. */
export function currentUser(request: FastifyRequest): SessionUser {
  if (!request.user) throw unauthenticated();
  return request.user;
}

/**
 * The facility the signed-in user acts for, after checking the permission table: the role may do `permission`, and the
 * facility is of the kind where it applies (`PERMISSIONS[permission].where`). Users of overseer organisations have no
 * facility and get 403; so does a hospital's staff on a care facility's round and records (`not_a_care_facility`), and
 * a care facility's staff on a hospital's CRE stewardship (`not_a_hospital`).
 */
export function authorizeFacility(
  request: FastifyRequest,
  permission: Permission,
): { user: SessionUser; facilityId: string } {
  const user = currentUser(request);
  if (user.organisation.kind !== "facility" || !can(user.role, permission)) throw forbidden();
  if (!allows(user, permission)) throw wrongFacilityKind(PERMISSIONS[permission].where);
  return { user, facilityId: user.organisation.id };
}

function wrongFacilityKind(where: (typeof PERMISSIONS)[Permission]["where"]): AppError {
  if (where === "hospital") return new AppError(403, "not_a_hospital", "CRE stewardship is for hospitals.");
  if (where === "care_facility")
    return new AppError(
      403,
      "not_a_care_facility",
      "The daily round and its records are for care facilities.",
    );
  return forbidden();
}

export function assertFound<T>(value: T | undefined | null, what: string): T {
  if (value === undefined || value === null) throw new AppError(404, "not_found", `${what} not found.`);
  return value;
}
