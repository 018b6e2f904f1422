import { CRE_DRUG_KEYS, type CreDrugKey } from "@mamori/domain/cre";
import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { useState } from "react";
import { describe, expect, it } from "vitest";
import { renderWithI18n } from "../../test/render.tsx";
import { emptyIsolateForm, type MicCell } from "./isolate-form.ts";
import { MicGrid } from "./MicGrid.tsx";

function Harness({ serverErrors }: { serverErrors?: Map<string, string> }) {
  const [mic, setMic] = useState(emptyIsolateForm().mic);
  const [zone, setZone] = useState(emptyIsolateForm().zone);
  return (
    <MicGrid
      mic={mic}
      zone={zone}
      onMic={(drug: CreDrugKey, cell: MicCell) => setMic((m) => ({ ...m, [drug]: cell }))}
      onZone={(drug: CreDrugKey, text: string) => setZone((z) => ({ ...z, [drug]: text }))}
      {...(serverErrors ? { serverErrors } : {})}
    />
  );
}

describe("MicGrid", () => {
  it("has a MIC and a zone cell for every drug of the case file", () => {
    renderWithI18n(<Harness />);
    for (const drug of CRE_DRUG_KEYS) {
      expect(screen.getByTestId(`cre-mic-${drug}`)).toBeTruthy();
      expect(screen.getByTestId(`cre-zone-${drug}`)).toBeTruthy();
    }
  });

  it("flags a value that is not an MIC as soon as it is typed, and clears the flag once corrected", async () => {
    const user = userEvent.setup();
    renderWithI18n(<Harness />);
    await user.type(screen.getByTestId("cre-mic-meropenem"), "R");
    expect(screen.getByTestId("cre-mic-error-meropenem").textContent).toBe(
      "「R」はMICとして読めません。数値、または ≤ < ≥ > の後に数値を入れてください。",
    );
    await user.clear(screen.getByTestId("cre-mic-meropenem"));
    await user.type(screen.getByTestId("cre-mic-meropenem"), "4");
    expect(screen.queryByTestId("cre-mic-error-meropenem")).toBeNull();
  });

  it("moves a typed qualifier into the qualifier box", async () => {
    const user = userEvent.setup();
    renderWithI18n(<Harness />);
    await user.type(screen.getByTestId("cre-mic-cefmetazole"), ">=64");
    expect((screen.getByTestId("cre-mic-qualifier-cefmetazole") as HTMLSelectElement).value).toBe("≥");
    expect((screen.getByTestId("cre-mic-cefmetazole") as HTMLInputElement).value).toBe("64");
  });

  it("flags a zone outside 6–50 mm and shows the server's message for a cell", async () => {
    const user = userEvent.setup();
    renderWithI18n(<Harness serverErrors={new Map([["isolate.mic.imipenem", "サーバーの指摘"]])} />);
    await user.type(screen.getByTestId("cre-zone-meropenem"), "5");
    expect(screen.getByTestId("cre-zone-error-meropenem").textContent).toBe(
      "阻止円径は6〜50の整数（mm）で入れてください",
    );
    expect(screen.getByTestId("cre-mic-error-imipenem").textContent).toBe("サーバーの指摘");
  });
});
