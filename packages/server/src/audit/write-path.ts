import type { Permission } from "@mamori/contract/permissions";
import { and, eq, inArray } from "drizzle-orm";
import type { FastifyRequest } from "fastify";
import type { RouteContext } from "../app.ts";
import { authorizeFacility } from "../auth/guard.ts";
import type { SessionUser } from "../auth/sessions.ts";
import type { Executor } from "../db/database.ts";
import { people, units } from "../db/schema/index.ts";
import { AppError, type FieldError, validationFailed } from "../errors.ts";
import { type AuditEntry, appendAudit } from "./audit.ts";

/** The entities a facility's writes audit, by the name the audit log files them under. */
export type AuditedEntity =
  | "person"
  | "facility"
  | "unit"
  | "room"
  | "case"
  | "antibiotic_course"
  | "bath_use"
  | "observation";

/** One audit entry of the command's entity, by the signed-in user, for the facility. */
export type WriteAudit = {
  action: AuditEntry["action"];
  entityId: string;
  before?: unknown;
  after?: unknown;
};

/** What a command's body gets: its transaction, who acts for which facility, and the checks and audit of the path. */
export type FacilityWrite = {
  tx: Executor;
  user: SessionUser;
  facilityId: string;
  now: Date;
  /**
   * Refuses, naming each field, the people that are not of this facility (another facility's person is answered as
   * unknown, exactly like one that does not exist).
   */
  ownPeople: (refs: readonly { path: string; id: string }[]) => Promise<void>;
  /** Answers 404 for a unit (named in the path) that is not of this facility. */
  ownUnit: (id: string) => Promise<void>;
  /** Appends audit entries of the command's entity inside the transaction. */
  audit: (entries: readonly WriteAudit[]) => Promise<void>;
  /** Who audits what, for the shared row helpers that append their own entry (insertOnce, updateAudited). */
  auditAs: (
    action: AuditEntry["action"],
  ) => Pick<AuditEntry, "actorUserId" | "organisationId" | "action" | "entity">;
};

/**
 * The one write path of a facility's records: authorise the signed-in user by policy (`permission`) → open a
 * transaction → the command checks that the records it names belong to the facility, writes, and audits under the
 * command's entity → commit. Input has been validated at the edge by the route's zod schema before this runs. A
 * command that throws leaves nothing behind: neither the write nor its audit entry.
 *
 *   app.post("/", { schema }, (request) =>
 *     facilityWrite(ctx, request, { permission: "recordBathUse", entity: "bath_use" }, async (w) => { … }));
 */
export async function facilityWrite<T>(
  ctx: RouteContext,
  request: FastifyRequest,
  command: { permission: Permission; entity: AuditedEntity },
  act: (write: FacilityWrite) => Promise<T>,
): Promise<T> {
  const { user, facilityId } = authorizeFacility(request, command.permission);
  const now = ctx.clock();
  return ctx.db.transaction(async (tx) =>
    act({
      tx,
      user,
      facilityId,
      now,
      ownPeople: async (refs) => {
        if (refs.length === 0) return;
        const ids = [...new Set(refs.map((r) => r.id))];
        const known = await tx
          .select({ id: people.id })
          .from(people)
          .where(and(eq(people.facilityId, facilityId), inArray(people.id, ids)));
        const knownIds = new Set(known.map((p) => p.id));
        const errors: FieldError[] = refs
          .filter((r) => !knownIds.has(r.id))
          .map((r) => ({ path: r.path, message: "unknown person" }));
        if (errors.length > 0) throw validationFailed(errors);
      },
      ownUnit: async (id) => {
        const [unit] = await tx
          .select({ id: units.id })
          .from(units)
          .where(and(eq(units.id, id), eq(units.facilityId, facilityId)));
        if (!unit) throw new AppError(404, "not_found", "Unit not found.");
      },
      auditAs: (action) => ({
        actorUserId: user.id,
        organisationId: facilityId,
        action,
        entity: command.entity,
      }),
      audit: (entries) =>
        appendAudit(
          tx,
          entries.map((e) => ({
            actorUserId: user.id,
            organisationId: facilityId,
            entity: command.entity,
            action: e.action,
            entityId: e.entityId,
            before: e.before,
            after: e.after,
          })),
        ),
    }),
  );
}
