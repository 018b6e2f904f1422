import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { renderWithI18n } from "../../test/render.tsx";
import { DilutionCalculator } from "./DilutionCalculator.tsx";

describe("DilutionCalculator (付録5)", () => {
  it("makes 0.1% from household bleach for a 500 ml bottle: 10 ml = 2 PET-bottle caps, and shows table ④'s 0.5% beside", () => {
    renderWithI18n(<DilutionCalculator initialUse="vomit" />);
    expect(screen.getByTestId("dilution-target").textContent).toContain("0.1%（1000ppm）");
    expect(screen.getByTestId("result-stock-ml").textContent).toContain("10ml");
    expect(screen.getByTestId("result-water-ml").textContent).toContain("490ml");
    expect(screen.getByTestId("result-pet-caps").textContent).toContain("約2杯");
    expect(screen.getByTestId("alt-objects").textContent).toContain("0.5%");
  });

  it("opens on the use of the link, and gives 20 ml = 1 bleach cap for 0.02% in 5 L", async () => {
    renderWithI18n(<DilutionCalculator initialUse="surfaces" />);
    await userEvent.click(screen.getByTestId("total-l5"));
    expect(screen.getByTestId("result-stock-ml").textContent).toContain("20ml");
    expect(screen.getByTestId("result-bleach-caps").textContent).toContain("約1杯");
  });

  it("refuses a stock weaker than the target with a plain message", async () => {
    renderWithI18n(<DilutionCalculator initialUse="vomit" />);
    await userEvent.click(screen.getByTestId("stock-custom"));
    await userEvent.type(screen.getByTestId("stock-percent"), "0.05");
    expect(screen.getByTestId("dilution-error").textContent).toContain("原液より濃い液は作れません");
    await userEvent.clear(screen.getByTestId("total-ml"));
    await userEvent.clear(screen.getByTestId("stock-percent"));
    await userEvent.type(screen.getByTestId("stock-percent"), "6");
    expect(screen.getByTestId("dilution-error").textContent).toContain("数字を入れてください");
  });
});
