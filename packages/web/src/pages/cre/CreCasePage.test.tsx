import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import type { CreCaseDetail, CrePatch } from "../../api/cre.ts";
import { ApiError } from "../../api/errors.ts";
import { fakeCreApi } from "../../test/cre-fake.ts";
import { MBL_CASE, PENDING_CASE } from "../../test/cre-fixtures.ts";
import { AST_USER, LAB_USER, PHYSICIAN_USER } from "../../test/cre-users.ts";
import { fakeApi, renderSignedIn } from "../../test/render.tsx";
import { CreCasePage } from "./CreCasePage.tsx";

function render(detail: CreCaseDetail, user = PHYSICIAN_USER, calls: Parameters<typeof fakeCreApi>[0] = {}) {
  const api = fakeApi({ me: async () => user, cre: fakeCreApi({ case: async () => detail, ...calls }) });
  return renderSignedIn(<CreCasePage caseId={detail.case.id} />, api, `/cre/${detail.case.id}`);
}

describe("CreCasePage", () => {
  it("shows classification, notification, mechanism, options and the cefiderocol verdict in words", async () => {
    render(MBL_CASE);
    expect((await screen.findByTestId("cre-classification")).textContent).toBe("CRE");
    expect(screen.getByTestId("cre-criterion").textContent).toContain(
      "メロペネム MIC ≥2 µg/mL（届出基準ア）",
    );
    expect(screen.getByTestId("cre-evidence").textContent).toContain("メロペネム MIC 4 ≥ 2");
    expect(screen.getByTestId("cre-notification").textContent).toBe("届出が必要");
    expect(screen.getByTestId("cre-mechanism").textContent).toBe("メタロ-β-ラクタマーゼ産生CPE");
    const first = screen.getByTestId("cre-option-0");
    expect(first.getAttribute("data-drugs")).toBe("cefiderocol");
    expect(within(first).getByText("推奨")).toBeTruthy();
    expect(first.textContent).toContain("1回2g 8時間毎");
    // The source as a physician recognises it, never the working reference 「guide ②」.
    expect(first.textContent).toContain("抗微生物薬適正使用の手引き 第三版 別冊");
    expect(first.textContent).toContain("治療方針 ② 日本におけるCPE感染症での治療戦略");
    expect(first.textContent).not.toContain("guide");
    // 表6 is 「推奨投与量 (肝腎機能正常者)」 (seeds/000_93415025af6d4950.txt): every dose says so.
    for (const option of within(screen.getByTestId("cre-options")).getAllByTestId(/^cre-option-\d+$/)) {
      expect(option.textContent).toContain("肝機能・腎機能が正常な場合の推奨量");
    }
    expect(screen.getByTestId("cre-verdict").textContent).toBe("適正");
    expect(screen.getByTestId("cre-order-status").getAttribute("data-status")).toBe("approved");
    expect(screen.getByTestId("cre-survey")).toBeTruthy();
    expect(screen.getByTestId("cre-severity").getAttribute("data-category")).toBe("severe");
    // No raw codes on screen: every code comes with its words.
    expect(document.body.textContent).not.toMatch(
      /\b(MBL_CPE|STERILE_SITE|NOT_TESTED|hemodynamicallyStable)\b/,
    );
  });

  it("asks the physician for the infection and saves it on the version read", async () => {
    const user = userEvent.setup();
    const updateCase = vi.fn(async (_id: string, _patch: CrePatch) => MBL_CASE);
    render(PENDING_CASE, PHYSICIAN_USER, { updateCase });
    expect(await screen.findByTestId("cre-awaiting-physician")).toBeTruthy();
    expect(screen.getByTestId("cre-next-tests").textContent).toContain("mCIM法");
    await user.selectOptions(screen.getByTestId("cre-site"), "lung");
    await user.selectOptions(screen.getByTestId("cre-causative"), "yes");
    await user.click(screen.getByTestId("cre-severity-item-FIO2_GE_40_NEEDED"));
    await user.click(screen.getByTestId("cre-order-cefiderocol"));
    await user.type(screen.getByTestId("cre-diagnosed-on"), "2026-11-23");
    await user.click(screen.getByTestId("cre-clinical-save"));
    await waitFor(() => expect(updateCase).toHaveBeenCalledOnce());
    const [id, patch] = updateCase.mock.calls[0]!;
    expect(id).toBe(PENDING_CASE.case.id);
    expect(patch).toEqual({
      version: PENDING_CASE.case.version,
      infection: { site: "lung", urinaryType: null, causative: true },
      severity: {
        hemodynamicallyStable: false,
        noImmunodeficiencyOrStable: true,
        sourceControlled: true,
        stabilisedAfterTreatment: false,
        checklist: ["FIO2_GE_40_NEEDED"],
        stableDespiteImmunodeficiency: false,
      },
      diagnosedOn: "2026-11-23",
      notifiedOn: null,
      cefiderocolOrdered: true,
    });
    // The answer replaces the page: the options appear.
    expect(await screen.findByTestId("cre-options")).toBeTruthy();
  });

  // seeds/000_93415025af6d4950.txt ※2 「重症例での併用療法において既存薬を使用する場合の感染臓器の条件」 has a 尿路
  // column: a urinary infection may carry its severity; without it, none is sent.
  it.each([false, true])(
    "lets the physician record the severity of a urinary infection, or leave it out (recorded: %s)",
    async (recorded) => {
      const user = userEvent.setup();
      const updateCase = vi.fn(async (_id: string, _patch: CrePatch) => MBL_CASE);
      const view = render(PENDING_CASE, PHYSICIAN_USER, { updateCase });
      await user.selectOptions(await screen.findByTestId("cre-site"), "urinary");
      await user.selectOptions(screen.getByTestId("cre-urinary-type"), "upper_uti");
      expect(screen.queryByTestId("cre-severity-checklist")).toBeNull();
      if (recorded) {
        await user.click(screen.getByTestId("cre-urinary-severity"));
        await user.click(screen.getByTestId("cre-severity-item-VASOPRESSOR_REQUIRED"));
      }
      await user.click(screen.getByTestId("cre-clinical-save"));
      await waitFor(() => expect(updateCase).toHaveBeenCalledOnce());
      const patch = updateCase.mock.calls[0]![1];
      expect(patch.infection).toEqual({ site: "urinary", urinaryType: "upper_uti", causative: null });
      if (recorded) {
        expect(patch.severity).toMatchObject({
          hemodynamicallyStable: false,
          checklist: ["VASOPRESSOR_REQUIRED"],
        });
      } else {
        expect(patch.severity).toBeNull();
      }
      view.unmount();
    },
  );

  it("says plainly when someone else changed the case meanwhile", async () => {
    const user = userEvent.setup();
    const updateCase = vi.fn(async () => {
      throw new ApiError(409, "conflict", "The case was changed since you read it.", [
        { path: "version", message: "the case is now at version 3" },
      ]);
    });
    render(PENDING_CASE, PHYSICIAN_USER, { updateCase });
    await user.selectOptions(await screen.findByTestId("cre-site"), "urinary");
    await user.selectOptions(screen.getByTestId("cre-urinary-type"), "cystitis");
    await user.click(screen.getByTestId("cre-clinical-save"));
    expect(await screen.findByText(/ほかの人がこの症例を更新しました/)).toBeTruthy();
  });

  it("lets the AST approve the cefiderocol order with a note", async () => {
    const user = userEvent.setup();
    const awaiting: CreCaseDetail = {
      ...MBL_CASE,
      case: { ...MBL_CASE.case, order: { status: "awaiting_decision", decidedAt: null }, consultations: [] },
    };
    const recordConsultation = vi.fn(async () => MBL_CASE.case.consultations[1]!);
    const caseCall = vi.fn().mockResolvedValueOnce(awaiting).mockResolvedValue(MBL_CASE);
    const api = fakeApi({
      me: async () => AST_USER,
      cre: fakeCreApi({ case: caseCall, recordConsultation }),
    });
    renderSignedIn(<CreCasePage caseId={MBL_CASE.case.id} />, api);
    expect((await screen.findByTestId("cre-order-status")).getAttribute("data-status")).toBe(
      "awaiting_decision",
    );
    expect(screen.queryByTestId("cre-clinical-form")).toBeNull();
    await user.click(screen.getByTestId("cre-consultation-save"));
    expect(screen.getByText("相談の内容を入れてください")).toBeTruthy();
    await user.type(screen.getByTestId("cre-consultation-note"), "承認します");
    await user.click(screen.getByTestId("cre-decision-approve"));
    await user.click(screen.getByTestId("cre-consultation-save"));
    await waitFor(() => expect(recordConsultation).toHaveBeenCalledOnce());
    const [caseId, body] = recordConsultation.mock.calls[0] as unknown as [
      string,
      { id: string; note: string },
    ];
    expect(caseId).toBe(MBL_CASE.case.id);
    expect(body).toMatchObject({ note: "承認します", decision: "approved" });
    await waitFor(() =>
      expect(screen.getByTestId("cre-order-status").getAttribute("data-status")).toBe("approved"),
    );
    expect(screen.getAllByTestId(/^cre-consultation-[0-9a-f-]{36}$/)).toHaveLength(2);
  });

  it("shows the laboratory the case without the physician's form or the decision", async () => {
    render(PENDING_CASE, LAB_USER);
    expect(await screen.findByTestId("cre-edit-isolate")).toBeTruthy();
    expect(screen.queryByTestId("cre-clinical-form")).toBeNull();
    expect(screen.queryByTestId("cre-consultation-form")).toBeNull();
  });

  it("shows English when English is chosen", async () => {
    const { i18n } = await import("../../i18n/index.ts");
    await i18n.changeLanguage("en");
    render(MBL_CASE);
    expect((await screen.findByTestId("cre-notification")).textContent).toBe("Notifiable");
  });
});
