import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { useState } from "react";
import { describe, expect, it } from "vitest";
import type { CreSeverity } from "../../api/cre.ts";
import { renderWithI18n } from "../../test/render.tsx";
import { SeverityChecklist } from "./SeverityChecklist.tsx";

const ALL_MET: CreSeverity = {
  hemodynamicallyStable: true,
  noImmunodeficiencyOrStable: true,
  sourceControlled: true,
  stabilisedAfterTreatment: false,
  checklist: [],
  stableDespiteImmunodeficiency: false,
};

let last: CreSeverity = ALL_MET;
function Harness() {
  const [value, setValue] = useState(ALL_MET);
  last = value;
  return <SeverityChecklist value={value} onChange={setValue} />;
}

const pressed = (id: string) => screen.getByTestId(id).getAttribute("aria-pressed");

describe("SeverityChecklist (guide 表7)", () => {
  it("shows the three domains with the guide's examples", () => {
    renderWithI18n(<Harness />);
    expect(screen.getByText("血行動態が安定化している", { exact: false })).toBeTruthy();
    expect(screen.getByText("ソースコントロールができている", { exact: false })).toBeTruthy();
    expect(screen.getByTestId("cre-severity-item-VASOPRESSOR_REQUIRED")).toBeTruthy();
    expect(screen.getByTestId("cre-severity-item-INFECTED_COLLECTION_NOT_DRAINED")).toBeTruthy();
  });

  it("marks a domain not met when one of its examples is ticked, and met again when none is", async () => {
    const user = userEvent.setup();
    renderWithI18n(<Harness />);
    await user.click(screen.getByTestId("cre-severity-item-HEART_RATE_GE_130"));
    expect(pressed("cre-severity-hemodynamicallyStable-notmet")).toBe("true");
    // "Met" cannot be chosen while an example of the domain is ticked.
    expect((screen.getByTestId("cre-severity-hemodynamicallyStable-met") as HTMLButtonElement).disabled).toBe(
      true,
    );
    expect(last).toMatchObject({ hemodynamicallyStable: false, checklist: ["HEART_RATE_GE_130"] });
    // A severe case may be marked stabilised (step-down, guide ① まとめ).
    expect(screen.getByTestId("cre-stabilised")).toBeTruthy();
    await user.click(screen.getByTestId("cre-severity-item-HEART_RATE_GE_130"));
    expect(last).toMatchObject({ hemodynamicallyStable: true, checklist: [] });
    expect(screen.queryByTestId("cre-stabilised")).toBeNull();
  });

  it("keeps the immunodeficiency domain met when the immunodeficient patient is stable (表7 ②)", async () => {
    const user = userEvent.setup();
    renderWithI18n(<Harness />);
    await user.click(screen.getByTestId("cre-severity-item-STEROID_PSL_20MG_2W"));
    expect(last.noImmunodeficiencyOrStable).toBe(false);
    await user.click(screen.getByTestId("cre-stable-immuno"));
    expect(last).toMatchObject({ noImmunodeficiencyOrStable: true, stableDespiteImmunodeficiency: true });
  });

  it("lets a domain be marked not met without an example (the examples are a guide)", async () => {
    const user = userEvent.setup();
    renderWithI18n(<Harness />);
    await user.click(screen.getByTestId("cre-severity-sourceControlled-notmet"));
    expect(last.sourceControlled).toBe(false);
    expect(pressed("cre-severity-sourceControlled-met")).toBe("false");
  });
});
