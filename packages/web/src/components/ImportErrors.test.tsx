import { screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { renderWithI18n } from "../test/render.tsx";
import { ImportErrors } from "./ImportErrors.tsx";

// Paths and messages as the server writes them (packages/server/src/routes/people/import-people.ts: rows counted from 1).
describe("ImportErrors", () => {
  it("lists every bad row in Japanese with its line in the file", () => {
    renderWithI18n(
      <ImportErrors
        fields={[
          { path: "rows[3].room", message: 'unknown room "999号室"' },
          {
            path: "rows[1].kind",
            message: 'unknown kind "入居者" (入所者, ショートステイ, 通所サービス, 職員)',
          },
          { path: "rows[3].baseline_temp_c", message: "Too big: expected number to be <=38" },
        ]}
      />,
    );
    const first = screen.getByTestId("import-error-row-1");
    expect(first.textContent).toContain("1件目（ファイルの2行目）");
    expect(first.textContent).toContain("種別: 種別「入居者」は使えません");
    const third = screen.getByTestId("import-error-row-3");
    expect(third.textContent).toContain("部屋: 部屋「999号室」はそのユニットに登録されていません");
    expect(third.textContent).toContain("平熱: 平熱は34.0〜38.0");
    const items = screen.getByTestId("import-errors").querySelectorAll(":scope > li");
    expect([...items].map((li) => li.getAttribute("data-testid"))).toEqual([
      "import-error-row-1",
      "import-error-row-3",
    ]);
  });

  it("shows a problem with the whole file, such as a missing column", () => {
    renderWithI18n(<ImportErrors fields={[{ path: "header", message: "missing columns: kind" }]} />);
    expect(screen.getByTestId("import-error-file").textContent).toContain(
      "見出しの行に次の列がありません: kind",
    );
  });
});
