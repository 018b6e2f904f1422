// The alerts, cases, antibiotic courses and bath uses as the server sends and takes them: @mamori/contract.

export type { AntibioticCourse, NewAntibioticCourse } from "@mamori/contract/antibiotics";
export type { BathUse } from "@mamori/contract/bath-uses";
export type { CaseOutcome, CasePatch, NewCase, RecordedCase } from "@mamori/contract/cases";
export type { AlertsQuery, AlertsResult } from "@mamori/contract/surveillance";
