import { fireEvent, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { ApiError } from "../../api/errors.ts";
import { fakeCreApi } from "../../test/cre-fake.ts";
import { LAB_USER } from "../../test/cre-users.ts";
import { fakeApi, renderSignedIn } from "../../test/render.tsx";
import { CRE_TEMPLATE_CSV, CreImportPage } from "./CreImportPage.tsx";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

function choose(csv: string) {
  const file = new File([csv], "vitek.csv", { type: "text/csv" });
  fireEvent.change(screen.getByTestId("cre-import-file"), { target: { files: [file] } });
}

describe("CreImportPage", () => {
  it("sends the chosen file with one import id, also when sent again", async () => {
    const user = userEvent.setup();
    const importIsolates = vi.fn(async () => ({
      imported: 2,
      duplicates: 0,
      cases: [],
      ignoredColumns: ["ESBL"],
    }));
    renderSignedIn(
      <CreImportPage />,
      fakeApi({ me: async () => LAB_USER, cre: fakeCreApi({ importIsolates }) }),
      "/cre/import",
    );
    await screen.findByTestId("cre-import-file");
    choose(CRE_TEMPLATE_CSV);
    await waitFor(() => expect(screen.getByTestId("cre-import-lines").textContent).toBe("2行のデータ"));
    await user.click(screen.getByTestId("cre-import-submit"));
    expect((await screen.findByTestId("cre-import-done")).textContent).toContain("2件を登録しました");
    expect(screen.getByTestId("cre-import-ignored").textContent).toBe("読まなかった列: ESBL");
    await user.click(screen.getByTestId("cre-import-submit"));
    const [first, second] = importIsolates.mock.calls as unknown as Array<[string, { importId: string }]>;
    expect(first![1].importId).toMatch(UUID);
    expect(second![1].importId).toBe(first![1].importId);
    expect(first![1]).toMatchObject({ standard: "CLSI", edition: "M100-Ed35" });
    expect(first![0]).toContain("0012-3456,Klebsiella pneumoniae");
  });

  it("lists every bad row of a refused file in Japanese", async () => {
    const user = userEvent.setup();
    const importIsolates = vi.fn(async () => {
      throw new ApiError(400, "validation_failed", "Invalid input", [
        { path: "rows[2].MEPM", message: '"R" is not an MIC (a number in mg/L, optionally behind ≤ < ≥ >)' },
        {
          path: "rows[2].organism",
          message: 'unknown organism "Klebsiela"; nearest names: Klebsiella, Kluyvera, Klebsiella oxytoca',
        },
        { path: "rows[5].sterile_site", message: "expected yes or no" },
      ]);
    });
    renderSignedIn(
      <CreImportPage />,
      fakeApi({ me: async () => LAB_USER, cre: fakeCreApi({ importIsolates }) }),
      "/cre/import",
    );
    await screen.findByTestId("cre-import-file");
    choose(CRE_TEMPLATE_CSV);
    await waitFor(() => expect(screen.getByTestId("cre-import-submit").hasAttribute("disabled")).toBe(false));
    await user.click(screen.getByTestId("cre-import-submit"));
    const row2 = await screen.findByTestId("cre-import-error-row-2");
    expect(row2.textContent).toContain("2件目（ファイルの3行目）");
    expect(row2.textContent).toContain("MEPM: 「R」はMICとして読めません");
    expect(row2.textContent).toContain(
      "organism: 菌名「Klebsiela」が見つかりません。候補: Klebsiella, Kluyvera",
    );
    expect(screen.getByTestId("cre-import-error-row-5").textContent).toContain(
      "sterile_site: yes か no で入れてください",
    );
  });
});
