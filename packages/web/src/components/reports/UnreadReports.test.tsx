import { screen, waitFor } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import type { SentCreNotification } from "../../api/cre-notifications.ts";
import { CreNotificationReceivedPage } from "../../pages/reports/CreNotificationReceivedPage.tsx";
import { MBL_CASE } from "../../test/cre-fixtures.ts";
import { fakeApi, renderSignedIn, TEST_USER } from "../../test/render.tsx";
import { UnreadReports } from "./UnreadReports.tsx";

const OFFICER = {
  ...TEST_USER,
  id: "u-hc",
  role: "health_centre_officer" as const,
  organisation: { id: "hc", name: "みなと市保健所", kind: "health_centre" as const },
};

const received: SentCreNotification = {
  id: "n-1",
  caseId: MBL_CASE.case.id,
  healthCentre: { id: "hc", name: "みなと市保健所" },
  sentAt: "2026-12-02T01:00:00.000Z",
  readAt: "2026-12-02T02:00:00.000Z",
  form: {
    ...MBL_CASE,
    hospital: { name: "みなと総合病院" },
    physician: { name: "医師 誠" },
    sentOn: "2026-12-02",
  },
};

describe("UnreadReports: the header's count", () => {
  it("counts a 発生届 not yet opened, and drops it once the health centre opens it", async () => {
    // The server counts unread reports and unread 発生届 together (GET /api/inbox/unread).
    const unread = vi
      .fn()
      .mockResolvedValueOnce({ unread: 1, reports: 0, notifications: 1 })
      .mockResolvedValue({ unread: 0, reports: 0, notifications: 0 });
    const api = fakeApi({ me: async () => OFFICER });
    api.reports.unread = unread;
    let open: (n: SentCreNotification) => void = () => undefined;
    api.creNotifications.get = () => new Promise((resolve) => (open = resolve));
    renderSignedIn(
      <>
        <UnreadReports />
        <CreNotificationReceivedPage id="n-1" />
      </>,
      api,
      "/cre-notifications/n-1",
    );
    const badge = await screen.findByTestId("header-unread");
    expect(badge.textContent).toBe("1");
    expect(badge.getAttribute("title")).toBe("未読 1件（報告 0件・発生届 1件）");

    // The officer's copy arrives (the server marks it read on the way): the header asks again.
    open(received);
    await waitFor(() => expect(screen.queryByTestId("header-unread")).toBeNull());
    expect(unread.mock.calls.length).toBeGreaterThanOrEqual(2);
  });

  it("splits a health centre's total into reports and 発生届, and gives a municipality its reports", async () => {
    const api = fakeApi({ me: async () => OFFICER });
    api.reports.unread = async () => ({ unread: 5, reports: 3, notifications: 2 });
    renderSignedIn(<UnreadReports />, api);
    const badge = await screen.findByTestId("header-unread");
    expect(badge.textContent).toBe("5");
    expect(badge.getAttribute("title")).toBe("未読 5件（報告 3件・発生届 2件）");
    expect(screen.getByTestId("header-unread-words").textContent).toBe(badge.getAttribute("title"));
  });

  it("gives a municipality's officer the count of its reports", async () => {
    const municipal = {
      ...OFFICER,
      role: "municipal_officer" as const,
      organisation: { id: "m", name: "みなと市", kind: "municipality" as const },
    };
    const api = fakeApi({ me: async () => municipal });
    api.reports.unread = async () => ({ unread: 2, reports: 2, notifications: 0 });
    renderSignedIn(<UnreadReports />, api);
    const badge = await screen.findByTestId("header-unread");
    expect(badge.getAttribute("title")).toBe("未読の報告 2件");
  });

  it("says the split in English too", async () => {
    const { i18n } = await import("../../i18n/index.ts");
    await i18n.changeLanguage("en");
    try {
      const api = fakeApi({ me: async () => OFFICER });
      api.reports.unread = async () => ({ unread: 5, reports: 3, notifications: 2 });
      renderSignedIn(<UnreadReports />, api);
      const badge = await screen.findByTestId("header-unread");
      expect(badge.getAttribute("title")).toBe("5 unread: 3 reports, 2 CRE notifications (発生届)");
    } finally {
      await i18n.changeLanguage("ja");
    }
  });
});
