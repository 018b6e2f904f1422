import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { useState } from "react";
import { describe, expect, it } from "vitest";
import { renderWithI18n } from "../../test/render.tsx";
import { matchOrganisms, OrganismPicker } from "./OrganismPicker.tsx";

function Harness({ initial = "" }: { initial?: string }) {
  const [value, setValue] = useState(initial);
  return <OrganismPicker value={value} onChange={setValue} />;
}

describe("OrganismPicker", () => {
  it("finds organisms by Japanese name, Latin name and abbreviated binomial", () => {
    expect(matchOrganisms("肺炎").map((e) => e.name)).toContain("Klebsiella pneumoniae");
    expect(matchOrganisms("cloacae").map((e) => e.name)).toContain("Enterobacter cloacae");
    expect(matchOrganisms("K. pneu").map((e) => e.name)).toContain("Klebsiella pneumoniae");
    expect(matchOrganisms("大腸菌").map((e) => e.name)).toEqual(["Escherichia coli"]);
  });

  it("picks a listed organism and says it is an Enterobacterales", async () => {
    const user = userEvent.setup();
    renderWithI18n(<Harness />);
    await user.type(screen.getByTestId("cre-organism-input"), "大腸");
    await user.click(screen.getByTestId("cre-organism-option-Escherichia_coli"));
    expect((screen.getByTestId("cre-organism-input") as HTMLInputElement).value).toBe("Escherichia coli");
    expect(screen.getByTestId("cre-organism-resolved").textContent).toContain("腸内細菌目");
  });

  it("offers the nearest names for a name it does not know, and takes one on a tap", async () => {
    const user = userEvent.setup();
    renderWithI18n(<Harness initial="Klebsiela pneumonia" />);
    expect(screen.getByTestId("cre-organism-unknown").textContent).toContain("この菌名は登録されていません");
    await user.click(screen.getByTestId("cre-organism-nearest-Klebsiella_pneumoniae"));
    expect((screen.getByTestId("cre-organism-input") as HTMLInputElement).value).toBe(
      "Klebsiella pneumoniae",
    );
    expect(screen.queryByTestId("cre-organism-unknown")).toBeNull();
  });

  it("tells a non-Enterobacterales apart (Pseudomonas is outside the CRE rules)", () => {
    renderWithI18n(<Harness initial="Pseudomonas aeruginosa" />);
    expect(screen.getByTestId("cre-organism-resolved").textContent).toContain("腸内細菌目ではない");
  });
});
