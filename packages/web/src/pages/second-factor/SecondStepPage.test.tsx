import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { ApiError } from "../../api/errors.ts";
import type { User } from "../../api/types.ts";
import { fakeApi, renderSignedIn, testUser } from "../../test/render.tsx";
import { SecondStepPage } from "./SecondStepPage.tsx";

const waiting: User = testUser({ role: "director", stage: "second_factor" });

describe("SecondStepPage", () => {
  it("sends the app's 6 digits, keeping only digits as they are typed", async () => {
    const verify = vi.fn((_code: string) => Promise.resolve({ ...waiting, stage: "complete" as const }));
    renderSignedIn(
      <SecondStepPage />,
      fakeApi({ me: () => Promise.resolve(waiting), verifySecondFactor: verify }),
    );
    const user = userEvent.setup();
    await user.type(await screen.findByTestId("second-step-code"), "12 3a456");
    await user.click(screen.getByTestId("second-step-submit"));
    expect(verify).toHaveBeenCalledWith("123456");
  });

  it("says plainly that a number is wrong or used, and how long to wait after too many", async () => {
    let answer = new ApiError(400, "validation_failed", "Invalid input: code", [
      { path: "code", message: "wrong or already used code", code: "wrong_code" },
    ]);
    renderSignedIn(
      <SecondStepPage />,
      fakeApi({ me: () => Promise.resolve(waiting), verifySecondFactor: () => Promise.reject(answer) }),
    );
    const user = userEvent.setup();
    await user.type(await screen.findByTestId("second-step-code"), "000000");
    await user.click(screen.getByTestId("second-step-submit"));
    expect((await screen.findByTestId("second-step-error")).textContent).toBe(
      "番号が違うか、すでに使った番号です。アプリに出ている新しい番号を入力してください。",
    );
    answer = new ApiError(429, "too_many_requests", "slow down", [], 900);
    await user.type(screen.getByTestId("second-step-code"), "111111");
    await user.click(screen.getByTestId("second-step-submit"));
    await vi.waitFor(() =>
      expect(screen.getByTestId("second-step-error").textContent).toContain("15分ほどたってから"),
    );
  });

  it("takes a recovery code instead when the phone is not at hand", async () => {
    const verify = vi.fn((_code: string) => Promise.resolve({ ...waiting, stage: "complete" as const }));
    renderSignedIn(
      <SecondStepPage />,
      fakeApi({ me: () => Promise.resolve(waiting), verifySecondFactor: verify }),
    );
    const user = userEvent.setup();
    await user.click(await screen.findByTestId("second-step-toggle"));
    await user.type(screen.getByTestId("second-step-recovery"), "abcde-fghjk");
    await user.click(screen.getByTestId("second-step-submit"));
    expect(verify).toHaveBeenCalledWith("abcde-fghjk");
  });
});
