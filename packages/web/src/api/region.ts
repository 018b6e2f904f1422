import type { RegionAlert } from "@mamori/contract/region";
import type { SyndromeGroup } from "@mamori/domain/surveillance";
import type { Requester } from "./cre.ts";

export type { RegionAlert };

// Shapes of the region view and the report-form calls (docs/api.md, "Region view" and "Report forms").

export interface RegionSeries {
  counts: number[];
  /** The usual upper bound per day; null where the day cannot be compared (too little history). */
  upperbound: (number | null)[];
  above: boolean[];
  today: number;
  lastWeek: number;
  aboveToday: boolean;
}

export interface RegionFacilitySeries extends RegionSeries {
  facilityId: string;
  aboveDays: string[];
  tested: boolean;
  /** Whether the facility meets reporting criterion ア or イ in this group. */
  meetsReportCriterion: boolean;
}

export interface RegionView {
  asOfDay: string;
  /** The group whose facilities' series are given; the other groups give the region's series only. */
  group: SyndromeGroup;
  days: string[];
  detection: { method: string; minHistoryDays: number; minOnsets: number };
  facilities: { id: string; name: string; sharesCountsSince: string; alerts: RegionAlert[] }[];
  groups: {
    group: SyndromeGroup;
    region: RegionSeries;
    aboveToday: number;
    aboveRecently: number;
    facilities: RegionFacilitySeries[];
  }[];
}

export interface CountSharing {
  shared: boolean;
  since: string | null;
  healthCentre: { id: string; name: string } | null;
}

export interface ReportTemplateInfo {
  template: { fileName: string; names: string[]; uploadedAt: string; sizeBytes: number } | null;
  knownNames: string[];
  maxBytes: number;
}

/** The region view, count sharing and the municipality's report form, built on the client's request function. */
export function createRegionApi(request: Requester) {
  return {
    view: (group?: SyndromeGroup) =>
      request<RegionView>("GET", group ? `/api/region?${new URLSearchParams({ group })}` : "/api/region"),
    sharing: async () => (await request<{ sharing: CountSharing }>("GET", "/api/region/sharing")).sharing,
    setSharing: async (share: boolean) =>
      (await request<{ sharing: CountSharing }>("PUT", "/api/region/sharing", { body: { share } })).sharing,
    template: () => request<ReportTemplateInfo>("GET", "/api/report-template"),
    uploadTemplate: (fileName: string, xlsx: ArrayBuffer) =>
      request<ReportTemplateInfo>("PUT", `/api/report-template?${new URLSearchParams({ fileName })}`, {
        xlsx,
      }),
    removeTemplate: () => request<ReportTemplateInfo>("DELETE", "/api/report-template"),
  };
}

export type RegionApi = ReturnType<typeof createRegionApi>;
