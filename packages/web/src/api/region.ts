import type { RegionAlert, RegionView, sharingResponse } from "@mamori/contract/region";
import type { ReportTemplateInfo } from "@mamori/contract/report-templates";
import type { SyndromeGroup } from "@mamori/domain/surveillance";
import type { z } from "zod";
import type { Requester } from "./cre.ts";

export type { RegionAlert };

// The region view, count sharing and the report-form calls (docs/api.md, "Region view" and "Report forms"); their
// answers are typed by @mamori/contract.

export type { CountSharing, RegionFacilitySeries, RegionSeries, RegionView } from "@mamori/contract/region";
export type { ReportTemplateInfo } from "@mamori/contract/report-templates";

/** The region view, count sharing and the municipality's report form, built on the client's request function. */
export function createRegionApi(request: Requester) {
  return {
    view: (group?: SyndromeGroup) =>
      request<RegionView>("GET", group ? `/api/region?${new URLSearchParams({ group })}` : "/api/region"),
    sharing: async () =>
      (await request<z.infer<typeof sharingResponse>>("GET", "/api/region/sharing")).sharing,
    setSharing: async (share: boolean) =>
      (await request<z.infer<typeof sharingResponse>>("PUT", "/api/region/sharing", { body: { share } }))
        .sharing,
    template: () => request<ReportTemplateInfo>("GET", "/api/report-template"),
    uploadTemplate: (fileName: string, xlsx: ArrayBuffer) =>
      request<ReportTemplateInfo>("PUT", `/api/report-template?${new URLSearchParams({ fileName })}`, {
        xlsx,
      }),
    removeTemplate: () => request<ReportTemplateInfo>("DELETE", "/api/report-template"),
  };
}

export type RegionApi = ReturnType<typeof createRegionApi>;
