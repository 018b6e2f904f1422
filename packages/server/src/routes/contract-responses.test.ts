import { randomUUID } from "node:crypto";
import { courseListResponse } from "@mamori/contract/antibiotics";
import { signedInResponse } from "@mamori/contract/auth";
import { bathDayResponse, bathResponse } from "@mamori/contract/bath-uses";
import { caseListResponse } from "@mamori/contract/cases";
import {
  availabilityResponse,
  caseDetailResponse,
  caseListResponse as creCaseListResponse,
} from "@mamori/contract/cre";
import {
  caseNotificationResponse,
  receivedListResponse,
  sentNotificationResponse,
} from "@mamori/contract/cre-notifications";
import { episodeDetailResponse, episodeListResponse } from "@mamori/contract/episodes";
import { facilityResponse } from "@mamori/contract/facility";
import { physicianReportResponse, weeklyResponse } from "@mamori/contract/forms";
import { historyResponse, observationListResponse, roundResponse } from "@mamori/contract/observations";
import { peopleResponse } from "@mamori/contract/people";
import type { Role } from "@mamori/contract/permissions";
import { regionResponse, sharingResponse } from "@mamori/contract/region";
import {
  decisionResponse,
  inboxResponse,
  overviewResponse,
  reportListResponse,
  unreadResponse,
} from "@mamori/contract/reports";
import {
  equipmentListResponse,
  obligationsResponse,
  recordResponse,
  restrictionsResponse,
  settingsResponse,
} from "@mamori/contract/routine";
import { alertsResponse, epidemicCurveResponse, lineListResponse } from "@mamori/contract/surveillance";
import {
  labQueueResponse,
  paperFormListResponse,
  paperFormResponse,
  historyResponse as surveyHistoryResponse,
  overviewResponse as surveyOverviewResponse,
  surveyResponseView,
  tasksResponse,
} from "@mamori/contract/survey";
import { beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { createUser } from "../accounts/create-user.ts";
import { organisations } from "../db/schema/index.ts";
import { useTestApp } from "../test/test-app.ts";
import { makeFacility, signIn, TEST_PASSWORD } from "../test/test-facility.ts";
import { makeHospital, newCaseBody, SEVERE_BLOODSTREAM } from "./cre/cre-test-support.ts";

// Each area's answer parsed with the response schema of @mamori/contract that the web takes its types from: a
// server change that the web would not understand fails here at run time, as it fails tsc where a handler is typed.
const ctx = useTestApp();
let facility: Awaited<ReturnType<typeof makeFacility>>;
const cookies: Partial<Record<Role, string>> = {};
const ids: Record<string, string> = {};
const today = () => new Date().toISOString().slice(0, 10);

beforeAll(async () => {
  facility = await makeFacility(ctx.db, { roles: ["nurse", "director"] });
  for (const role of ["nurse", "director"] as const)
    cookies[role] = await signIn(ctx.app, facility.usernames[role]!);
  const username = `hc-${randomUUID().slice(0, 8)}`;
  await createUser(ctx.db, {
    organisationId: facility.healthCentre.id,
    username,
    displayName: username,
    role: "health_centre_officer",
    password: TEST_PASSWORD,
  });
  cookies.health_centre_officer = await signIn(ctx.app, username);
  ids.person = facility.people[0]!.id;
  ids.observation = randomUUID();
  const saved = await ctx.app.inject({
    method: "POST",
    url: "/api/observations",
    headers: { cookie: cookies.nurse! },
    payload: {
      observations: [
        {
          id: ids.observation,
          personId: ids.person,
          at: new Date().toISOString(),
          tempC: 37.8,
          symptoms: ["cough"],
        },
      ],
    },
  });
  expect(saved.statusCode).toBe(200);
  const post = (url: string, payload: object) =>
    ctx.app.inject({ method: "POST", url, headers: { cookie: cookies.nurse! }, payload });
  const recorded = await post("/api/cases", {
    id: randomUUID(),
    personId: ids.person,
    disease: "influenza",
    status: "confirmed",
    onsetDate: today(),
    diagnosedDate: today(),
  });
  expect(recorded.statusCode).toBe(201);
  const course = await post("/api/antibiotics", {
    id: randomUUID(),
    personId: ids.person,
    startDate: today(),
  });
  expect(course.statusCode).toBe(201);
  ids.episode = randomUUID();
  const opened = await post(`/api/facilities/${facility.facility.id}/episodes`, {
    id: ids.episode,
    subject: { group: "ILI" },
  });
  expect(opened.statusCode).toBe(201);
  const hygiene = await post("/api/routine/records/kitchen_check", {
    id: randomUUID(),
    date: today(),
    data: { handWashing: true, utensils: true, foodSamples: true, staffHealth: false },
  });
  expect(hygiene.statusCode, hygiene.body).toBeLessThan(300);

  const hospital = await makeHospital(ctx.app, ctx.db, ["lab_technologist", "physician"]);
  cookies.physician = hospital.cookies.physician;
  const creCase = newCaseBody();
  ids.creCase = creCase.id;
  const reported = await ctx.app.inject({
    method: "POST",
    url: "/api/cre/cases",
    headers: { cookie: hospital.cookies.lab_technologist! },
    payload: creCase,
  });
  expect(reported.statusCode, reported.body).toBe(201);
  const clinical = await ctx.app.inject({
    method: "PATCH",
    url: `/api/cre/cases/${ids.creCase}`,
    headers: { cookie: cookies.physician! },
    payload: { version: 1, ...SEVERE_BLOODSTREAM, diagnosedOn: today(), cefiderocolOrdered: true },
  });
  expect(clinical.statusCode, clinical.body).toBe(200);
  ids.creNotification = randomUUID();
  const notified = await ctx.app.inject({
    method: "POST",
    url: "/api/cre-notifications",
    headers: { cookie: cookies.physician! },
    payload: { id: ids.creNotification, caseId: ids.creCase },
  });
  expect(notified.statusCode, notified.body).toBe(201);
  cookies.lab_technologist = hospital.cookies.lab_technologist;
  ids.surveyResponse = randomUUID();
  const surveyOpened = await ctx.app.inject({
    method: "POST",
    url: `/api/survey/cases/${ids.creCase}/response`,
    headers: { cookie: cookies.physician! },
    payload: { id: ids.surveyResponse },
  });
  expect(surveyOpened.statusCode, surveyOpened.body).toBe(201);

  const [secretariat] = await ctx.db
    .insert(organisations)
    .values({ kind: "secretariat", name: "事務局", requireSecondFactor: false })
    .returning();
  const clerk = `sec-${randomUUID().slice(0, 8)}`;
  await createUser(ctx.db, {
    organisationId: secretariat!.id,
    username: clerk,
    displayName: clerk,
    role: "secretariat",
    password: TEST_PASSWORD,
  });
  cookies.secretariat = await signIn(ctx.app, clerk);
  ids.paperForm = randomUUID();
  const keyed = (method: "POST" | "PUT", url: string, payload: object) =>
    ctx.app.inject({ method, url, headers: { cookie: cookies.secretariat! }, payload });
  const form = await keyed("POST", "/api/survey/paper", { id: ids.paperForm, label: "No. 1" });
  expect(form.statusCode, form.body).toBe(201);
  const entry = await keyed("PUT", `/api/survey/paper/${ids.paperForm}/entries/1`, {
    response: {
      resourceType: "QuestionnaireResponse",
      item: [{ linkId: "q1", answer: [{ valueBoolean: true }] }],
    },
  });
  expect(entry.statusCode, entry.body).toBe(200);
}, 60_000);

const answers: { area: string; role: Role; url: () => string; schema: z.ZodType }[] = [
  { area: "signed-in user", role: "nurse", url: () => "/api/auth/me", schema: signedInResponse },
  { area: "facility", role: "nurse", url: () => "/api/facility", schema: facilityResponse },
  { area: "people", role: "nurse", url: () => "/api/people", schema: peopleResponse },
  {
    area: "round",
    role: "nurse",
    url: () => `/api/rounds?unitId=${facility.units[0]!.id}&date=${today()}`,
    schema: roundResponse,
  },
  {
    area: "observations",
    role: "nurse",
    url: () => `/api/observations?personId=${ids.person}&from=${today()}&to=${today()}`,
    schema: observationListResponse,
  },
  {
    area: "observation history",
    role: "nurse",
    url: () => `/api/observations/${ids.observation}/history`,
    schema: historyResponse,
  },
  { area: "cases", role: "nurse", url: () => "/api/cases", schema: caseListResponse },
  { area: "antibiotics", role: "nurse", url: () => "/api/antibiotics", schema: courseListResponse },
  {
    area: "bath uses",
    role: "nurse",
    url: () => `/api/bath-uses?from=${today()}&to=${today()}`,
    schema: bathResponse,
  },
  {
    area: "alerts",
    role: "nurse",
    url: () => `/api/facilities/${facility.facility.id}/alerts`,
    schema: alertsResponse,
  },
  {
    area: "line list",
    role: "nurse",
    url: () => `/api/facilities/${facility.facility.id}/line-list`,
    schema: lineListResponse,
  },
  {
    area: "epidemic curve",
    role: "nurse",
    url: () => `/api/facilities/${facility.facility.id}/epidemic-curve`,
    schema: epidemicCurveResponse,
  },
  {
    area: "episodes",
    role: "nurse",
    url: () => `/api/facilities/${facility.facility.id}/episodes`,
    schema: episodeListResponse,
  },
  {
    area: "episode",
    role: "nurse",
    url: () => `/api/facilities/${facility.facility.id}/episodes/${ids.episode}`,
    schema: episodeDetailResponse,
  },
  {
    area: "weekly form",
    role: "nurse",
    url: () => `/api/facilities/${facility.facility.id}/forms/weekly?weekStart=${today()}`,
    schema: weeklyResponse,
  },
  {
    area: "physician report",
    role: "nurse",
    url: () => `/api/facilities/${facility.facility.id}/forms/physician-report?from=${today()}`,
    schema: physicianReportResponse,
  },
  {
    area: "routine records",
    role: "nurse",
    url: () => `/api/routine/records?types=kitchen_check&from=${today()}&to=${today()}`,
    schema: z.object({ records: z.array(recordResponse).min(1) }),
  },
  {
    area: "equipment",
    role: "nurse",
    url: () => "/api/routine/equipment",
    schema: equipmentListResponse,
  },
  { area: "routine settings", role: "nurse", url: () => "/api/routine/settings", schema: settingsResponse },
  {
    area: "obligations",
    role: "nurse",
    url: () => `/api/facilities/${facility.facility.id}/obligations`,
    schema: obligationsResponse,
  },
  {
    area: "work restrictions",
    role: "nurse",
    url: () => `/api/facilities/${facility.facility.id}/work-restrictions`,
    schema: restrictionsResponse,
  },
  { area: "reports", role: "director", url: () => "/api/reports", schema: reportListResponse },
  { area: "inbox", role: "health_centre_officer", url: () => "/api/inbox", schema: inboxResponse },
  {
    area: "inbox overview",
    role: "health_centre_officer",
    url: () => "/api/inbox/overview",
    schema: overviewResponse,
  },
  {
    area: "received 発生届",
    role: "health_centre_officer",
    url: () => "/api/cre-notifications",
    schema: receivedListResponse,
  },
  { area: "CRE cases", role: "physician", url: () => "/api/cre/cases?lang=en", schema: creCaseListResponse },
  {
    area: "CRE case",
    role: "physician",
    url: () => `/api/cre/cases/${ids.creCase}?lang=ja`,
    schema: caseDetailResponse,
  },
  {
    area: "CRE availability",
    role: "physician",
    url: () => "/api/cre/availability",
    schema: availabilityResponse,
  },
  {
    area: "a case's 発生届",
    role: "physician",
    url: () => `/api/cre-notifications/cases/${ids.creCase}`,
    schema: caseNotificationResponse.extend({ notification: sentNotificationResponse }),
  },
  {
    area: "a 発生届 as sent",
    role: "physician",
    url: () => `/api/cre-notifications/${ids.creNotification}`,
    schema: sentNotificationResponse,
  },
  { area: "survey tasks", role: "physician", url: () => "/api/survey/tasks", schema: tasksResponse },
  {
    area: "survey response",
    role: "physician",
    url: () => `/api/survey/responses/${ids.surveyResponse}`,
    schema: surveyResponseView,
  },
  {
    area: "survey response history",
    role: "physician",
    url: () => `/api/survey/responses/${ids.surveyResponse}/history`,
    schema: surveyHistoryResponse,
  },
  {
    area: "survey lab queue",
    role: "lab_technologist",
    url: () => "/api/survey/lab-queue",
    schema: labQueueResponse,
  },
  {
    area: "survey overview",
    role: "secretariat",
    url: () => "/api/survey/secretariat/overview",
    schema: surveyOverviewResponse,
  },
  { area: "paper forms", role: "secretariat", url: () => "/api/survey/paper", schema: paperFormListResponse },
  {
    area: "paper form",
    role: "secretariat",
    url: () => `/api/survey/paper/${ids.paperForm}`,
    schema: paperFormResponse,
  },
  { area: "count sharing", role: "director", url: () => "/api/region/sharing", schema: sharingResponse },
  { area: "region", role: "health_centre_officer", url: () => "/api/region", schema: regionResponse },
  {
    area: "inbox unread",
    role: "health_centre_officer",
    url: () => "/api/inbox/unread",
    schema: unreadResponse,
  },
];

/** Answers of writes, each sent once (what the write does is tested with its route). */
const writeAnswers: {
  area: string;
  role: Role;
  url: () => string;
  payload: () => object;
  schema: z.ZodType;
}[] = [
  {
    area: "bath day",
    role: "nurse",
    url: () => "/api/bath-uses",
    payload: () => ({ date: today(), personIds: [ids.person] }),
    schema: bathDayResponse,
  },
  {
    area: "criterion C decision",
    role: "director",
    url: () => "/api/reports/decisions",
    payload: () => ({
      id: randomUUID(),
      group: "ILI",
      day: today(),
      decision: "no_report",
      reason: "家族内の散発例",
    }),
    schema: decisionResponse,
  },
];

describe("the server's answers are the contract's response shapes", () => {
  for (const answer of writeAnswers)
    it(`${answer.area}: the write's answer parses with the contract's schema`, async () => {
      const res = await ctx.app.inject({
        method: "POST",
        url: answer.url(),
        headers: { cookie: cookies[answer.role]! },
        payload: answer.payload(),
      });
      expect(res.statusCode, res.body).toBeLessThan(300);
      const parsed = answer.schema.safeParse(res.json());
      expect(parsed.error?.issues ?? []).toEqual([]);
    });

  for (const answer of answers)
    it(`${answer.area}: the answer parses with the contract's schema`, async () => {
      const res = await ctx.app.inject({
        method: "GET",
        url: answer.url(),
        headers: { cookie: cookies[answer.role]! },
      });
      expect(res.statusCode).toBe(200);
      const parsed = answer.schema.safeParse(res.json());
      expect(parsed.error?.issues ?? []).toEqual([]);
    });
});
