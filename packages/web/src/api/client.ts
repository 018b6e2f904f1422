import type { courseListResponse } from "@mamori/contract/antibiotics";
import type { signedInResponse } from "@mamori/contract/auth";
import type { BathDayResult, BathRemoveResult, bathResponse } from "@mamori/contract/bath-uses";
import type { caseListResponse } from "@mamori/contract/cases";
import { FIELD_ERROR_CODES, type FieldErrorCode } from "@mamori/contract/errors";
import type {
  facilityResponse,
  roomBody,
  roomResponse,
  unitBody,
  unitResponse,
} from "@mamori/contract/facility";
import type { Health } from "@mamori/contract/health";
import type {
  correctedObservationResponse,
  historyResponse,
  observationListResponse,
  WithdrawResult,
} from "@mamori/contract/observations";
import type { PeopleImportResult, peopleResponse, savedPersonResponse } from "@mamori/contract/people";
import type {
  enrolmentConfirmedResponse,
  enrolmentResponse,
  recoveryCodesResponse,
} from "@mamori/contract/second-factor";
import type { accountListResponse, accountResponse } from "@mamori/contract/users";
import type { z } from "zod";
import type { Account, AccountInput, AccountPatch, FacilityPatch, Overseers } from "./account-types.ts";
import { createCreApi } from "./cre.ts";
import { createCreNotificationsApi } from "./cre-notifications.ts";
import { createEpisodesApi } from "./episodes.ts";
import { ApiError, NetworkError } from "./errors.ts";
import { createFormsApi } from "./forms.ts";
import type {
  AlertsQuery,
  AlertsResult,
  AntibioticCourse,
  CasePatch,
  NewAntibioticCourse,
  NewCase,
  RecordedCase,
} from "./records-types.ts";
import { createRegionApi } from "./region.ts";
import { createReportsApi } from "./reports.ts";
import { createRoutineApi } from "./routine.ts";
import type { EpidemicCurveResult, LineListResult } from "./surveillance-types.ts";
import { createSurveyApi } from "./survey.ts";
import type {
  Facility,
  FieldError,
  NewObservation,
  ObservationCorrection,
  Person,
  PersonInput,
  PersonPatch,
  Round,
  SaveResult,
  User,
} from "./types.ts";

export interface ApiClientOptions {
  /** Prefix of every URL; empty for the same origin. */
  baseUrl?: string;
  fetch?: typeof fetch;
  /** Called on any 401, so the app can return to the sign-in page. */
  onUnauthenticated?: () => void;
}

interface RequestOptions {
  body?: unknown;
  csv?: string;
  /** An Excel workbook sent as it is (a municipality's report form). */
  xlsx?: ArrayBuffer;
  /** Sign-in answers 401 for a wrong password; that is not an expired session. */
  quiet401?: boolean;
}

const isFieldErrorCode = (code: unknown): code is FieldErrorCode =>
  typeof code === "string" && (FIELD_ERROR_CODES as readonly string[]).includes(code);

function parseFields(value: unknown): FieldError[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((f: unknown) => {
    if (typeof f !== "object" || f === null) return [];
    const { path, message, code, params } = f as {
      path?: unknown;
      message?: unknown;
      code?: unknown;
      params?: unknown;
    };
    return [
      {
        path: String(path ?? ""),
        message: String(message ?? ""),
        ...(isFieldErrorCode(code) ? { code } : {}),
        ...(typeof params === "object" && params !== null
          ? { params: params as Record<string, unknown> }
          : {}),
      },
    ];
  });
}

async function toApiError(response: Response): Promise<ApiError> {
  const retryAfter = response.headers.get("retry-after");
  const retryAfterS = retryAfter !== null && /^\d+$/.test(retryAfter) ? Number(retryAfter) : null;
  let payload: unknown = null;
  try {
    payload = await response.json();
  } catch {
    payload = null;
  }
  const error =
    typeof payload === "object" && payload !== null && "error" in payload
      ? (payload as { error: unknown }).error
      : null;
  if (typeof error === "object" && error !== null) {
    const e = error as { id?: unknown; message?: unknown; fields?: unknown };
    return new ApiError(
      response.status,
      typeof e.id === "string" ? e.id : `http_${response.status}`,
      typeof e.message === "string" ? e.message : response.statusText,
      parseFields(e.fields),
      retryAfterS,
    );
  }
  return new ApiError(response.status, `http_${response.status}`, response.statusText, [], retryAfterS);
}

/** Creates the typed client for every call of docs/api.md. */
const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

export function createApiClient(options: ApiClientOptions = {}) {
  const baseUrl = options.baseUrl ?? "";
  const doFetch = options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init));

  async function request<T>(method: string, path: string, opts: RequestOptions = {}): Promise<T> {
    const headers: Record<string, string> = { accept: "application/json" };
    let body: string | ArrayBuffer | undefined;
    if (opts.xlsx !== undefined) {
      headers["content-type"] = XLSX_TYPE;
      body = opts.xlsx;
    } else if (opts.csv !== undefined) {
      headers["content-type"] = "text/csv; charset=utf-8";
      body = opts.csv;
    } else if (opts.body !== undefined) {
      headers["content-type"] = "application/json";
      body = JSON.stringify(opts.body);
    }
    let response: Response;
    try {
      response = await doFetch(`${baseUrl}${path}`, { method, headers, body, credentials: "same-origin" });
    } catch (cause) {
      throw new NetworkError(cause instanceof Error ? cause.message : String(cause));
    }
    if (!response.ok) {
      const error = await toApiError(response);
      if (error.status === 401 && !opts.quiet401) options.onUnauthenticated?.();
      throw error;
    }
    if (response.status === 204) return undefined as T;
    const text = await response.text();
    return (text === "" ? undefined : JSON.parse(text)) as T;
  }

  const q = (params: Record<string, string>) => new URLSearchParams(params).toString();

  return {
    /** CRE stewardship of a hospital (src/api/cre.ts). */
    cre: createCreApi(request),
    /** The infection-control routine between outbreaks (src/api/routine.ts). */
    routine: createRoutineApi(request),
    /** Outbreak episodes of a facility (src/api/episodes.ts). */
    episodes: createEpisodesApi(request),
    /** The manual's outbreak forms 付録4② and ③ (src/api/forms.ts). */
    forms: createFormsApi(request),
    /** The national cefiderocol survey: answering, the lab's part, the secretariat (src/api/survey.ts). */
    survey: createSurveyApi(request),
    /** Reports to the health centre and the municipality, and the offices' inbox (src/api/reports.ts). */
    reports: createReportsApi(request),
    /** The CRE 発生届 sent to the health centre through the inbox (src/api/cre-notifications.ts). */
    creNotifications: createCreNotificationsApi(request),
    /** The health centre's region view, count sharing and the municipality's report form (src/api/region.ts). */
    region: createRegionApi(request),
    health: () => request<Health>("GET", "/api/health"),

    login: async (username: string, password: string): Promise<User> =>
      (
        await request<z.infer<typeof signedInResponse>>("POST", "/api/auth/login", {
          body: { username, password },
          quiet401: true,
        })
      ).user,
    logout: () => request<void>("POST", "/api/auth/logout"),
    /** Changes the signed-in user's own password; their other sessions end. */
    changePassword: (currentPassword: string, newPassword: string) =>
      request<void>("POST", "/api/auth/password", { body: { currentPassword, newPassword } }),
    /** The second step of sign-in: the authenticator app's 6-digit number or a recovery code. */
    verifySecondFactor: async (code: string): Promise<User> =>
      (
        await request<z.infer<typeof signedInResponse>>("POST", "/api/auth/second-factor/verify", {
          body: { code },
          quiet401: true,
        })
      ).user,
    /** Starts setting up the second factor; a user who has one already gives the password. */
    startSecondFactorEnrolment: (currentPassword?: string) =>
      request<z.infer<typeof enrolmentResponse>>("POST", "/api/auth/second-factor/enrolment", {
        body: currentPassword === undefined ? {} : { currentPassword },
      }),
    /** Confirms the set-up with the app's first number; answers the recovery codes, shown once. */
    confirmSecondFactorEnrolment: (code: string) =>
      request<z.infer<typeof enrolmentConfirmedResponse>>(
        "POST",
        "/api/auth/second-factor/enrolment/confirm",
        {
          body: { code },
        },
      ),
    /** New recovery codes (the old ones stop working), with a current number of the app. */
    newRecoveryCodes: (code: string) =>
      request<z.infer<typeof recoveryCodesResponse>>("POST", "/api/auth/second-factor/recovery-codes", {
        body: { code },
      }),
    disableSecondFactor: (currentPassword: string) =>
      request<void>("POST", "/api/auth/second-factor/disable", { body: { currentPassword } }),
    /** The signed-in user; rejects with a 401 ApiError when nobody is signed in. */
    me: async (): Promise<User> =>
      (await request<z.infer<typeof signedInResponse>>("GET", "/api/auth/me", { quiet401: true })).user,

    facility: async (): Promise<Facility> =>
      (await request<z.infer<typeof facilityResponse>>("GET", "/api/facility")).facility,
    updateFacility: async (patch: FacilityPatch): Promise<Facility> =>
      (await request<z.infer<typeof facilityResponse>>("PATCH", "/api/facility", { body: patch })).facility,
    /** The health centres and municipalities a facility may report to (director, admin). */
    overseers: () => request<Overseers>("GET", "/api/facility/overseers"),
    createUnit: async (unit: z.input<typeof unitBody>) =>
      (await request<z.infer<typeof unitResponse>>("POST", "/api/facility/units", { body: unit })).unit,
    createRoom: async (unitId: string, room: z.input<typeof roomBody>) =>
      (
        await request<z.infer<typeof roomResponse>>(
          "POST",
          `/api/facility/units/${encodeURIComponent(unitId)}/rooms`,
          {
            body: room,
          },
        )
      ).room,

    /** The facility's accounts (admin only). */
    users: async (): Promise<Account[]> =>
      (await request<z.infer<typeof accountListResponse>>("GET", "/api/users")).users,
    /** Creates an account; a taken username is a 409 ApiError naming the field `username`. */
    createUser: async (account: AccountInput): Promise<Account> =>
      (await request<z.infer<typeof accountResponse>>("POST", "/api/users", { body: account })).user,
    updateUser: async (id: string, patch: AccountPatch): Promise<Account> =>
      (
        await request<z.infer<typeof accountResponse>>("PATCH", `/api/users/${encodeURIComponent(id)}`, {
          body: patch,
        })
      ).user,

    /** Removes an account's second factor (admin); the user sets it up again at the next sign-in. */
    resetSecondFactor: async (id: string): Promise<Account> =>
      (
        await request<z.infer<typeof accountResponse>>(
          "POST",
          `/api/users/${encodeURIComponent(id)}/second-factor/reset`,
          {
            body: {},
          },
        )
      ).user,

    people: async (): Promise<Person[]> =>
      (await request<z.infer<typeof peopleResponse>>("GET", "/api/people")).people,
    createPerson: async (person: PersonInput): Promise<Person> =>
      (await request<z.infer<typeof savedPersonResponse>>("POST", "/api/people", { body: person })).person,
    updatePerson: async (id: string, patch: PersonPatch): Promise<Person> =>
      (
        await request<z.infer<typeof savedPersonResponse>>("PATCH", `/api/people/${encodeURIComponent(id)}`, {
          body: patch,
        })
      ).person,
    /** Sends a CSV of residents; a 400 ApiError lists every bad row (`rows[3].kind`) and nothing is saved. */
    importPeople: (csv: string) => request<PeopleImportResult>("POST", "/api/people/import", { csv }),

    round: (unitId: string, date: string) => request<Round>("GET", `/api/rounds?${q({ unitId, date })}`),
    saveObservations: (observations: NewObservation[]) =>
      request<SaveResult>("POST", "/api/observations", { body: { observations } }),
    correctObservation: async (id: string, correction: ObservationCorrection) =>
      (
        await request<z.infer<typeof correctedObservationResponse>>(
          "PUT",
          `/api/observations/${encodeURIComponent(id)}`,
          {
            body: correction,
          },
        )
      ).observation,
    withdrawObservations: (ids: string[]) =>
      request<WithdrawResult>("POST", "/api/observations/withdraw", {
        body: { ids },
      }),
    observationHistory: async (id: string) =>
      (
        await request<z.infer<typeof historyResponse>>(
          "GET",
          `/api/observations/${encodeURIComponent(id)}/history`,
        )
      ).revisions,
    observations: async (personId: string, from: string, to: string) =>
      (
        await request<z.infer<typeof observationListResponse>>(
          "GET",
          `/api/observations?${q({ personId, from, to })}`,
        )
      ).observations,

    /** The facility's alerts (person hints and facility rules) for the `lookback` days ending with `asOf`. */
    alerts: (facilityId: string, query: AlertsQuery = {}) =>
      request<AlertsResult>(
        "GET",
        `/api/facilities/${encodeURIComponent(facilityId)}/alerts?${q({
          ...(query.asOf ? { asOf: query.asOf } : {}),
          ...(query.lookback ? { lookback: String(query.lookback) } : {}),
        })}`,
      ),
    /** Who is ill now: the current cases per floor and room with their days (the line list). */
    lineList: (facilityId: string, query: { asOf?: string; days?: number } = {}) =>
      request<LineListResult>(
        "GET",
        `/api/facilities/${encodeURIComponent(facilityId)}/line-list?${q({
          ...(query.asOf ? { asOf: query.asOf } : {}),
          ...(query.days ? { days: String(query.days) } : {}),
        })}`,
      ),
    /** New onsets per day, group and floor, with the days alerts fired and the usual upper bound. */
    epidemicCurve: (facilityId: string, query: { asOf?: string; days?: number } = {}) =>
      request<EpidemicCurveResult>(
        "GET",
        `/api/facilities/${encodeURIComponent(facilityId)}/epidemic-curve?${q({
          ...(query.asOf ? { asOf: query.asOf } : {}),
          ...(query.days ? { days: String(query.days) } : {}),
        })}`,
      ),
    /** Recorded cases; with `from`, those with an onset or resolution on or after it, or not resolved. */
    cases: async (from?: string) =>
      (await request<z.infer<typeof caseListResponse>>("GET", `/api/cases${from ? `?${q({ from })}` : ""}`))
        .cases,
    createCase: (newCase: NewCase) => request<RecordedCase>("POST", "/api/cases", { body: newCase }),
    updateCase: (id: string, patch: CasePatch) =>
      request<RecordedCase>("PATCH", `/api/cases/${encodeURIComponent(id)}`, { body: patch }),
    antibiotics: async () =>
      (await request<z.infer<typeof courseListResponse>>("GET", "/api/antibiotics")).courses,
    createAntibiotic: (course: NewAntibioticCourse) =>
      request<AntibioticCourse>("POST", "/api/antibiotics", { body: course }),
    endAntibiotic: (id: string, endDate: string) =>
      request<AntibioticCourse>("PATCH", `/api/antibiotics/${encodeURIComponent(id)}`, { body: { endDate } }),
    bathUses: async (from: string, to: string) =>
      (await request<z.infer<typeof bathResponse>>("GET", `/api/bath-uses?${q({ from, to })}`)).bathUses,
    /** Adds who used the communal bath on a day; sending the same people again changes nothing. */
    saveBathDay: (date: string, personIds: string[]) =>
      request<BathDayResult>("POST", "/api/bath-uses", { body: { date, personIds } }),
    /** Takes a person off a day's bath list (a tick made by mistake). */
    removeBathUse: (date: string, personId: string) =>
      request<BathRemoveResult>("DELETE", `/api/bath-uses?${q({ date, personId })}`),
  };
}

export type ApiClient = ReturnType<typeof createApiClient>;
