import { fireEvent, screen, waitFor } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { ApiError } from "../api/errors.ts";
import { setLang } from "../i18n/index.ts";
import { ApiProvider } from "../state/ApiContext.tsx";
import { fakeApi, renderWithI18n } from "../test/render.tsx";
import { PasswordChangeDialog } from "./PasswordChangeDialog.tsx";

function fill(current: string, next: string, again: string) {
  fireEvent.change(screen.getByTestId("password-current"), { target: { value: current } });
  fireEvent.change(screen.getByTestId("password-new"), { target: { value: next } });
  fireEvent.change(screen.getByTestId("password-again"), { target: { value: again } });
  fireEvent.click(screen.getByTestId("password-submit"));
}

function renderDialog(changePassword: () => Promise<void>) {
  setLang("ja");
  return renderWithI18n(
    <ApiProvider client={fakeApi({ changePassword })}>
      <PasswordChangeDialog onClose={() => {}} />
    </ApiProvider>,
  );
}

describe("PasswordChangeDialog", () => {
  it("checks length and the repeat before asking the server, then says it is done", async () => {
    const changePassword = vi.fn(async () => undefined);
    renderDialog(changePassword);
    fill("いまのパスワード", "short", "short");
    expect(await screen.findByText("10文字以上にしてください")).toBeTruthy();
    fill("いまのパスワード", "新しい長いパスワード", "新しい長いパスワード?");
    expect(await screen.findByText("1回目と同じものを入力してください")).toBeTruthy();
    expect(changePassword).not.toHaveBeenCalled();
    fill("いまのパスワード", "新しい長いパスワード", "新しい長いパスワード");
    await waitFor(() =>
      expect(changePassword).toHaveBeenCalledWith("いまのパスワード", "新しい長いパスワード"),
    );
    expect(await screen.findByTestId("password-changed")).toBeTruthy();
  });

  it("says so beside the field when the current password is wrong", async () => {
    const changePassword = vi.fn(async () => {
      throw new ApiError(400, "validation_failed", "Invalid input: currentPassword", [
        { path: "currentPassword", message: "not your current password", code: "wrong_password" },
      ]);
    });
    renderDialog(changePassword);
    fill("ちがうパスワード", "新しい長いパスワード", "新しい長いパスワード");
    expect(await screen.findByText("いまのパスワードが違います")).toBeTruthy();
  });
});
