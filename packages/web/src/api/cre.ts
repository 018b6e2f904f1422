import type {
  CarbapenemaseEnzyme,
  CefiderocolVerdict,
  CreDrugKey,
  CreIsolateInput,
  InfectionSite,
  MechanismCategory,
  OptionRole,
  SeverityCategory,
  SeverityDomain,
  SirCategory,
  Tri,
  UrinaryType,
} from "@mamori/domain/cre";

// Shapes of the CRE calls of docs/api.md ("CRE stewardship"): the server derives every state with the CRE rules and
// sends each code with its display text in the language asked for.

export type CreLang = "ja" | "en";
export type Labelled<C extends string = string> = { code: C; text: string };
export type DrugRef = { key: CreDrugKey; name: string };

export interface CreInfection {
  site: InfectionSite;
  urinaryType: UrinaryType | null;
  causative: boolean | null;
}

export interface CreSeverity {
  hemodynamicallyStable: boolean;
  noImmunodeficiencyOrStable: boolean;
  sourceControlled: boolean;
  stabilisedAfterTreatment: boolean;
  checklist: string[];
  stableDespiteImmunodeficiency: boolean;
}

export type OrderStatus = "not_ordered" | "awaiting_decision" | "approved" | "declined";

export interface CreConsultation {
  id: string;
  note: string;
  decision: "approved" | "declined" | null;
  caseVersion: number;
  recordedAt: string;
  recordedBy: { id: string; displayName: string; role: string };
}

/** The stored case: raw values as entered, plus the order's state and the consultations. */
export interface CreCaseRecord {
  id: string;
  patientLabel: string;
  isolate: CreIsolateInput;
  infection: CreInfection | null;
  severity: CreSeverity | null;
  diagnosedOn: string | null;
  notifiedOn: string | null;
  reportedOn: string;
  cefiderocolOrdered: boolean;
  cefiderocolOrderedAt: string | null;
  order: { status: OrderStatus; decidedAt: string | null };
  consultations: CreConsultation[];
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface CreNotification {
  notifiable: Tri;
  dueDate: string | null;
  dueDateBasis: "diagnosis" | "report" | null;
  overdue: boolean;
  diagnosedOn: string | null;
  notifiedOn: string | null;
}

export interface CreEvaluation {
  lang: CreLang;
  organism: { input: string; name: string | null; ja: string | null; enterobacterales: boolean };
  standard: string;
  susceptibility: Array<
    DrugRef & {
      method: "mic" | "disk" | null;
      value: string | null;
      category: SirCategory;
      categoryText: string;
      breakpoint: string | null;
      /** The breakpoint is bracketed (EUCAST) for this organism and site: use only with another active drug. */
      bracketed: boolean;
      note: string | null;
    }
  >;
  cre: {
    value: Tri;
    criterion: string | null;
    criterionText: string | null;
    evidence: string;
    checks: Array<{ drug: CreDrugKey; method: "mic" | "disk"; result: Tri; text: string }>;
    missing: DrugRef[];
    criteriaId: string;
  };
  notification: CreNotification & {
    reason: string;
    reasonText: string;
    deadlineDays: number;
    source: string;
  };
  cpeScreen: { positive: Tri; reason: string };
  mechanism: {
    category: MechanismCategory;
    text: string;
    enzymes: Labelled<CarbapenemaseEnzyme>[];
    nextTests: Labelled[];
    notes: Labelled[];
    mcim: "positive" | "negative" | "indeterminate" | null;
    ecim: "mbl_positive" | "mbl_negative" | "not_interpreted" | null;
    carbaNP: "positive" | "negative" | "invalid" | null;
    source: string;
  };
  clinical: null | {
    site: Labelled<InfectionSite>;
    urinaryType: Labelled<UrinaryType> | null;
    causative: boolean | null;
    phase: "low_acuity" | "acute_severe" | "step_down";
    severity: {
      category: SeverityCategory;
      text: string;
      failedDomains: Labelled<SeverityDomain>[];
      stabilised: boolean;
      source: string;
    };
    options: Array<{
      drugs: DrugRef[];
      role: OptionRole;
      roleText: string;
      preferred: boolean;
      dose: string;
      rationale: string;
      source: string;
      marks: Array<{ drug: CreDrugKey | null; mark: string; text: string }> | null;
    }>;
    cautions: Array<{ code: string; text: string; source: string }>;
    cefiderocol: {
      ordered: boolean;
      verdict: CefiderocolVerdict;
      verdictText: string;
      reasons: Array<{ code: string; text: string; source: string }>;
    };
    survey: { required: boolean };
  };
}

export interface CreCaseDetail {
  case: CreCaseRecord;
  evaluation: CreEvaluation;
  /** The hospital's time zone, for the instants of the record. */
  timeZone: string;
}

/** One line of the hospital's list. */
export interface CreCaseState {
  id: string;
  patientLabel: string;
  organism: string;
  organismName: string | null;
  enterobacterales: boolean;
  specimen: { type: string; sterileSite: boolean };
  collectedAt: string | null;
  reportedOn: string;
  cre: Tri;
  mechanism: Labelled<MechanismCategory>;
  workUp: { pending: boolean; nextTests: Labelled[] };
  notification: CreNotification & { reasonText: string };
  awaitingPhysician: boolean;
  survey: { required: boolean };
  cefiderocol: {
    ordered: boolean;
    verdict: CefiderocolVerdict | null;
    verdictText: string | null;
    orderStatus: OrderStatus;
  };
  version: number;
  updatedAt: string;
}

export interface CrePatch {
  version: number;
  patientLabel?: string;
  isolate?: CreIsolateInput;
  infection?: CreInfection;
  severity?: CreSeverity | null;
  diagnosedOn?: string | null;
  notifiedOn?: string | null;
  cefiderocolOrdered?: boolean;
}

export interface CreAvailability {
  drugs: CreDrugKey[];
  isDefault: boolean;
  updatedAt: string | null;
}

export interface CreImportResult {
  imported: number;
  duplicates: number;
  cases: Array<{ row: number; id: string }>;
  ignoredColumns: string[];
}

/** The request function of the one API client (src/api/client.ts). */
export type Requester = <T>(
  method: string,
  path: string,
  options?: { body?: unknown; csv?: string; xlsx?: ArrayBuffer },
) => Promise<T>;

/** The CRE calls of the typed client, built on its request function (errors, 401 handling and all). */
export function createCreApi(request: Requester) {
  const id = (value: string) => encodeURIComponent(value);
  const q = (params: Record<string, string>) => new URLSearchParams(params).toString();
  return {
    cases: async (lang: CreLang) =>
      (await request<{ cases: CreCaseState[] }>("GET", `/api/cre/cases?${q({ lang })}`)).cases,
    case: (caseId: string, lang: CreLang) =>
      request<CreCaseDetail>("GET", `/api/cre/cases/${id(caseId)}?${q({ lang })}`),
    /** Reports an isolate; the id is made on the device so a resend never adds a second case. */
    createCase: (body: { id: string; patientLabel: string; isolate: CreIsolateInput }, lang: CreLang) =>
      request<CreCaseDetail>("POST", `/api/cre/cases?${q({ lang })}`, { body }),
    updateCase: (caseId: string, patch: CrePatch, lang: CreLang) =>
      request<CreCaseDetail>("PATCH", `/api/cre/cases/${id(caseId)}?${q({ lang })}`, { body: patch }),
    recordConsultation: async (
      caseId: string,
      body: { id: string; note: string; decision?: "approved" | "declined" },
    ) =>
      (
        await request<{ consultation: CreConsultation }>(
          "POST",
          `/api/cre/cases/${id(caseId)}/consultation`,
          { body },
        )
      ).consultation,
    /** Sends a laboratory export; a 400 lists every bad cell (`rows[3].MEPM`) and nothing is saved. */
    importIsolates: (
      csv: string,
      params: { importId: string; standard: "CLSI" | "EUCAST"; edition: string },
    ) => request<CreImportResult>("POST", `/api/cre/cases/import?${q(params)}`, { csv }),
    availability: () => request<CreAvailability>("GET", "/api/cre/availability"),
    setAvailability: (drugs: CreDrugKey[]) =>
      request<CreAvailability>("PUT", "/api/cre/availability", { body: { drugs } }),
  };
}

export type CreApi = ReturnType<typeof createCreApi>;
