import { randomUUID } from "node:crypto";
import { creCaseSchema, creIsolateSchema } from "@mamori/domain/cre";
import { appendAudit } from "../audit/audit.ts";
import type { Executor } from "../db/database.ts";
import { type CreSeverityRecord, creCases, creConsultations } from "../db/schema/index.ts";
import { dayInZone } from "../time/facility-day.ts";

const HOUR = 3600_000;

/**
 * Three CRE cases of the demo hospital みなと総合病院, reported in the last days before `now`:
 * - an IMP-producing Klebsiella pneumoniae bloodstream infection in septic shock, cefiderocol ordered, the AST
 *   consulted and the order approved, notified to the health centre;
 * - a non-carbapenemase-producing Enterobacter cloacae cystitis (mCIM negative), notifiable and not yet notified;
 * - an Escherichia coli from sputum with meropenem 2 mg/L and no carbapenemase test yet: work-up pending, the physician
 *   has not recorded the infection.
 * Every isolate and clinical record passes the CRE case schema; each row has its audit entry.
 */
export async function seedDemoCre(
  tx: Executor,
  options: { hospitalId: string; userIds: ReadonlyMap<string, string>; now: Date; timeZone: string },
): Promise<void> {
  const { hospitalId, now, timeZone } = options;
  const lab = options.userIds.get("demo-lab")!;
  const physician = options.userIds.get("demo-physician")!;
  const ast = options.userIds.get("demo-ast")!;
  const at = (hoursAgo: number) => new Date(now.getTime() - hoursAgo * HOUR);
  const day = (hoursAgo: number) => dayInZone(at(hoursAgo), timeZone);
  const clsi = { body: "CLSI", edition: "M100-Ed35" } as const;

  const septic: CreSeverityRecord = {
    hemodynamicallyStable: false,
    noImmunodeficiencyOrStable: true,
    sourceControlled: true,
    stabilisedAfterTreatment: false,
    checklist: ["VASOPRESSOR_REQUIRED", "HEART_RATE_GE_130"],
    stableDespiteImmunodeficiency: false,
  };
  const cases: Array<typeof creCases.$inferInsert> = [
    {
      id: randomUUID(),
      hospitalId,
      patientLabel: "0012-3456",
      isolate: creIsolateSchema.parse({
        organism: "Klebsiella pneumoniae",
        specimen: { type: "blood", sterileSite: true },
        collectedAt: day(80),
        mic: {
          meropenem: "4",
          imipenem: "2",
          cefmetazole: ">32",
          levofloxacin: ">4",
          trimethoprim_sulfamethoxazole: ">4",
          amikacin: "≤4",
          colistin: "≤0.5",
          tigecycline: "1",
          cefiderocol: "1",
          ceftazidime_avibactam: ">16",
          aztreonam: ">16",
        },
        standard: clsi,
        carbapenemase: {
          mCIM: { zoneMm: 6, pinpointColonies: false },
          eCIM: { zoneMm: 17 },
          immunochromatography: { kit: "NG-Test CARBA 5", detected: ["IMP"] },
        },
      }),
      infection: { site: "bloodstream", urinaryType: null, causative: true },
      severity: septic,
      diagnosedOn: day(72),
      notifiedOn: day(48),
      cefiderocolOrdered: true,
      cefiderocolOrderedAt: at(71),
      version: 2,
      createdBy: lab,
      createdAt: at(72),
      updatedBy: physician,
      updatedAt: at(71),
    },
    {
      id: randomUUID(),
      hospitalId,
      patientLabel: "0012-7788",
      isolate: creIsolateSchema.parse({
        organism: "Enterobacter cloacae",
        specimen: { type: "urine", sterileSite: false },
        collectedAt: day(30),
        mic: {
          meropenem: "2",
          imipenem: "4",
          cefmetazole: "≥64",
          levofloxacin: "≤0.25",
          trimethoprim_sulfamethoxazole: "≤1",
          amikacin: "≤4",
        },
        standard: clsi,
        carbapenemase: { mCIM: { zoneMm: 22, pinpointColonies: false } },
      }),
      infection: { site: "urinary", urinaryType: "cystitis", causative: true },
      severity: null,
      diagnosedOn: day(24),
      cefiderocolOrdered: false,
      version: 2,
      createdBy: lab,
      createdAt: at(26),
      updatedBy: physician,
      updatedAt: at(24),
    },
    {
      id: randomUUID(),
      hospitalId,
      patientLabel: "T.K.",
      isolate: creIsolateSchema.parse({
        organism: "Escherichia coli",
        specimen: { type: "sputum", sterileSite: false },
        collectedAt: day(20),
        mic: { meropenem: "2", imipenem: "≤1", cefmetazole: "16", levofloxacin: ">4" },
        standard: clsi,
      }),
      createdBy: lab,
      createdAt: at(3),
      updatedBy: lab,
      updatedAt: at(3),
    },
  ];
  for (const c of cases) {
    if (c.infection) {
      creCaseSchema.parse({
        isolate: c.isolate,
        infection: c.infection,
        ...(c.severity
          ? {
              severity: {
                hemodynamicallyStable: c.severity.hemodynamicallyStable,
                noImmunodeficiencyOrStable: c.severity.noImmunodeficiencyOrStable,
                sourceControlled: c.severity.sourceControlled,
                stabilisedAfterTreatment: c.severity.stabilisedAfterTreatment,
              },
            }
          : {}),
        cefiderocolOrdered: c.cefiderocolOrdered,
      });
    }
  }
  const rows = await tx.insert(creCases).values(cases).returning();
  const consultations = await tx
    .insert(creConsultations)
    .values([
      {
        id: randomUUID(),
        caseId: rows[0]!.id,
        hospitalId,
        note: "感染症内科・ASTに電話で相談。IMP型MBL産生、敗血症性ショックのためセフィデロコルを提案された。",
        decision: null,
        caseVersion: 2,
        recordedBy: physician,
        recordedAt: at(70),
      },
      {
        id: randomUUID(),
        caseId: rows[0]!.id,
        hospitalId,
        note: "MBL産生CPEの重症血流感染症: セフィデロコル承認。感受性確認済み。72時間後に再評価。",
        decision: "approved",
        caseVersion: 2,
        recordedBy: ast,
        recordedAt: at(69),
      },
    ])
    .returning();
  await appendAudit(tx, [
    ...rows.map((row) => ({
      actorUserId: row.createdBy,
      organisationId: hospitalId,
      action: "create" as const,
      entity: "cre_case",
      entityId: row.id,
      after: row,
    })),
    ...consultations.map((row) => ({
      actorUserId: row.recordedBy,
      organisationId: hospitalId,
      action: "create" as const,
      entity: "cre_consultation",
      entityId: row.id,
      after: row,
    })),
  ]);
}
