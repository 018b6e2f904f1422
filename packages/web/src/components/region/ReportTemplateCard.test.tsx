import { fireEvent, screen } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { ApiError } from "../../api/errors.ts";
import type { RegionApi } from "../../api/region.ts";
import { setLang } from "../../i18n/index.ts";
import { ApiProvider } from "../../state/ApiContext.tsx";
import { fakeApi, renderWithI18n } from "../../test/render.tsx";
import { ReportTemplateCard } from "./ReportTemplateCard.tsx";

const info = { template: null, knownNames: ["facility_name", "total_cumulative"], maxBytes: 2 * 1024 * 1024 };

function renderCard(region: Partial<RegionApi>) {
  setLang("ja");
  const api = fakeApi({});
  return renderWithI18n(
    <ApiProvider client={{ ...api, region: { ...api.region, template: async () => info, ...region } }}>
      <ReportTemplateCard />
    </ApiProvider>,
  );
}

describe("ReportTemplateCard", () => {
  it("says which names of an uploaded form Mamori does not know, in words", async () => {
    const uploadTemplate = vi.fn(async () => {
      throw new ApiError(400, "validation_failed", "Invalid input: body", [
        {
          path: "body",
          message: "unknown",
          code: "unknown_names",
          params: { names: ["施設長印", "total_cumulativ"] },
        },
      ]);
    });
    renderCard({ uploadTemplate });
    expect(await screen.findByText("標準の様式を使っています。")).toBeTruthy();
    const file = new File([new Uint8Array([0x50, 0x4b, 3, 4])], "みなと市様式.xlsx");
    fireEvent.change(screen.getByTestId("report-template-file"), { target: { files: [file] } });
    expect((await screen.findByTestId("report-template-message")).textContent).toBe(
      "登録できない名前があります：施設長印、total_cumulativ",
    );
    expect(uploadTemplate).toHaveBeenCalledWith("みなと市様式.xlsx", expect.anything());
  });
});
