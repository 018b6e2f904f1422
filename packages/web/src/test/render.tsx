import { cleanup, render } from "@testing-library/react";
import type { ReactNode } from "react";
import { I18nextProvider } from "react-i18next";
import { afterEach } from "vitest";
import { Router } from "wouter";
import { memoryLocation } from "wouter/memory-location";
import type { ApiClient } from "../api/client.ts";
import { createSurveyApi } from "../api/survey.ts";
import type { Facility } from "../api/types.ts";
import { i18n, setLang } from "../i18n/index.ts";
import { ApiProvider } from "../state/ApiContext.tsx";
import { FacilityProvider } from "../state/FacilityProvider.tsx";
import { OutboxProvider } from "../state/OutboxProvider.tsx";
import { SessionProvider, useSession } from "../state/SessionProvider.tsx";
import { fakeCreApi } from "./cre-fake.ts";
import { fakeEpisodesApi } from "./episodes-fake.ts";
import { fakeRoutineApi } from "./routine-fake.ts";
import { TEST_USER } from "./users.ts";

afterEach(() => {
  cleanup();
  localStorage.clear();
  setLang("ja");
});

export { TEST_USER, testUser } from "./users.ts";

export const TEST_FACILITY: Facility = {
  id: "f1",
  name: "特別養護老人ホーム さくらの里",
  type: "elderly_care",
  timeZone: "Asia/Tokyo",
  ruleProfile: "mhlw-2005",
  prefecture: null,
  healthCentre: { id: "hc", name: "みなと市保健所" },
  municipality: { id: "m", name: "みなと市" },
  units: [
    { id: "unit-1", name: "1階 さくらユニット", floor: "1F", rooms: [{ id: "r101", name: "101号室" }] },
  ],
};

/** A client whose every call fails unless the test gives it; tests pass only the calls the page should make. */
export function fakeApi(calls: Partial<ApiClient>): ApiClient {
  const unexpected = (name: string) => () => Promise.reject(new Error(`unexpected call ${name}`));
  const base = {
    cre: fakeCreApi(),
    routine: fakeRoutineApi(),
    episodes: fakeEpisodesApi(),
    forms: { weekly: unexpected("forms.weekly"), physicianReport: unexpected("forms.physicianReport") },
    survey: Object.fromEntries(
      Object.keys(createSurveyApi(unexpected("survey") as never)).map((k) => [k, unexpected(`survey.${k}`)]),
    ) as unknown as ReturnType<typeof createSurveyApi>,
    reports: {
      list: unexpected("reports.list"),
      get: unexpected("reports.get"),
      create: unexpected("reports.create"),
      edit: unexpected("reports.edit"),
      submit: unexpected("reports.submit"),
      followUp: unexpected("reports.followUp"),
      reply: unexpected("reports.reply"),
      note: unexpected("reports.note"),
      setState: unexpected("reports.setState"),
      decide: unexpected("reports.decide"),
      workbookUrl: (ref: { id: string }) => `/api/reports/${ref.id}/workbook`,
      inbox: unexpected("reports.inbox"),
      unread: async () => ({ unread: 0, reports: 0, notifications: 0 }),
      overview: unexpected("reports.overview"),
    },
    creNotifications: {
      ofCase: unexpected("creNotifications.ofCase"),
      send: unexpected("creNotifications.send"),
      received: unexpected("creNotifications.received"),
      get: unexpected("creNotifications.get"),
    },
    region: {
      view: unexpected("region.view"),
      sharing: unexpected("region.sharing"),
      setSharing: unexpected("region.setSharing"),
      template: unexpected("region.template"),
      uploadTemplate: unexpected("region.uploadTemplate"),
      removeTemplate: unexpected("region.removeTemplate"),
    },
    health: unexpected("health"),
    login: unexpected("login"),
    logout: unexpected("logout"),
    changePassword: unexpected("changePassword"),
    me: () => Promise.resolve(TEST_USER),
    facility: () => Promise.resolve(TEST_FACILITY),
    updateFacility: unexpected("updateFacility"),
    overseers: unexpected("overseers"),
    users: unexpected("users"),
    createUser: unexpected("createUser"),
    updateUser: unexpected("updateUser"),
    resetSecondFactor: unexpected("resetSecondFactor"),
    verifySecondFactor: unexpected("verifySecondFactor"),
    startSecondFactorEnrolment: unexpected("startSecondFactorEnrolment"),
    confirmSecondFactorEnrolment: unexpected("confirmSecondFactorEnrolment"),
    newRecoveryCodes: unexpected("newRecoveryCodes"),
    disableSecondFactor: unexpected("disableSecondFactor"),
    createUnit: unexpected("createUnit"),
    createRoom: unexpected("createRoom"),
    people: unexpected("people"),
    createPerson: unexpected("createPerson"),
    updatePerson: unexpected("updatePerson"),
    importPeople: unexpected("importPeople"),
    round: unexpected("round"),
    saveObservations: unexpected("saveObservations"),
    correctObservation: unexpected("correctObservation"),
    withdrawObservations: unexpected("withdrawObservations"),
    observationHistory: unexpected("observationHistory"),
    observations: unexpected("observations"),
    alerts: unexpected("alerts"),
    lineList: unexpected("lineList"),
    epidemicCurve: unexpected("epidemicCurve"),
    cases: unexpected("cases"),
    createCase: unexpected("createCase"),
    updateCase: unexpected("updateCase"),
    antibiotics: unexpected("antibiotics"),
    createAntibiotic: unexpected("createAntibiotic"),
    endAntibiotic: unexpected("endAntibiotic"),
    bathUses: unexpected("bathUses"),
    saveBathDay: unexpected("saveBathDay"),
    removeBathUse: unexpected("removeBathUse"),
  } satisfies ApiClient;
  return { ...base, ...calls };
}

/** Renders a component in plain i18n only (for small components). */
export function renderWithI18n(ui: ReactNode) {
  return render(<I18nextProvider i18n={i18n}>{ui}</I18nextProvider>);
}

/** Holds the page back until the session has loaded, as App does. */
function WhenSignedIn({ children }: { children: ReactNode }) {
  const { user } = useSession();
  return user === null ? null : children;
}

/** Renders a page signed in as a care worker of the test facility, at `path`. */
export function renderSignedIn(ui: ReactNode, api: ApiClient, path = "/") {
  localStorage.setItem("mamori.signedIn", "1");
  const location = memoryLocation({ path, record: true });
  const view = render(
    <I18nextProvider i18n={i18n}>
      <ApiProvider client={api}>
        <SessionProvider>
          <Router hook={location.hook}>
            <WhenSignedIn>
              <OutboxProvider userId={TEST_USER.id}>
                <FacilityProvider>{ui}</FacilityProvider>
              </OutboxProvider>
            </WhenSignedIn>
          </Router>
        </SessionProvider>
      </ApiProvider>
    </I18nextProvider>,
  );
  return { ...view, location };
}
