// The line list and the epidemic curve as the server sends them (docs/api.md, "Who is ill now"): @mamori/contract.

export type {
  EpidemicCurveResult,
  LineListDay,
  LineListEntry,
  LineListResult,
} from "@mamori/contract/surveillance";
