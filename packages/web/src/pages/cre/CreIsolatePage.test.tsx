import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { Route, Switch } from "wouter";
import { ApiError } from "../../api/errors.ts";
import { fakeCreApi } from "../../test/cre-fake.ts";
import { MBL_CASE } from "../../test/cre-fixtures.ts";
import { LAB_USER, PHYSICIAN_USER } from "../../test/cre-users.ts";
import { fakeApi, renderSignedIn } from "../../test/render.tsx";
import { CreIsolatePage } from "./CreIsolatePage.tsx";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

async function fillValidIsolate(user: ReturnType<typeof userEvent.setup>) {
  await user.type(await screen.findByTestId("cre-patient"), "0099-0001");
  await user.type(screen.getByTestId("cre-organism-input"), "肺炎");
  await user.click(screen.getByTestId("cre-organism-option-Klebsiella_pneumoniae"));
  await user.type(screen.getByTestId("cre-mic-meropenem"), "4");
  await user.type(screen.getByTestId("cre-mic-cefmetazole"), ">32");
  await user.selectOptions(screen.getByTestId("cre-ic-kit"), "NG-Test CARBA 5");
  await user.click(screen.getByTestId("cre-ic-enzyme-IMP"));
}

describe("CreIsolatePage", () => {
  it("sends the isolate with a device-made id and opens the case", async () => {
    const user = userEvent.setup();
    const createCase = vi.fn(async () => MBL_CASE);
    const api = fakeApi({ me: async () => LAB_USER, cre: fakeCreApi({ createCase }) });
    renderSignedIn(
      <Switch>
        <Route path="/cre/new">
          <CreIsolatePage />
        </Route>
        <Route path="/cre/:id">{(p) => <p data-testid="opened">{p.id}</p>}</Route>
      </Switch>,
      api,
      "/cre/new",
    );
    await fillValidIsolate(user);
    await user.click(screen.getByTestId("cre-isolate-save"));
    await waitFor(() => expect(createCase).toHaveBeenCalledOnce());
    const [body, lang] = createCase.mock.calls[0] as unknown as [
      { id: string; patientLabel: string; isolate: unknown },
      string,
    ];
    expect(lang).toBe("ja");
    expect(body.id).toMatch(UUID);
    expect(body.patientLabel).toBe("0099-0001");
    expect(body.isolate).toEqual({
      organism: "Klebsiella pneumoniae",
      specimen: { type: "blood", sterileSite: true },
      mic: { meropenem: "4", cefmetazole: ">32" },
      zoneMm: {},
      standard: { body: "CLSI", edition: "M100-Ed35" },
      carbapenemase: { immunochromatography: { kit: "NG-Test CARBA 5", detected: ["IMP"] } },
    });
    expect((await screen.findByTestId("opened")).textContent).toBe(MBL_CASE.case.id);
  });

  it("sends nothing while a cell is wrong or the label is missing", async () => {
    const user = userEvent.setup();
    const createCase = vi.fn(async () => MBL_CASE);
    renderSignedIn(
      <CreIsolatePage />,
      fakeApi({ me: async () => LAB_USER, cre: fakeCreApi({ createCase }) }),
      "/cre/new",
    );
    await user.type(await screen.findByTestId("cre-organism-input"), "Escherichia coli");
    await user.type(screen.getByTestId("cre-mic-meropenem"), "abc");
    await user.click(screen.getByTestId("cre-isolate-save"));
    expect(screen.getByTestId("cre-isolate-errors")).toBeTruthy();
    expect(screen.getByText("患者番号またはイニシャルを入れてください")).toBeTruthy();
    expect(createCase).not.toHaveBeenCalled();
  });

  it("shows the server's field errors at their cells", async () => {
    const user = userEvent.setup();
    const createCase = vi.fn(async () => {
      throw new ApiError(400, "validation_failed", "Invalid input", [
        { path: "isolate.zoneMm.imipenem", message: "zone out of range: expected 6–50 mm" },
      ]);
    });
    renderSignedIn(
      <CreIsolatePage />,
      fakeApi({ me: async () => LAB_USER, cre: fakeCreApi({ createCase }) }),
      "/cre/new",
    );
    await fillValidIsolate(user);
    await user.click(screen.getByTestId("cre-isolate-save"));
    expect((await screen.findByTestId("cre-zone-error-imipenem")).textContent).toBe(
      "阻止円径は6〜50の整数（mm）で入れてください",
    );
  });

  it("corrects a stored isolate on the version read", async () => {
    const user = userEvent.setup();
    const updateCase = vi.fn(async () => MBL_CASE);
    const api = fakeApi({
      me: async () => LAB_USER,
      cre: fakeCreApi({ case: async () => MBL_CASE, updateCase }),
    });
    renderSignedIn(<CreIsolatePage caseId={MBL_CASE.case.id} />, api, `/cre/${MBL_CASE.case.id}/isolate`);
    const meropenem = (await screen.findByTestId("cre-mic-meropenem")) as HTMLInputElement;
    expect(meropenem.value).toBe("4");
    expect((screen.getByTestId("cre-mic-qualifier-cefmetazole") as HTMLSelectElement).value).toBe(">");
    await user.clear(meropenem);
    await user.type(meropenem, "8");
    await user.click(screen.getByTestId("cre-isolate-save"));
    await waitFor(() => expect(updateCase).toHaveBeenCalledOnce());
    const [id, patch] = updateCase.mock.calls[0] as unknown as [
      string,
      { version: number; isolate: { mic: object } },
    ];
    expect(id).toBe(MBL_CASE.case.id);
    expect(patch.version).toBe(MBL_CASE.case.version);
    expect(patch.isolate.mic).toMatchObject({ meropenem: "8", cefmetazole: ">32" });
  });

  it("is for the laboratory only", async () => {
    renderSignedIn(<CreIsolatePage />, fakeApi({ me: async () => PHYSICIAN_USER }), "/cre/new");
    expect(await screen.findByText(/医師・臨床検査技師・ASTが使います/)).toBeTruthy();
    expect(screen.queryByTestId("cre-isolate-form")).toBeNull();
  });
});
