import type { Alert, CaseStatus, OutcomeKind, SyndromeGroup } from "@mamori/domain/surveillance";

// Shapes of the alerts, cases, antibiotic courses and bath use calls, as written in docs/api.md.

/** `GET /api/facilities/:facilityId/alerts`: the rules engine's answer for the days ending with `asOf`. */
export interface AlertsResult {
  /** The instant of evaluation, ISO 8601 with offset. */
  asOf: string;
  /** Id of the rule profile that fired the alerts. */
  profile: string;
  /** The covered days of the facility's time zone, oldest first; the last is the as-of day. */
  days: string[];
  /** Sorted by day, code, subject. */
  alerts: Alert[];
}

export interface AlertsQuery {
  /** Instant of evaluation (ISO 8601 with offset); the server's now when left out. */
  asOf?: string;
  /** Days covered, ending with the as-of day (1–31, default 7). */
  lookback?: number;
}

export interface CaseOutcome {
  kind: OutcomeKind;
  date: string;
}

/**
 * A recorded case: a suspected or confirmed disease of one person, or — before a disease is named — the line list's
 * notes on an implicit case of a symptom group (`disease` null, `syndromeGroup` set).
 */
export interface RecordedCase {
  id: string;
  personId: string;
  disease: string | null;
  syndromeGroup: SyndromeGroup | null;
  status: CaseStatus;
  onsetDate: string;
  resolvedDate: string | null;
  /** 受診・診断日. */
  diagnosedDate: string | null;
  /** 備考 (診断結果など). */
  remarks: string | null;
  outcomes: CaseOutcome[];
  version: number;
}

/** `POST /api/cases`; the id is made on the device so a resend never duplicates. */
export interface NewCase {
  id: string;
  personId: string;
  disease?: string | null;
  syndromeGroup?: SyndromeGroup | null;
  status: CaseStatus;
  onsetDate: string;
  resolvedDate?: string | null;
  diagnosedDate?: string | null;
  notifiedDate?: string | null;
  remarks?: string | null;
  outcomes: CaseOutcome[];
}

export type CasePatch = Partial<Omit<NewCase, "id" | "personId">>;

export interface AntibioticCourse {
  id: string;
  personId: string;
  drug: string | null;
  startDate: string;
  endDate: string | null;
}

export interface NewAntibioticCourse {
  id: string;
  personId: string;
  drug?: string | null;
  startDate: string;
  endDate?: string | null;
}

export interface BathUse {
  personId: string;
  date: string;
}
