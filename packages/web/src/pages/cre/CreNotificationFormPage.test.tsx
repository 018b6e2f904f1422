import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import type { SentCreNotification } from "../../api/cre-notifications.ts";
import { ReceivedCreNotifications } from "../../components/cre/ReceivedCreNotifications.tsx";
import { fakeCreApi } from "../../test/cre-fake.ts";
import { MBL_CASE } from "../../test/cre-fixtures.ts";
import { LAB_USER, PHYSICIAN_USER } from "../../test/cre-users.ts";
import { fakeApi, renderSignedIn } from "../../test/render.tsx";
import { CreNotificationFormPage } from "./CreNotificationFormPage.tsx";

const CENTRE = { id: "hc", name: "みなと市保健所" };
const sentFrom = (notifiedOn: string): SentCreNotification => ({
  id: "n-1",
  caseId: MBL_CASE.case.id,
  healthCentre: CENTRE,
  sentAt: "2026-12-02T01:00:00.000Z",
  readAt: null,
  form: {
    ...MBL_CASE,
    evaluation: {
      ...MBL_CASE.evaluation,
      notification: { ...MBL_CASE.evaluation.notification, notifiedOn },
    },
    hospital: { name: "みなと総合病院" },
    physician: { name: "医師 誠" },
    sentOn: notifiedOn,
  },
});

describe("CreNotificationFormPage: the 発生届 sent through the inbox", () => {
  it("sends the form to the hospital's health centre once; then shows it as sent, addressed to the centre", async () => {
    const user = userEvent.setup();
    const send = vi.fn(async () => sentFrom("2026-12-02"));
    const api = fakeApi({
      me: async () => PHYSICIAN_USER,
      cre: fakeCreApi({ case: async () => MBL_CASE }),
    });
    api.creNotifications.ofCase = async () => ({ notification: null, healthCentre: CENTRE, maySend: true });
    api.creNotifications.send = send;
    renderSignedIn(
      <CreNotificationFormPage caseId={MBL_CASE.case.id} />,
      api,
      `/cre/${MBL_CASE.case.id}/notification`,
    );
    const button = await screen.findByTestId("notify-send-button");
    expect(button.textContent).toBe("みなと市保健所へ送る");
    expect(screen.getByTestId("cre-notification-form").textContent).toContain("みなと市保健所長 殿");
    await user.click(button);
    await waitFor(() => expect(send).toHaveBeenCalledOnce());
    expect((send.mock.calls[0] as unknown as string[])[1]).toBe(MBL_CASE.case.id);
    expect((await screen.findByTestId("notify-sent")).textContent).toContain("みなと市保健所へ送りました");
    expect(screen.getByTestId("notify-form-notified").textContent).toBe("2026年12月2日(水)");
    expect(screen.queryByTestId("notify-send-button")).toBeNull();
  });

  it("says how to set the health centre when the hospital has none, and leaves sending to the physician", async () => {
    const api = fakeApi({ me: async () => PHYSICIAN_USER, cre: fakeCreApi({ case: async () => MBL_CASE }) });
    api.creNotifications.ofCase = async () => ({ notification: null, healthCentre: null, maySend: true });
    renderSignedIn(<CreNotificationFormPage caseId={MBL_CASE.case.id} />, api, "/");
    expect((await screen.findByTestId("notify-send")).textContent).toContain("保健所が設定されていません");
    expect(screen.queryByTestId("notify-send-button")).toBeNull();
  });

  it("shows the laboratory the form without a send button", async () => {
    const api = fakeApi({ me: async () => LAB_USER, cre: fakeCreApi({ case: async () => MBL_CASE }) });
    api.creNotifications.ofCase = async () => ({ notification: null, healthCentre: CENTRE, maySend: false });
    renderSignedIn(<CreNotificationFormPage caseId={MBL_CASE.case.id} />, api, "/");
    expect((await screen.findByTestId("notify-send")).textContent).toContain("医師が送ります");
    expect(screen.queryByTestId("notify-send-button")).toBeNull();
  });
});

describe("ReceivedCreNotifications: the health centre's list", () => {
  it("lists what hospitals sent, unread marked, with the organism and the day of diagnosis", async () => {
    const api = fakeApi({});
    api.creNotifications.received = async () => ({
      unread: 1,
      notifications: [
        {
          id: "n-1",
          hospital: { id: "h-1", name: "みなと総合病院" },
          organism: "Klebsiella pneumoniae",
          organismJa: "肺炎桿菌",
          diagnosedOn: "2026-11-30",
          sentAt: "2026-12-02T01:00:00.000Z",
          unread: true,
        },
      ],
    });
    renderSignedIn(<ReceivedCreNotifications />, api, "/");
    const item = await screen.findByTestId("inbox-cre-item");
    expect(item.textContent).toContain("みなと総合病院");
    expect(item.textContent).toContain("未読");
    expect(item.textContent).toContain("診断 2026年11月30日(月)");
    // The hospital is named: its ids are its own, another hospital sending here may use the same.
    expect(item.querySelector("a")?.getAttribute("href")).toBe("/cre-notifications/n-1?facility=h-1");
  });
});
