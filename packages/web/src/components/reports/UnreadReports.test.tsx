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
    const unread = vi.fn().mockResolvedValueOnce(1).mockResolvedValue(0);
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
    expect(badge.getAttribute("title")).toBe("未読 1件（報告と発生届）");

    // The officer's copy arrives (the server marks it read on the way): the header asks again.
    open(received);
    await waitFor(() => expect(screen.queryByTestId("header-unread")).toBeNull());
    expect(unread.mock.calls.length).toBeGreaterThanOrEqual(2);
  });
});
