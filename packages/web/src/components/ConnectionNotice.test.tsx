import { act, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { AppUpdate } from "../offline/app-update.ts";
import { DeviceCopy } from "../offline/device-copy.ts";
import { renderWithI18n } from "../test/render.tsx";
import { ConnectionNotice } from "./ConnectionNotice.tsx";

function goOnline(on: boolean) {
  vi.spyOn(navigator, "onLine", "get").mockReturnValue(on);
  act(() => {
    globalThis.dispatchEvent(new Event(on ? "online" : "offline"));
  });
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe("ConnectionNotice", () => {
  it("says nothing while online and everything shown came from the server", () => {
    renderWithI18n(<ConnectionNotice copy={new DeviceCopy(localStorage)} />);
    expect(screen.queryByTestId("connection-notice")).toBeNull();
  });

  it("says オフラインです when the connection drops, and from when the round on screen is", () => {
    const copy = new DeviceCopy(localStorage);
    renderWithI18n(<ConnectionNotice copy={copy} />);
    goOnline(false);
    expect(screen.getByTestId("offline-notice").textContent).toBe(
      "オフラインです。記録はこの端末に保存され、つながったら自動で送信されます。",
    );
    act(() => copy.shown("2026-11-23T07:05:00+09:00"));
    expect(screen.getByTestId("offline-notice").textContent).toMatch(
      /この端末に残っている11\/2\d \d\d:\d\d時点の内容です。$/,
    );
  });

  it("offers to read the latest once back online while a kept copy is on screen", async () => {
    const user = userEvent.setup();
    const copy = new DeviceCopy(localStorage);
    const onReload = vi.fn();
    renderWithI18n(<ConnectionNotice copy={copy} onReload={onReload} />);
    goOnline(false);
    act(() => copy.shown("2026-11-23T07:05:00+09:00"));
    goOnline(true);
    expect(screen.queryByTestId("offline-notice")).toBeNull();
    await user.click(screen.getByTestId("connection-reload"));
    expect(onReload).toHaveBeenCalledTimes(1);
    act(() => copy.reached());
    expect(screen.queryByTestId("connection-notice")).toBeNull();
  });

  it("offers a waiting new version and installs it only when asked", async () => {
    const user = userEvent.setup();
    const update = new AppUpdate();
    const apply = vi.fn(async () => undefined);
    renderWithI18n(<ConnectionNotice copy={new DeviceCopy(localStorage)} update={update} />);
    expect(screen.queryByTestId("update-notice")).toBeNull();
    act(() => update.offer(apply));
    expect(screen.getByTestId("update-notice").textContent).toContain("Mamoriの新しい版があります。");
    expect(apply).not.toHaveBeenCalled();
    await user.click(screen.getByTestId("update-install"));
    expect(apply).toHaveBeenCalledTimes(1);
  });
});
