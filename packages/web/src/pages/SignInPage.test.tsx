import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { I18nextProvider } from "react-i18next";
import { describe, expect, it } from "vitest";
import type { ApiClient } from "../api/client.ts";
import { ApiError } from "../api/errors.ts";
import { i18n } from "../i18n/index.ts";
import { ApiProvider } from "../state/ApiContext.tsx";
import { SessionProvider } from "../state/SessionProvider.tsx";
import { fakeApi } from "../test/render.tsx";
import { SignInPage } from "./SignInPage.tsx";

function renderSignIn(api: ApiClient) {
  return render(
    <I18nextProvider i18n={i18n}>
      <ApiProvider client={api}>
        <SessionProvider>
          <SignInPage />
        </SessionProvider>
      </ApiProvider>
    </I18nextProvider>,
  );
}

async function signIn(password: string) {
  const user = userEvent.setup();
  await user.type(screen.getByTestId("signin-username"), "demo-care");
  await user.type(screen.getByTestId("signin-password"), password);
  await user.click(screen.getByTestId("signin-submit"));
}

describe("SignInPage", () => {
  it("says plainly that the username or password is wrong", async () => {
    renderSignIn(
      fakeApi({
        login: () => Promise.reject(new ApiError(401, "invalid_credentials", "Wrong username or password.")),
      }),
    );
    await signIn("wrong");
    expect((await screen.findByTestId("signin-error")).textContent).toBe(
      "ユーザー名またはパスワードが違います。もう一度入力してください。",
    );
    expect((screen.getByTestId("signin-password") as HTMLInputElement).value).toBe("");
  });

  it("says how long to wait when sign-in is rate-limited (Retry-After 120 s → 2分)", async () => {
    renderSignIn(
      fakeApi({
        login: () => Promise.reject(new ApiError(429, "too_many_requests", "slow down", [], 120)),
      }),
    );
    await signIn("wrong");
    expect((await screen.findByTestId("signin-error")).textContent).toContain("2分ほど待ってから");
  });

  it("asks for both fields before calling the server", async () => {
    renderSignIn(fakeApi({}));
    await userEvent.setup().click(screen.getByTestId("signin-submit"));
    expect(screen.getByTestId("signin-error").textContent).toBe("ユーザー名とパスワードを入力してください。");
  });
});
