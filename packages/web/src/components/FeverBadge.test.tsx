import { screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { setLang } from "../i18n/index.ts";
import { renderWithI18n } from "../test/render.tsx";
import { FeverBadge } from "./FeverBadge.tsx";

// Cut-offs of the manual (p.33–34, 付録4①): fever ≥ 38.0 °C or ≥ usual + 1.0 °C; low-grade fever 37.5 up to 38.0 °C.
describe("FeverBadge", () => {
  it("shows 発熱 at 38.0 °C and 微熱 at 37.9 °C without a usual temperature", () => {
    const { rerender } = renderWithI18n(<FeverBadge tempC={38.0} baselineTempC={null} />);
    expect(screen.getByTestId("fever-badge").textContent).toBe("発熱");
    rerender(<FeverBadge tempC={37.9} baselineTempC={null} />);
    expect(screen.getByTestId("fever-badge").textContent).toBe("微熱");
  });

  it("shows nothing below 37.5 °C", () => {
    renderWithI18n(<FeverBadge tempC={37.4} baselineTempC={null} />);
    expect(screen.queryByTestId("fever-badge")).toBeNull();
  });

  it("calls usual + 1.0 °C a fever and says why (36.2 usual, 37.2 read)", () => {
    renderWithI18n(<FeverBadge tempC={37.2} baselineTempC={36.2} />);
    expect(screen.getByTestId("fever-badge").dataset.class).toBe("fever");
    expect(screen.getByTestId("fever-by-baseline").textContent).toBe("平熱より1℃以上高い");
  });

  it("does not explain a fever the 38.0 °C line alone decides", () => {
    renderWithI18n(<FeverBadge tempC={38.4} baselineTempC={36.2} />);
    expect(screen.queryByTestId("fever-by-baseline")).toBeNull();
  });

  it("shows a class computed by the server as it is", () => {
    renderWithI18n(<FeverBadge temperatureClass="low_grade_fever" />);
    expect(screen.getByTestId("fever-badge").textContent).toBe("微熱");
  });

  it("speaks English when asked", () => {
    setLang("en");
    renderWithI18n(<FeverBadge tempC={38.4} baselineTempC={null} />);
    expect(screen.getByTestId("fever-badge").textContent).toBe("Fever");
  });
});
