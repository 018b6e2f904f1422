import { screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { User } from "../api/types.ts";
import { fakeApi, renderSignedIn, testUser } from "../test/render.tsx";
import { HOSPITAL } from "../test/users.ts";
import { AppHeader } from "./AppHeader.tsx";

const NAV = [
  "nav-inbox",
  "nav-region",
  "nav-reports",
  "nav-records",
  "nav-routine",
  "nav-forms",
  "nav-disinfection",
  "nav-setup",
];

/** The header's navigation links shown to `user`, by test id. */
async function navOf(user: User): Promise<string[]> {
  renderSignedIn(<AppHeader />, fakeApi({ me: () => Promise.resolve(user) }));
  await screen.findByTestId("header-user");
  return NAV.filter((id) => screen.queryByTestId(id) !== null);
}

const office = (kind: "health_centre" | "municipality" | "secretariat") => ({
  id: `o-${kind}`,
  name: kind,
  kind,
  facilityType: null,
});

describe("navigation by organisation", () => {
  it("shows a care home's nurse the round's records, routine, forms and setup", async () => {
    expect(await navOf(testUser({ role: "nurse" }))).toEqual([
      "nav-reports",
      "nav-records",
      "nav-routine",
      "nav-forms",
      "nav-disinfection",
      "nav-setup",
    ]);
  });

  it("shows a hospital's physician none of the care home's records, routine or forms", async () => {
    const nav = await navOf(testUser({ role: "physician", organisation: HOSPITAL }));
    expect(nav).not.toContain("nav-records");
    expect(nav).not.toContain("nav-routine");
    expect(nav).not.toContain("nav-forms");
    expect(nav).not.toContain("nav-inbox");
    // Their app has the CRE screens only: a link to the reports page would lead nowhere.
    expect(nav).not.toContain("nav-reports");
  });

  it("shows a hospital's nurse neither the setup of people nor the care home's records", async () => {
    const nav = await navOf(testUser({ role: "nurse", organisation: HOSPITAL }));
    expect(nav).not.toContain("nav-setup");
    expect(nav).not.toContain("nav-records");
    expect(nav).not.toContain("nav-routine");
    expect(nav).not.toContain("nav-disinfection");
  });

  it("takes a hospital's administrator to the accounts, a care home's to the people", async () => {
    renderSignedIn(
      <AppHeader />,
      fakeApi({ me: () => Promise.resolve(testUser({ role: "admin", organisation: HOSPITAL })) }),
    );
    expect((await screen.findByTestId("nav-setup")).getAttribute("href")).toBe("/setup/accounts");
  });

  it("shows a health centre's officer the inbox and the region view only", async () => {
    const officer = testUser({ role: "health_centre_officer", organisation: office("health_centre") });
    expect(await navOf({ ...officer, abilities: { inbox: true, region: true } })).toEqual([
      "nav-inbox",
      "nav-region",
    ]);
  });

  it("shows a municipality's officer the inbox only", async () => {
    const officer = testUser({ role: "municipal_officer", organisation: office("municipality") });
    expect(await navOf({ ...officer, abilities: { inbox: true } })).toEqual(["nav-inbox"]);
  });

  it("shows the survey secretariat no facility or office page", async () => {
    expect(await navOf(testUser({ role: "secretariat", organisation: office("secretariat") }))).toEqual([]);
  });
});
