import { isDeepStrictEqual } from "node:util";
import { can } from "@mamori/contract/permissions";
import {
  RECORD_TYPES,
  type RecordType,
  type RecordTypeSpec,
  type RoutineRecord,
} from "@mamori/contract/routine";
import {
  DEFAULT_OBLIGATION_SETTINGS,
  DEFAULT_RETURN_RULES,
  type ObligationSettings,
  type ReturnRules,
} from "@mamori/domain/obligations";
import { and, asc, eq, gte, inArray, lte } from "drizzle-orm";
import { appendAudit } from "../../audit/audit.ts";
import type { SessionUser } from "../../auth/sessions.ts";
import type { Database, Executor } from "../../db/database.ts";
import {
  obligationSettings,
  organisations,
  people,
  routineAcknowledgements,
  routineAttendance,
  routineEquipment,
  routineRecords,
} from "../../db/schema/index.ts";
import {
  AppError,
  conflict,
  type FieldError,
  forbidden,
  formatPath,
  notFound,
  validationFailed,
} from "../../errors.ts";
import { dayInZone } from "../../time/facility-day.ts";

export type Actor = { user: SessionUser; facilityId: string };
export type Settings = ObligationSettings & ReturnRules;

/** The facility's settings of the routine, the defaults where it has none stored. */
export async function loadSettings(db: Executor, facilityId: string): Promise<Settings> {
  const [row] = await db
    .select()
    .from(obligationSettings)
    .where(eq(obligationSettings.facilityId, facilityId));
  if (!row) return { ...DEFAULT_OBLIGATION_SETTINGS, ...DEFAULT_RETURN_RULES };
  const { facilityId: _, updatedAt: __, ...settings } = row;
  return settings;
}

/** The facility's own calendar day now (its time zone), the latest day a record of something done may carry. */
export async function facilityToday(db: Executor, facilityId: string, now: Date): Promise<string> {
  const [facility] = await db
    .select({ timeZone: organisations.timeZone })
    .from(organisations)
    .where(eq(organisations.id, facilityId));
  return dayInZone(now, facility?.timeZone ?? "Asia/Tokyo");
}

export type RecordBody = {
  id: string;
  date: string;
  personId?: string | null | undefined;
  equipmentId?: string | null | undefined;
  data: unknown;
  attendeeIds?: string[] | undefined;
};

type RoutineRow = typeof routineRecords.$inferSelect;

/** A record as the API presents it: its fields, who attended, and how many confirmed reading it. */
export function presentRecord(
  row: RoutineRow,
  attendeeIds: string[],
  acknowledgements: { userId: string; at: Date }[] = [],
): RoutineRecord {
  return {
    id: row.id,
    // Stored only through `POST /api/routine/records/:type`, whose parameter is one of RECORD_TYPE_NAMES.
    type: row.type as RecordType,
    date: row.date,
    personId: row.personId,
    equipmentId: row.equipmentId,
    data: row.data,
    flagged: row.flagged,
    attendeeIds,
    acknowledgements: acknowledgements.map((a) => ({ userId: a.userId, at: a.at.toISOString() })),
    recordedAt: row.recordedAt.toISOString(),
  };
}
export type PresentedRecord = ReturnType<typeof presentRecord>;

/** Day-like strings inside `data` that lie after `today`, as field errors (`data.followUpDoneOn`). */
function futureDays(value: unknown, today: string, path: (string | number)[]): FieldError[] {
  if (typeof value === "string") {
    return /^\d{4}-\d{2}-\d{2}$/.test(value) && value > today
      ? [{ path: formatPath(path), message: "must not be in the future" }]
      : [];
  }
  if (Array.isArray(value)) return value.flatMap((v, i) => futureDays(v, today, [...path, i]));
  if (value && typeof value === "object")
    return Object.entries(value).flatMap(([k, v]) => futureDays(v, today, [...path, k]));
  return [];
}

/**
 * Checks a record of `type` against its schema, the facility's people and equipment and the facility's today. Returns
 * what to store, or throws a 400 naming every bad field (nothing is written).
 */
async function validateRecord(
  db: Executor,
  actor: Actor,
  type: RecordType,
  body: RecordBody,
  today: string,
): Promise<{ data: Record<string, unknown>; flagged: boolean; attendeeIds: string[] }> {
  const spec: RecordTypeSpec = RECORD_TYPES[type];
  const errors: FieldError[] = [];
  if (body.date > today) errors.push({ path: "date", message: "must not be in the future" });

  const parsed = spec.data.safeParse(body.data ?? {});
  const data = parsed.success ? parsed.data : {};
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const path = issue.code === "unrecognized_keys" ? [...issue.path, issue.keys[0] ?? ""] : issue.path;
      errors.push({
        path: formatPath(["data", ...path]),
        message: issue.code === "unrecognized_keys" ? "unknown field" : issue.message,
      });
    }
  } else {
    errors.push(...futureDays(data, today, ["data"]));
  }

  let personKind: string | null = null;
  if (spec.person === null) {
    if (body.personId) errors.push({ path: "personId", message: "not used by this record" });
  } else if (!body.personId) {
    errors.push({ path: "personId", message: "required" });
  } else {
    const [person] = await db
      .select({ kind: people.kind, birthDate: people.birthDate })
      .from(people)
      .where(and(eq(people.id, body.personId), eq(people.facilityId, actor.facilityId)));
    if (!person) errors.push({ path: "personId", message: "not a person of this facility" });
    else {
      personKind = person.kind;
      // Nothing about a person — a vaccination above all — happens before they were born.
      if (person.birthDate !== null && body.date < person.birthDate)
        errors.push({
          path: "date",
          message: `must not be before the person's birth date (${person.birthDate})`,
        });
      if (spec.person === "staff" && person.kind !== "staff")
        errors.push({ path: "personId", message: "not a staff member" });
      if (spec.person === "resident" && person.kind === "staff")
        errors.push({ path: "personId", message: "not a resident" });
    }
  }

  if (spec.equipment === null) {
    if (body.equipmentId) errors.push({ path: "equipmentId", message: "not used by this record" });
  } else if (!body.equipmentId) {
    errors.push({ path: "equipmentId", message: "required" });
  } else {
    const [equipment] = await db
      .select({ kind: routineEquipment.kind })
      .from(routineEquipment)
      .where(
        and(eq(routineEquipment.id, body.equipmentId), eq(routineEquipment.facilityId, actor.facilityId)),
      );
    if (!equipment || !spec.equipment.includes(equipment.kind))
      errors.push({ path: "equipmentId", message: `not a ${spec.equipment.join(" or ")} of this facility` });
  }

  const attendeeIds = [...new Set(body.attendeeIds ?? [])];
  if (!spec.attendees && (body.attendeeIds?.length ?? 0) > 0) {
    errors.push({ path: "attendeeIds", message: "not used by this record" });
  } else if (spec.attendees && attendeeIds.length > 0) {
    const known = await db
      .select({ id: people.id })
      .from(people)
      .where(
        and(
          eq(people.facilityId, actor.facilityId),
          eq(people.kind, "staff"),
          inArray(people.id, attendeeIds),
        ),
      );
    const knownIds = new Set(known.map((p) => p.id));
    (body.attendeeIds ?? []).forEach((id, i) => {
      if (!knownIds.has(id))
        errors.push({ path: `attendeeIds[${i}]`, message: "not a staff member of this facility" });
    });
  }
  if (type === "training" && attendeeIds.length === 0)
    errors.push({ path: "attendeeIds", message: "a training needs its attendees" });

  if (parsed.success && spec.check) {
    for (const [path, message] of spec.check({ date: body.date, data, personKind }))
      errors.push({ path, message });
  }
  if (errors.length > 0) throw validationFailed(errors);
  return { data, flagged: spec.flagged?.(data) ?? false, attendeeIds };
}

function authorizeType(actor: Actor, type: RecordType) {
  if (!can(actor.user.role, RECORD_TYPES[type].permission)) throw forbidden();
}

/**
 * The one write path of every routine record: authorise by the type's permission → validate against its schema, the
 * facility's people and equipment and its today → insert once under the client's id with its attendees → audit, in one
 * transaction. Sending the same record again answers the stored one (`created: false`); other content under the same
 * id is a 409.
 */
export async function createRoutineRecord(
  db: Database,
  actor: Actor,
  type: RecordType,
  body: RecordBody,
  now: Date,
): Promise<{ record: PresentedRecord; created: boolean }> {
  authorizeType(actor, type);
  const today = await facilityToday(db, actor.facilityId, now);
  const { data, flagged, attendeeIds } = await validateRecord(db, actor, type, body, today);
  return db.transaction(async (tx) => {
    const values = {
      id: body.id,
      facilityId: actor.facilityId,
      type,
      date: body.date,
      personId: body.personId ?? null,
      equipmentId: body.equipmentId ?? null,
      data,
      flagged,
      recordedBy: actor.user.id,
    };
    const [created] = await tx.insert(routineRecords).values(values).onConflictDoNothing().returning();
    if (!created) {
      const [stored] = await tx
        .select()
        .from(routineRecords)
        .where(and(eq(routineRecords.facilityId, actor.facilityId), eq(routineRecords.id, body.id)));
      const storedAttendees = stored
        ? await attendeesOf(tx, actor.facilityId, [stored.id])
        : new Map<string, string[]>();
      const same =
        stored &&
        isDeepStrictEqual(
          [stored.type, stored.date, stored.personId, stored.equipmentId, stored.data],
          [values.type, values.date, values.personId, values.equipmentId, values.data],
        ) &&
        isDeepStrictEqual([...(storedAttendees.get(stored.id) ?? [])].sort(), [...attendeeIds].sort());
      if (!same) throw conflict("A different record has this id.", [{ path: "id", message: "already used" }]);
      return { record: presentRecord(stored, storedAttendees.get(stored.id) ?? []), created: false };
    }
    if (attendeeIds.length > 0) {
      await tx
        .insert(routineAttendance)
        .values(
          attendeeIds.map((personId) => ({ facilityId: actor.facilityId, recordId: created.id, personId })),
        );
    }
    await appendAudit(tx, [
      {
        actorUserId: actor.user.id,
        organisationId: actor.facilityId,
        action: "create",
        entity: `routine_${type}`,
        entityId: created.id,
        after: { ...created, attendeeIds },
      },
    ]);
    return { record: presentRecord(created, attendeeIds), created: true };
  });
}

async function findOwn(db: Executor, actor: Actor, id: string): Promise<RoutineRow> {
  const [row] = await db
    .select()
    .from(routineRecords)
    .where(and(eq(routineRecords.id, id), eq(routineRecords.facilityId, actor.facilityId)));
  if (!row) throw notFound("Record");
  return row;
}

/** Changes a record's data (closing an exposure's follow-up, correcting minutes), validated and audited like a create. */
export async function updateRoutineRecord(
  db: Database,
  actor: Actor,
  id: string,
  body: { data: unknown; attendeeIds?: string[] | undefined },
  now: Date,
): Promise<PresentedRecord> {
  const current = await findOwn(db, actor, id);
  const type = current.type as RecordType;
  authorizeType(actor, type);
  const today = await facilityToday(db, actor.facilityId, now);
  const previousAttendees = (await attendeesOf(db, actor.facilityId, [id])).get(id) ?? [];
  const { data, flagged, attendeeIds } = await validateRecord(
    db,
    actor,
    type,
    {
      id,
      date: current.date,
      personId: current.personId,
      equipmentId: current.equipmentId,
      data: body.data,
      attendeeIds: body.attendeeIds ?? previousAttendees,
    },
    today,
  );
  return db.transaction(async (tx) => {
    const [after] = await tx
      .update(routineRecords)
      .set({ data, flagged })
      .where(and(eq(routineRecords.facilityId, actor.facilityId), eq(routineRecords.id, id)))
      .returning();
    if (body.attendeeIds !== undefined) {
      await tx
        .delete(routineAttendance)
        .where(and(eq(routineAttendance.facilityId, actor.facilityId), eq(routineAttendance.recordId, id)));
      if (attendeeIds.length > 0)
        await tx
          .insert(routineAttendance)
          .values(attendeeIds.map((personId) => ({ facilityId: actor.facilityId, recordId: id, personId })));
    }
    await appendAudit(tx, [
      {
        actorUserId: actor.user.id,
        organisationId: actor.facilityId,
        action: "update",
        entity: `routine_${type}`,
        entityId: id,
        before: { ...current, attendeeIds: previousAttendees },
        after: { ...after, attendeeIds },
      },
    ]);
    return presentRecord(after!, attendeeIds);
  });
}

/**
 * Deletes a record — refused while it is within the facility's retention period (default 5 years, counted from the
 * record's day), so that evidence cannot disappear before an inspection may ask for it.
 */
export async function deleteRoutineRecord(db: Database, actor: Actor, id: string, now: Date): Promise<void> {
  const current = await findOwn(db, actor, id);
  authorizeType(actor, current.type as RecordType);
  const settings = await loadSettings(db, actor.facilityId);
  const today = await facilityToday(db, actor.facilityId, now);
  const keptUntil = `${String(Number(current.date.slice(0, 4)) + settings.retentionYears).padStart(4, "0")}${current.date.slice(4)}`;
  if (today < keptUntil) {
    throw new AppError(
      409,
      "retention",
      `Records are kept for ${settings.retentionYears} years: this one until ${keptUntil}.`,
      [{ path: "id", message: `kept until ${keptUntil}` }],
    );
  }
  await db.transaction(async (tx) => {
    const attendees = (await attendeesOf(tx, actor.facilityId, [id])).get(id) ?? [];
    await tx
      .delete(routineAttendance)
      .where(and(eq(routineAttendance.facilityId, actor.facilityId), eq(routineAttendance.recordId, id)));
    await tx
      .delete(routineAcknowledgements)
      .where(
        and(
          eq(routineAcknowledgements.facilityId, actor.facilityId),
          eq(routineAcknowledgements.recordId, id),
        ),
      );
    await tx
      .delete(routineRecords)
      .where(and(eq(routineRecords.facilityId, actor.facilityId), eq(routineRecords.id, id)));
    await appendAudit(tx, [
      {
        actorUserId: actor.user.id,
        organisationId: actor.facilityId,
        action: "delete",
        entity: `routine_${current.type}`,
        entityId: id,
        before: { ...current, attendeeIds: attendees },
      },
    ]);
  });
}

/** The signed-in user confirms reading circulated minutes or a guideline version; a second confirmation changes nothing. */
export async function acknowledgeRecord(
  db: Database,
  actor: Actor,
  id: string,
): Promise<{ acknowledged: boolean }> {
  const current = await findOwn(db, actor, id);
  if (current.type !== "committee_meeting" && current.type !== "guideline_version") {
    throw validationFailed([{ path: "id", message: "only minutes and guideline versions are circulated" }]);
  }
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(routineAcknowledgements)
      .values({ facilityId: actor.facilityId, recordId: id, userId: actor.user.id })
      .onConflictDoNothing()
      .returning();
    if (row) {
      await appendAudit(tx, [
        {
          actorUserId: actor.user.id,
          organisationId: actor.facilityId,
          action: "create",
          entity: "routine_acknowledgement",
          entityId: `${id}/${actor.user.id}`,
          after: row,
        },
      ]);
    }
    return { acknowledged: true };
  });
}

/** Who attended each of the facility's records, by record id. */
export async function attendeesOf(
  db: Executor,
  facilityId: string,
  recordIds: string[],
): Promise<Map<string, string[]>> {
  const map = new Map<string, string[]>();
  if (recordIds.length === 0) return map;
  const rows = await db
    .select()
    .from(routineAttendance)
    .where(and(eq(routineAttendance.facilityId, facilityId), inArray(routineAttendance.recordId, recordIds)));
  for (const row of rows) map.set(row.recordId, [...(map.get(row.recordId) ?? []), row.personId]);
  return map;
}

/** Records of the facility, of some types, dated in [from, to], oldest first, with attendees and read confirmations. */
export async function listRoutineRecords(
  db: Executor,
  facilityId: string,
  query: { types: readonly string[]; from: string; to: string },
): Promise<PresentedRecord[]> {
  if (query.types.length === 0) return [];
  const rows = await db
    .select()
    .from(routineRecords)
    .where(
      and(
        eq(routineRecords.facilityId, facilityId),
        inArray(routineRecords.type, [...query.types]),
        gte(routineRecords.date, query.from),
        lte(routineRecords.date, query.to),
      ),
    )
    .orderBy(asc(routineRecords.date), asc(routineRecords.recordedAt));
  const ids = rows.map((r) => r.id);
  const attendees = await attendeesOf(db, facilityId, ids);
  const acks = ids.length
    ? await db
        .select()
        .from(routineAcknowledgements)
        .where(
          and(
            eq(routineAcknowledgements.facilityId, facilityId),
            inArray(routineAcknowledgements.recordId, ids),
          ),
        )
    : [];
  return rows.map((row) =>
    presentRecord(
      row,
      attendees.get(row.id) ?? [],
      acks.filter((a) => a.recordId === row.id),
    ),
  );
}
