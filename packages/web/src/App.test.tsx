import { render, screen } from "@testing-library/react";
import { I18nextProvider } from "react-i18next";
import { describe, expect, it, vi } from "vitest";
import { Router } from "wouter";
import { memoryLocation } from "wouter/memory-location";
import { App } from "./App.tsx";
import type { ApiClient } from "./api/client.ts";
import type { User } from "./api/types.ts";
import { i18n } from "./i18n/index.ts";
import { ApiProvider } from "./state/ApiContext.tsx";
import { SessionProvider } from "./state/SessionProvider.tsx";
import { fakeCreApi } from "./test/cre-fake.ts";
import { fakeApi, TEST_USER, testUser } from "./test/render.tsx";
import { HOSPITAL } from "./test/users.ts";

function renderApp(api: ApiClient, signedIn = true) {
  if (signedIn) localStorage.setItem("mamori.signedIn", "1");
  return render(
    <I18nextProvider i18n={i18n}>
      <ApiProvider client={api}>
        <SessionProvider>
          <Router hook={memoryLocation({ path: "/" }).hook}>
            <App />
          </Router>
        </SessionProvider>
      </ApiProvider>
    </I18nextProvider>,
  );
}

const officer: User = testUser({
  id: "u-hc",
  username: "demo-hc",
  displayName: "保健所 担当",
  role: "health_centre_officer",
  organisation: { id: "hc", name: "みなと市保健所", kind: "health_centre", facilityType: null },
});

describe("App", () => {
  it("opens on sign-in on a device nobody has signed in on, without asking the server", async () => {
    const me = vi.fn(() => Promise.resolve(TEST_USER));
    renderApp(fakeApi({ me }), false);
    expect(await screen.findByTestId("signin-username")).toBeTruthy();
    expect(me).not.toHaveBeenCalled();
  });

  it("shows a facility user the organisation and user in the header, and today's rounds", async () => {
    renderApp(
      fakeApi({
        round: (unitId, date) =>
          Promise.resolve({ date, unit: { id: unitId, name: "1階", floor: "1F" }, people: [] }),
      }),
    );
    expect((await screen.findByTestId("header-org")).textContent).toBe("特別養護老人ホーム さくらの里");
    expect(screen.getByTestId("header-user").textContent).toContain("介護 花子");
    expect(await screen.findByTestId("home-unit-unit-1")).toBeTruthy();
  });

  it("opens a health-centre officer on the office's inbox and never asks for facility data", async () => {
    const facility = vi.fn(() => Promise.reject(new Error("must not be called")));
    const people = vi.fn(() => Promise.reject(new Error("must not be called")));
    const base = fakeApi({});
    const reports = {
      ...base.reports,
      inbox: () => Promise.resolve({ unread: 0, reports: [] }),
      overview: () => Promise.resolve([]),
    };
    renderApp(fakeApi({ me: () => Promise.resolve(officer), facility, people, reports }));
    expect((await screen.findByTestId("inbox-empty")).textContent).toBe("まだ報告は届いていません。");
    expect(screen.getByTestId("nav-inbox").textContent).toBe("受け付けた報告");
    expect(screen.queryByTestId("nav-reports")).toBeNull();
    expect(facility).not.toHaveBeenCalled();
    expect(people).not.toHaveBeenCalled();
  });

  it("gives the survey secretariat a plain page", async () => {
    const secretariat: User = testUser({
      ...officer,
      role: "secretariat",
      organisation: { id: "s1", name: "CRE治療薬アンケート事務局", kind: "secretariat", facilityType: null },
    });
    renderApp(fakeApi({ me: () => Promise.resolve(secretariat) }));
    expect((await screen.findByTestId("overseer-nothing")).textContent).toBe("まだ何も提出されていません。");
  });

  it("opens a lab technologist on the hospital's CRE cases, not the facility round", async () => {
    const facility = vi.fn(() => Promise.reject(new Error("must not be called")));
    const lab: User = testUser({ role: "lab_technologist", organisation: HOSPITAL });
    const cre = fakeCreApi({ cases: () => Promise.resolve([]) });
    renderApp(fakeApi({ me: () => Promise.resolve(lab), facility, cre }));
    expect(await screen.findByTestId("cre-empty")).toBeTruthy();
    expect(facility).not.toHaveBeenCalled();
  });
});
