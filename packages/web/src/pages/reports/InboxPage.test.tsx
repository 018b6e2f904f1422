import { fireEvent, screen, waitFor } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { ApiError } from "../../api/errors.ts";
import type { InboxItem } from "../../api/reports.ts";
import { fakeApi, renderSignedIn, testUser } from "../../test/render.tsx";
import { InboxPage } from "./InboxPage.tsx";
import { ReportRoute } from "./ReportPage.tsx";

// Ids chosen on the device are each facility's own: two facilities sending to one office may submit reports of the
// same id, so the office's pages name the facility with every report (`?facility=`).
const OFFICER = testUser({
  id: "u-muni",
  role: "municipal_officer",
  organisation: { id: "m", name: "みなと市", kind: "municipality" },
});

const SHARED = "3f0c2b1e-0000-4000-8000-000000000001";
const entry = (facility: { id: string; name: string }): InboxItem => ({
  id: SHARED,
  facility,
  kind: "first",
  parentId: null,
  group: "GI",
  criterion: "B",
  status: "submitted",
  state: "new",
  version: 1,
  unread: true,
  submittedAt: "2026-12-02T01:00:00.000Z",
  receivedAt: "2026-12-02T01:00:00.000Z",
});
const SAKURA = { id: "f-sakura", name: "さくらの里" };
const MOMIJI = { id: "f-momiji", name: "もみじ苑" };

describe("InboxPage: the office's inbox", () => {
  it("links each report with its facility, so two facilities' reports of one id open apart", async () => {
    const api = fakeApi({ me: async () => OFFICER });
    api.reports.inbox = async () => ({ unread: 2, reports: [entry(SAKURA), entry(MOMIJI)] });
    renderSignedIn(<InboxPage />, api, "/");
    await screen.findByTestId("inbox-list");
    const links = screen
      .getAllByTestId("inbox-item")
      .map((item) => item.querySelector("a")?.getAttribute("href"));
    expect(links).toEqual([`/reports/${SHARED}?facility=f-sakura`, `/reports/${SHARED}?facility=f-momiji`]);
  });
});

describe("ReportRoute: a report the office opens", () => {
  it("asks for the report of the facility the address names", async () => {
    const get = vi.fn().mockRejectedValue(new ApiError(404, "not_found", "Report not found."));
    const api = fakeApi({ me: async () => OFFICER });
    api.reports.get = get;
    renderSignedIn(<ReportRoute id={SHARED} />, api, `/reports/${SHARED}?facility=f-momiji`);
    await screen.findByTestId("error-notice");
    expect(get).toHaveBeenCalledWith({ id: SHARED, facilityId: "f-momiji" });
  });

  it("offers the facilities to choose from when the id alone names two facilities' reports", async () => {
    const ambiguous = new ApiError(409, "ambiguous_id", "Report id is used by 2 facilities", [
      {
        path: "facility",
        code: "ambiguous_id",
        params: { facilities: [SAKURA, MOMIJI] },
        message: "name the facility",
      },
    ]);
    const get = vi.fn().mockRejectedValue(ambiguous);
    const api = fakeApi({ me: async () => OFFICER });
    api.reports.get = get;
    const { location } = renderSignedIn(<ReportRoute id={SHARED} />, api, `/reports/${SHARED}`);
    const choice = await screen.findByTestId("report-ambiguous");
    expect(get).toHaveBeenCalledWith({ id: SHARED, facilityId: undefined });
    expect(choice.textContent).toContain("複数の施設");
    const links = [...choice.querySelectorAll("a")];
    expect(links.map((a) => [a.textContent, a.getAttribute("href")])).toEqual([
      ["さくらの里", `/reports/${SHARED}?facility=f-sakura`],
      ["もみじ苑", `/reports/${SHARED}?facility=f-momiji`],
    ]);
    fireEvent.click(links[1]!);
    await waitFor(() => expect(location.history?.at(-1)).toBe(`/reports/${SHARED}?facility=f-momiji`));
  });
});
