import { can, type Permission } from "@mamori/contract/permissions";
import type { FastifyRequest } from "fastify";
import { AppError, forbidden, unauthenticated } from "../errors.ts";
import type { SessionUser } from "./sessions.ts";

/** The signed-in user; the onRequest hook has already refused anonymous calls to protected routes. */
export function currentUser(request: FastifyRequest): SessionUser {
  if (!request.user) throw unauthenticated();
  return request.user;
}

/**
 * The facility the signed-in user acts for, after checking the role may do `permission` there. Users of overseer
 * organisations have no facility and get 403. Any facility is accepted here, hospitals included: a permission's
 * `where` narrows what `/api/auth/me` lists and what the web shows; routes for hospitals only check the facility type
 * themselves (cre/hospital.ts).
 */
export function authorizeFacility(
  request: FastifyRequest,
  permission: Permission,
): { user: SessionUser; facilityId: string } {
  const user = currentUser(request);
  if (user.organisation.kind !== "facility" || !can(user.role, permission)) throw forbidden();
  return { user, facilityId: user.organisation.id };
}

export function assertFound<T>(value: T | undefined | null, what: string): T {
  if (value === undefined || value === null) throw new AppError(404, "not_found", `${what} not found.`);
  return value;
}
