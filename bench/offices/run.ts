import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { availableParallelism, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { officeReport } from "../../packages/domain/src/reports/office-report.ts";
import { addIsoDays } from "../../packages/domain/src/surveillance/local-day.ts";
import { buildApp } from "../../packages/server/src/app.ts";
import { hashPassword } from "../../packages/server/src/auth/password.ts";
import { connect } from "../../packages/server/src/db/connect.ts";
import {
  officeReportMessages,
  officeReportRecipients,
  officeReports,
  officeReportVersions,
  organisations,
  outbreakEpisodes,
  users,
} from "../../packages/server/src/db/schema/index.ts";

/**
 * The offices benchmark (issue 11): a health centre and a municipality overseeing 300 facilities, each of which sent
 * a year's reports (a first report, two follow-ups and a final report for each of two outbreaks: 8 a year, 2,400 in
 * all, with replies and notes). Measured through the whole app in process (cookie, policy, queries, response schema),
 * without the network: the inbox, the unread count, the health centre's overview and one report. Target: p95 under
 * 200 ms per call. Run: `npm run bench:offices`.
 */
const FACILITIES = Number(process.env.BENCH_FACILITIES ?? 300);
const OUTBREAKS_PER_FACILITY = 2;
const RUNS = Number(process.env.BENCH_RUNS ?? 30);
const WARMUP = 3;
const PASSWORD = "mamori-bench-password";
const NOW = new Date("2026-12-02T10:00:00+09:00");

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
};

const dataDir = mkdtempSync(join(tmpdir(), "mamori-bench-offices-"));
const connection = await connect({ kind: "pglite", dataDir });
const db = connection.db;
try {
  const seedStart = performance.now();
  const [centre] = await db
    .insert(organisations)
    .values({ kind: "health_centre", name: "ベンチ保健所", requireSecondFactor: false })
    .returning();
  const [city] = await db
    .insert(organisations)
    .values({ kind: "municipality", name: "ベンチ市", requireSecondFactor: false })
    .returning();
  const passwordHash = await hashPassword(PASSWORD);
  const [officer] = await db
    .insert(users)
    .values({
      organisationId: centre!.id,
      username: "bench-hc",
      displayName: "保健所 担当",
      role: "health_centre_officer",
      passwordHash,
    })
    .returning();
  await db.insert(users).values({
    organisationId: city!.id,
    username: "bench-muni",
    displayName: "市 担当",
    role: "municipal_officer",
    passwordHash,
  });
  const facilities = await db
    .insert(organisations)
    .values(
      Array.from({ length: FACILITIES }, (_, i) => ({
        kind: "facility" as const,
        facilityType: "elderly_care" as const,
        name: `施設 ${String(i + 1).padStart(3, "0")}`,
        healthCentreId: centre!.id,
        municipalityId: city!.id,
      })),
    )
    .returning();
  let reportCount = 0;
  let lastReportId = "";
  for (const [fi, facility] of facilities.entries()) {
    const [director] = await db
      .insert(users)
      .values({
        organisationId: facility.id,
        username: `bench-director-${fi}`,
        displayName: "施設長",
        role: "director",
        passwordHash,
      })
      .returning();
    const reports = [];
    const versions = [];
    const recipients = [];
    const messages = [];
    for (let o = 0; o < OUTBREAKS_PER_FACILITY; o++) {
      const start = addIsoDays("2026-01-10", (fi % 150) + o * 170);
      const episodeId = randomUUID();
      const closed = o === 0 ? addIsoDays(start, 21) : null;
      await db.insert(outbreakEpisodes).values({
        id: episodeId,
        facilityId: facility.id,
        subjectGroup: "GI",
        openedDate: start,
        openedBy: director!.id,
        openedAt: new Date(`${start}T09:00:00+09:00`),
        closedDate: closed,
        decision: closed ? "終息" : null,
        closedBy: closed ? director!.id : null,
        closedAt: closed ? new Date(`${closed}T09:00:00+09:00`) : null,
      });
      let firstId: string | null = null;
      for (const [k, kind] of (["first", "follow_up", "follow_up", "final"] as const).entries()) {
        if (o === 1 && kind === "final") continue;
        const day = addIsoDays(start, k * 4);
        const at = new Date(`${day}T11:00:00+09:00`);
        const content = officeReport({
          facility: { name: facility.name, type: "elderly_care", users: 60, staff: 30 },
          group: "GI",
          criterion: "B",
          asOfDay: day,
          fromDay: start,
          units: [
            { id: "u1", name: "1階" },
            { id: "u2", name: "2階" },
          ],
          people: Array.from({ length: 60 }, (_, p) => ({
            id: `p${p}`,
            role: "user" as const,
            unitId: p % 2 ? "u2" : "u1",
          })),
          cases: Array.from({ length: 12 }, (_, p) => ({
            personId: `p${p}`,
            onsetDate: addIsoDays(start, p % 5),
            resolvedDate: null,
            disease: p < 3 ? "norovirus" : null,
            status: null,
            outcomes: [],
          })),
          symptoms: Array.from({ length: 12 }, (_, p) => ({
            personId: `p${p}`,
            symptoms: ["vomiting" as const],
          })),
          measures: [{ day: start, text: "面会制限" }],
        });
        const id = randomUUID();
        firstId ??= id;
        lastReportId = id;
        reports.push({
          id,
          facilityId: facility.id,
          kind,
          parentId: kind === "first" ? null : firstId,
          episodeId,
          subjectGroup: "GI",
          criterion: "B" as const,
          status: "submitted" as const,
          version: 1,
          submittedVersion: 1,
          content,
          evidence: {
            code: "REPORT_CRITERION_B",
            holds: true,
            day,
            profile: "mhlw-2005",
            evidence: { count: 12, threshold: 10 },
          },
          createdBy: director!.id,
          createdAt: at,
          updatedAt: at,
          submittedAt: at,
        });
        versions.push({
          reportId: id,
          version: 1,
          content,
          savedBy: director!.id,
          savedAt: at,
          submittedAt: at,
        });
        for (const [office, officeKind] of [
          [centre!.id, "health_centre"],
          [city!.id, "municipality"],
        ] as const)
          recipients.push({
            reportId: id,
            officeId: office,
            kind: officeKind,
            facilityId: facility.id,
            state: closed ? ("closed" as const) : ("acknowledged" as const),
            readVersion: k === 3 ? 0 : 1,
            receivedAt: at,
            stateChangedAt: at,
          });
        messages.push({
          id: randomUUID(),
          reportId: id,
          kind: "instruction" as const,
          text: "検体を提出してください。",
          fromOrganisationId: centre!.id,
          fromKind: "health_centre" as const,
          createdBy: officer!.id,
          createdAt: at,
        });
      }
    }
    await db.insert(officeReports).values(reports);
    await db.insert(officeReportVersions).values(versions);
    await db.insert(officeReportRecipients).values(recipients);
    await db.insert(officeReportMessages).values(messages);
    reportCount += reports.length;
  }
  console.log(
    `${FACILITIES} facilities under one health centre and one municipality, ${reportCount} reports over a year, ` +
      `seeded in ${((performance.now() - seedStart) / 1000).toFixed(1)} s (embedded PostgreSQL, PGlite)`,
  );

  const app = await buildApp({ db, clock: () => NOW });
  const login = await app.inject({
    method: "POST",
    url: "/api/auth/login",
    payload: { username: "bench-hc", password: PASSWORD },
  });
  const cookie = String(login.headers["set-cookie"]).split(";")[0]!;
  const calls = {
    inbox: "/api/inbox",
    unread: "/api/inbox/unread",
    overview: "/api/inbox/overview",
    report: `/api/reports/${lastReportId}`,
  };
  const times: Record<string, number[]> = Object.fromEntries(Object.keys(calls).map((k) => [k, []]));
  const cpuStart = process.cpuUsage();
  for (let run = 0; run < WARMUP + RUNS; run++) {
    for (const [name, url] of Object.entries(calls)) {
      const start = performance.now();
      const response = await app.inject({ method: "GET", url, headers: { cookie } });
      const elapsed = performance.now() - start;
      if (response.statusCode !== 200) throw new Error(`${name}: ${response.statusCode} ${response.body}`);
      if (run === 0 && name === "inbox") console.log(`inbox: ${response.json().reports.length} reports`);
      if (run >= WARMUP) times[name]!.push(elapsed);
    }
  }
  const cpu = process.cpuUsage(cpuStart);
  for (const [name, values] of Object.entries(times)) {
    console.log(
      `${name.padEnd(10)} p50 ${percentile(values, 50).toFixed(1)} ms, p95 ${percentile(values, 95).toFixed(1)} ms, ` +
        `max ${Math.max(...values).toFixed(1)} ms over ${RUNS} requests`,
    );
  }
  console.log(
    `CPU ${((cpu.user + cpu.system) / 1000 / (WARMUP + RUNS)).toFixed(1)} ms per round of ${Object.keys(calls).length} calls; ` +
      `load average ${loadavg()[0]!.toFixed(1)} on ${availableParallelism()} cores`,
  );
  const worst = Math.max(...Object.values(times).map((values) => percentile(values, 95)));
  console.log(
    worst < 200 ? "target (p95 < 200 ms per call): met" : "target (p95 < 200 ms per call): NOT met",
  );
  await app.close();
} finally {
  await connection.close();
  rmSync(dataDir, { recursive: true, force: true });
}
