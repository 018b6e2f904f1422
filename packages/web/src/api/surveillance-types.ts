import type { CaseNotification } from "@mamori/domain/notifiable";
import type {
  CaseStatus,
  FacilityAlertCode,
  FacilitySubject,
  OutcomeKind,
  PersonKind,
  SymptomCode,
  SyndromeGroup,
} from "@mamori/domain/surveillance";

// Shapes of the line list and epidemic curve calls (docs/api.md, "Who is ill now").

export interface LineListDay {
  date: string;
  recorded: boolean;
  symptoms: SymptomCode[];
  lowGradeFever: boolean;
  maxTempC: number | null;
  caseSymptoms: boolean;
}

/** `GET /api/facilities/:facilityId/line-list`: one current case. */
export interface LineListEntry {
  key: string;
  /** The stored case; null for an implicit case nobody has recorded anything about yet. */
  caseId: string | null;
  version: number | null;
  source: "implicit" | "recorded";
  person: { id: string; name: string; kind: PersonKind; job: string | null };
  unit: { id: string; name: string; floor: string } | null;
  room: { id: string; name: string } | null;
  subject: FacilitySubject;
  disease: string | null;
  status: CaseStatus;
  onsetDate: string;
  onsetAt: string | null;
  lastSymptomDate: string | null;
  resolvedDate: string | null;
  diagnosedDate: string | null;
  /** The day the physician notified the health centre. */
  notifiedDate: string | null;
  /** Whether and by when the diagnosis must be notified (感染症法 / 食品衛生法); null when not notifiable. */
  notification: CaseNotification | null;
  remarks: string | null;
  outcomes: { kind: OutcomeKind; date: string }[];
  days: LineListDay[];
  symptomFreeDays: number;
  closeOffer: { resolvedDate: string; symptomFreeDays: number } | null;
}

export interface LineListResult {
  asOf: string;
  profile: string;
  days: string[];
  entries: LineListEntry[];
}

export interface EpidemicCurveResult {
  asOf: string;
  profile: string;
  days: string[];
  units: { id: string | null; name: string | null; floor: string | null }[];
  groups: {
    group: SyndromeGroup;
    total: number[];
    byUnit: { unitId: string | null; counts: number[] }[];
    upperBound: (number | null)[] | null;
  }[];
  alertDays: { day: string; code: FacilityAlertCode; subject: FacilitySubject }[];
  detection: { method: "C1" | "C2" | "C3"; alpha: number; minSigma: number; minHistoryDays: number };
}
