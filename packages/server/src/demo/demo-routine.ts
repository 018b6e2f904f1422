import { randomUUID } from "node:crypto";
import {
  addIsoDays,
  addIsoMonths,
  fiscalYearBounds,
  fiscalYearOf,
  STAFF_IMMUNITY_DISEASES,
} from "@mamori/domain/obligations";
import { appendAudit } from "../audit/audit.ts";
import type { Executor } from "../db/database.ts";
import {
  routineAcknowledgements,
  routineAttendance,
  routineEquipment,
  routineRecords,
} from "../db/schema/index.ts";
import { pick, seededRandom } from "./random.ts";

type Staff = { id: string; job: string | null };

/**
 * A realistic year of さくらの里's infection-control routine (manual §3): committee meetings every three months with
 * minutes, two guideline versions, regular trainings each fiscal year, staff hiring days, immunity, health checks and
 * influenza vaccines, residents' vaccinations with consent, humidifier rounds, daily bath checks (two readings out of
 * range), kitchen checks and cleaning rounds with a missed day each, and fortnightly infectious-waste hand-overs.
 *
 * Two gaps are left for the infection-control lead to find today: the committee last met three months and six days
 * ago, and a care worker hired forty days ago has had no infection-control training. Everything else is done or due
 * soon. Records are dated up to yesterday: today's rounds are the users' to do.
 */
export async function seedDemoRoutine(
  tx: Executor,
  demo: {
    facilityId: string;
    today: string;
    staff: Staff[];
    residentIds: string[];
    userIds: Map<string, string>;
  },
): Promise<void> {
  const random = seededRandom(1313);
  const { facilityId, today } = demo;
  const yesterday = addIsoDays(today, -1);
  const lead = demo.userIds.get("demo-lead")!;
  const care = demo.userIds.get("demo-care")!;
  const nurse = demo.userIds.get("demo-nurse")!;
  const records: (typeof routineRecords.$inferInsert)[] = [];
  const attendance: (typeof routineAttendance.$inferInsert)[] = [];
  const acknowledgements: (typeof routineAcknowledgements.$inferInsert)[] = [];
  const add = (
    type: string,
    date: string,
    data: Record<string, unknown>,
    options: {
      personId?: string;
      equipmentId?: string;
      flagged?: boolean;
      by?: string;
      attendees?: string[];
    } = {},
  ) => {
    if (date > yesterday) return;
    const id = randomUUID();
    records.push({
      id,
      facilityId,
      type,
      date,
      data,
      personId: options.personId ?? null,
      equipmentId: options.equipmentId ?? null,
      flagged: options.flagged ?? false,
      recordedBy: options.by ?? lead,
    });
    for (const personId of options.attendees ?? []) attendance.push({ facilityId, recordId: id, personId });
    return id;
  };
  const everyDay = (from: string, to: string, each: (day: string) => void) => {
    for (let d = from; d <= to; d = addIsoDays(d, 1)) each(d);
  };
  const yearAgo = addIsoDays(today, -365);
  const staffIds = demo.staff.map((s) => s.id);

  // Staff: hiring days (most years ago), the five diseases on hiring, yearly health checks, this season's vaccine.
  const careStaff = demo.staff.filter((s) => s.job === "care");
  const newHire = careStaff.at(-1)!;
  const recentHire = demo.staff.filter((s) => s.job === "nursing").at(-1)!;
  demo.staff.forEach((person, i) => {
    const hiredOn =
      person === newHire
        ? addIsoDays(today, -40)
        : person === recentHire
          ? addIsoDays(today, -10)
          : addIsoDays(today, -(400 + ((i * 397) % 3000)));
    add("staff_hire", hiredOn, {}, { personId: person.id, by: nurse });
    for (const disease of STAFF_IMMUNITY_DISEASES) {
      const basis =
        disease === "hepatitis_b" ? "vaccinated" : random() < 0.5 ? "history" : "antibody_positive";
      add("staff_immunity", addIsoDays(hiredOn, 3), { disease, basis }, { personId: person.id, by: nurse });
    }
    if (person !== newHire && person !== recentHire) {
      add(
        "staff_health_check",
        addIsoDays(today, -(30 + Math.floor(random() * 270))),
        {},
        {
          personId: person.id,
          by: nurse,
        },
      );
    }
  });

  // Influenza vaccines of the season (October–March), given from late October.
  const [ty, tm] = today.split("-").map(Number) as [number, number];
  const season = tm >= 8 ? ty : ty - 1;
  const vaccineDay = () => addIsoDays(`${season}-10-20`, Math.floor(random() * 35));
  for (const id of staffIds)
    add("vaccination", vaccineDay(), { vaccine: "influenza", declined: false }, { personId: id, by: nurse });
  demo.residentIds.forEach((id, i) => {
    const date = vaccineDay();
    const consent = { by: i % 3 === 0 ? "self" : "family", date: addIsoDays(`${season}-10-10`, i % 7) };
    add(
      "vaccination",
      date,
      { vaccine: "influenza", declined: i % 13 === 5, consent },
      { personId: id, by: nurse },
    );
    if (i % 4 === 0) {
      add(
        "vaccination",
        addIsoDays(today, -(200 + i * 5)),
        {
          vaccine: "pneumococcal",
          declined: false,
          consent: { by: "family", date: addIsoDays(today, -(210 + i * 5)) },
        },
        { personId: id, by: nurse },
      );
    }
  });
  add(
    "occupational_exposure",
    addIsoDays(today, -120),
    {
      kind: "needle_stick",
      followUp: "洗浄後、協力病院で受診。HBs抗体陽性を確認。HCV・HIV検査は3か月後も陰性。",
      followUpDoneOn: addIsoDays(today, -30),
    },
    {
      personId: pick(
        random,
        demo.staff.filter((s) => s.job === "nursing"),
      ).id,
      by: nurse,
    },
  );

  // Committee every three months; the last one three months and six days ago.
  const lastMeeting = addIsoDays(addIsoMonths(today, -3), -6);
  const topics = [
    ["冬季のノロウイルス・インフルエンザ対策", "嘔吐物処理キットを各階に配置し、使い方を研修で確認する"],
    ["手指衛生の遵守状況", "食事介助前の手洗いを掲示で徹底する"],
    ["食中毒予防と厨房の衛生管理", "検食の保存記録を厨房で毎日確認する"],
    ["感染対策指針の見直し", "改訂版を全職員に周知し、読了確認をとる"],
  ] as const;
  for (let k = 3; k >= 0; k--) {
    const [agenda, decision] = topics[k]!;
    const id = add(
      "committee_meeting",
      addIsoMonths(lastMeeting, -3 * k),
      {
        kind: "regular",
        agenda,
        minutes: [
          { role: "director", text: "方針を確認し、必要な物品の購入を承認。" },
          { role: "physician", text: "地域の流行状況と予防策について助言。" },
          { role: "nurse", text: "前回からの発生状況（発熱・嘔吐・下痢）を報告。" },
          { role: "care_worker", text: "各フロアでの実施状況と課題を報告。" },
          { role: "dietitian", text: "厨房の衛生点検の結果を報告。" },
        ],
        decisions: [decision],
      },
      { attendees: staffIds.filter((_, i) => i % 3 === 0) },
    );
    if (id) {
      for (const user of [care, nurse, demo.userIds.get("demo-director")!]) {
        acknowledgements.push({ facilityId, recordId: id, userId: user });
      }
    }
  }

  // Guideline and manual: the manual revised a year and a half ago, the guideline eight months ago.
  add("guideline_version", addIsoDays(today, -540), {
    document: "manual",
    version: "第3版",
    summary: "付録の書式を更新",
  });
  add("guideline_version", addIsoMonths(today, -8), {
    document: "guideline",
    version: "第4版",
    summary: "2019年改訂の国のマニュアルに合わせて、委員会の構成と研修計画を見直し",
  });

  // Regular trainings: May–June (food poisoning) and autumn (influenza), this fiscal year and the last (p.20).
  const veterans = staffIds.filter((id) => id !== newHire.id && id !== recentHire.id);
  const fy = fiscalYearOf(today, 4);
  for (const year of [fy - 1, fy]) {
    const { from } = fiscalYearBounds(year, 4);
    add(
      "training",
      addIsoDays(from, 60),
      { kind: "regular", topic: "食中毒の予防と対策（手洗い実習）" },
      { attendees: veterans.filter((_, i) => i % 5 !== 4) },
    );
    add(
      "training",
      addIsoDays(from, 200),
      { kind: "regular", topic: "インフルエンザ・ノロウイルスの予防と対策（嘔吐物処理の実習）" },
      { attendees: veterans.filter((_, i) => i % 6 !== 1) },
    );
  }

  // Equipment: two household humidifiers in the dining rooms, one built-in unit, the circulating bath.
  const seasonFrom = `${tm >= 10 ? ty : ty - 1}-10-15`;
  const seasonTo = addIsoDays(`${tm >= 10 ? ty + 1 : ty}-04-01`, -1);
  const equipment = await tx
    .insert(routineEquipment)
    .values([
      {
        facilityId,
        kind: "humidifier_household",
        name: "1階 食堂の加湿器",
        seasonFrom: `${seasonFrom.slice(0, 4)}-11-01`,
        seasonTo,
      },
      {
        facilityId,
        kind: "humidifier_household",
        name: "2階 食堂の加湿器",
        seasonFrom: `${seasonFrom.slice(0, 4)}-11-01`,
        seasonTo,
      },
      { facilityId, kind: "humidifier_builtin", name: "空調の加湿装置", seasonFrom, seasonTo },
      { facilityId, kind: "bath_circulating", name: "一般浴槽（循環式）" },
    ])
    .returning();
  const [dining1, dining2, builtin, bath] = equipment as [
    (typeof equipment)[number],
    (typeof equipment)[number],
    (typeof equipment)[number],
    (typeof equipment)[number],
  ];
  for (const h of [dining1, dining2]) {
    const from = h.seasonFrom! > yearAgo ? h.seasonFrom! : yearAgo;
    everyDay(from, addIsoDays(today, -1), (day) => {
      if (day > h.seasonTo!) return;
      // One missed day in the season, three weeks ago on the 2nd floor.
      if (h === dining2 && day === addIsoDays(today, -21)) return;
      add("humidifier_log", day, { action: "tank_change" }, { equipmentId: h.id, by: care });
    });
  }
  add(
    "humidifier_log",
    addIsoDays(seasonFrom, -1),
    { action: "drain" },
    { equipmentId: builtin.id, by: lead },
  );
  add(
    "humidifier_log",
    addIsoDays(seasonFrom, -1),
    { action: "cleaning" },
    { equipmentId: builtin.id, by: lead },
  );
  // The drain at the end of the season (付録3: 使用終了時に、水抜き及び清掃), once the season is ending or over.
  const endDrain = addIsoDays(seasonTo, -2);
  if (endDrain <= yesterday) {
    add("humidifier_log", endDrain, { action: "drain" }, { equipmentId: builtin.id, by: lead });
    add("humidifier_log", endDrain, { action: "cleaning" }, { equipmentId: builtin.id, by: lead });
  }
  for (let month = seasonFrom; month <= yesterday; month = addIsoMonths(month, 1)) {
    add(
      "humidifier_log",
      `${month.slice(0, 7)}-05` < seasonFrom ? seasonFrom : `${month.slice(0, 7)}-05`,
      {
        action: "inspection",
      },
      { equipmentId: builtin.id, by: lead },
    );
  }

  // Bath: residual chlorine every day at 10:00, water changed every six days, a Legionella test five months ago.
  let dayIndex = 0;
  everyDay(yearAgo, yesterday, (day) => {
    dayIndex++;
    const high = day === addIsoDays(today, -47);
    const low = day === addIsoDays(today, -12);
    const chlorineMgL = high ? 0.6 : low ? 0.1 : Math.round((0.22 + random() * 0.16) * 100) / 100;
    add(
      "bath_check",
      day,
      { time: "10:00", chlorineMgL, waterChanged: dayIndex % 6 === 0 || day === yesterday, cleaned: true },
      { equipmentId: bath.id, flagged: high || low, by: care },
    );
    if (high || low) {
      add(
        "bath_check",
        day,
        {
          time: "11:00",
          chlorineMgL: 0.3,
          waterChanged: false,
          cleaned: false,
          note: "塩素剤を調整して再測定",
        },
        { equipmentId: bath.id, by: care },
      );
    }
  });
  add(
    "legionella_test",
    addIsoMonths(today, -5),
    { result: "not_detected", laboratory: "みなと環境検査センター" },
    {
      equipmentId: bath.id,
    },
  );

  // Kitchen and cleaning every day (one missed day each); infectious waste every other Friday-ish.
  everyDay(yearAgo, yesterday, (day) => {
    if (day !== addIsoDays(today, -33)) {
      const samplesKept = day !== addIsoDays(today, -75);
      add(
        "kitchen_check",
        day,
        { handWashing: true, utensils: true, foodSamples: samplesKept, staffHealth: true },
        { flagged: !samplesKept, by: care },
      );
    }
    if (day !== addIsoDays(today, -58)) {
      add(
        "cleaning_round",
        day,
        { areas: ["floors", "toilets", "bathroom", "dining", "handrails"] },
        { by: care },
      );
    }
  });
  for (let day = addIsoDays(yearAgo, 3), n = 1; day <= yesterday; day = addIsoDays(day, 14), n++) {
    add("waste_handover", day, {
      contractor: "みなとメディカル産廃株式会社",
      manifestNo: `E-${day.slice(0, 4)}-${String(n).padStart(4, "0")}`,
      containers: 1 + Math.floor(random() * 3),
    });
  }

  // Stored as one import per record type, audited as such (the demo's bulk load, not a user's writes).
  const counts = new Map<string, number>();
  for (let i = 0; i < records.length; i += 2000) {
    await tx.insert(routineRecords).values(records.slice(i, i + 2000));
  }
  for (const r of records) counts.set(r.type, (counts.get(r.type) ?? 0) + 1);
  await appendAudit(
    tx,
    [...counts].map(([type, n]) => ({
      actorUserId: lead,
      organisationId: facilityId,
      action: "import" as const,
      entity: `routine_${type}`,
      entityId: "demo",
      after: { records: n },
    })),
  );
  if (attendance.length > 0) await tx.insert(routineAttendance).values(attendance);
  if (acknowledgements.length > 0) await tx.insert(routineAcknowledgements).values(acknowledgements);
}
