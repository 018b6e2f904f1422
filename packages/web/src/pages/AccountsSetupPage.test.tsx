import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import type { Account, AccountInput, AccountPatch } from "../api/account-types.ts";
import { ApiError } from "../api/errors.ts";
import type { User } from "../api/types.ts";
import { fakeApi, renderSignedIn, testUser } from "../test/render.tsx";
import { AccountsSetupPage } from "./AccountsSetupPage.tsx";

const ADMIN: User = testUser({
  id: "u-admin",
  username: "demo-admin",
  displayName: "管理者 亮",
  role: "admin",
});

// One account per facility role; the Japanese names are those of the brief for this page.
const ACCOUNTS: Account[] = [
  { id: "u-admin", username: "demo-admin", displayName: "管理者 亮", role: "admin" },
  { id: "u-ast", username: "demo-ast", displayName: "AST 薬剤師", role: "ast_member" },
  { id: "u-care", username: "demo-care", displayName: "介護 花子", role: "care_worker" },
  { id: "u-dir", username: "demo-director", displayName: "施設長 一郎", role: "director" },
  { id: "u-ic", username: "demo-ic", displayName: "感染 対策", role: "ic_lead" },
  { id: "u-lab", username: "demo-lab", displayName: "検査 技師", role: "lab_technologist" },
  { id: "u-nurse", username: "demo-nurse", displayName: "看護 次郎", role: "nurse" },
  { id: "u-md", username: "demo-physician", displayName: "医師 三郎", role: "physician" },
];

function adminApi(overrides: Parameters<typeof fakeApi>[0] = {}) {
  let accounts = [...ACCOUNTS];
  const users = vi.fn(async () => accounts);
  const createUser = vi.fn(async (input: AccountInput) => {
    const created: Account = { id: `u-${input.username}`, ...input };
    accounts = [...accounts, created];
    return created;
  });
  const updateUser = vi.fn(async (id: string, patch: AccountPatch) => {
    const { password: _password, ...shown } = patch;
    accounts = accounts.map((a) => (a.id === id ? { ...a, ...shown } : a));
    return accounts.find((a) => a.id === id)!;
  });
  const api = fakeApi({ me: async () => ADMIN, users, createUser, updateUser, ...overrides });
  return { api, users, createUser, updateUser };
}

describe("AccountsSetupPage", () => {
  it("lists the facility's accounts with their roles in Japanese and marks the administrator's own", async () => {
    renderSignedIn(<AccountsSetupPage />, adminApi().api, "/setup/accounts");
    await screen.findByTestId("accounts-table");
    const roleOf = (username: string) => screen.getByTestId(`account-role-${username}`).textContent;
    expect(roleOf("demo-care")).toBe("介護職員");
    expect(roleOf("demo-nurse")).toBe("看護職員");
    expect(roleOf("demo-ic")).toBe("感染対策担当者");
    expect(roleOf("demo-director")).toBe("施設長");
    expect(roleOf("demo-physician")).toBe("医師");
    expect(roleOf("demo-lab")).toBe("臨床検査技師");
    expect(roleOf("demo-ast")).toBe("AST");
    expect(roleOf("demo-admin")).toBe("管理者");
    expect(screen.getByTestId("account-demo-admin").textContent).toContain("（あなた）");
    expect(screen.getByTestId("account-demo-care").textContent).not.toContain("あなた");
    expect(screen.getByTestId("setup-accounts").getAttribute("aria-current")).toBe("page");
  });

  it("creates an account with username, display name, role and a first password", async () => {
    const user = userEvent.setup();
    const { api, createUser, users } = adminApi();
    renderSignedIn(<AccountsSetupPage />, api, "/setup/accounts");
    await screen.findByTestId("accounts-table");

    await user.click(screen.getByTestId("account-add"));
    const dialog = screen.getByTestId("account-dialog");
    const roles = within(dialog).getByTestId("account-role") as HTMLSelectElement;
    // Only roles of a facility: overseer and secretariat accounts belong to their own organisations.
    expect([...roles.options].map((o) => o.textContent)).toEqual([
      "介護職員",
      "看護職員",
      "感染対策担当者",
      "施設長",
      "医師",
      "臨床検査技師",
      "AST",
      "管理者",
    ]);
    await user.type(within(dialog).getByTestId("account-username"), "nurse.sato");
    await user.type(within(dialog).getByTestId("account-display-name"), "佐藤 久美");
    await user.selectOptions(roles, "nurse");
    await user.type(within(dialog).getByTestId("account-password"), "hanamizuki-2026");
    await user.click(within(dialog).getByTestId("account-save"));

    expect(createUser).toHaveBeenCalledWith({
      username: "nurse.sato",
      displayName: "佐藤 久美",
      role: "nurse",
      password: "hanamizuki-2026",
    });
    expect((await screen.findByTestId("account-done")).textContent).toBe(
      "佐藤 久美さんのアカウントを作りました。",
    );
    expect(screen.queryByTestId("account-dialog")).toBeNull();
    expect((await screen.findByTestId("account-role-nurse.sato")).textContent).toBe("看護職員");
    expect(users).toHaveBeenCalledTimes(2);
  });

  it("shows a taken username (409) on the username field and keeps the dialog open", async () => {
    const user = userEvent.setup();
    // The server's answer for a taken username (packages/server/src/routes/users/routes.ts).
    const taken = new ApiError(409, "conflict", "That username is taken.", [
      { path: "username", message: "already taken" },
    ]);
    const createUser = vi.fn(async () => Promise.reject(taken));
    const { api } = adminApi({ createUser });
    renderSignedIn(<AccountsSetupPage />, api, "/setup/accounts");
    await screen.findByTestId("accounts-table");

    await user.click(screen.getByTestId("account-add"));
    const dialog = screen.getByTestId("account-dialog");
    await user.type(within(dialog).getByTestId("account-username"), "demo-care");
    await user.type(within(dialog).getByTestId("account-display-name"), "介護 二人目");
    await user.type(within(dialog).getByTestId("account-password"), "0123456789");
    await user.click(within(dialog).getByTestId("account-save"));

    const message = await within(dialog).findByTestId("field-error-username");
    expect(message.textContent).toBe("このユーザー名はすでに使われています。別の名前にしてください");
    const username = within(dialog).getByTestId("account-username");
    expect(username.closest("label")!.contains(message)).toBe(true);
    expect(username.getAttribute("aria-describedby")).toBe("username-error");
    expect(within(dialog).getByTestId("form-problem").textContent).toBe("入力内容を確認してください。");
    expect(createUser).toHaveBeenCalledTimes(1);
  });

  it("checks username, display name and a password of at least 10 characters before sending", async () => {
    const user = userEvent.setup();
    const { api, createUser } = adminApi();
    renderSignedIn(<AccountsSetupPage />, api, "/setup/accounts");
    await screen.findByTestId("accounts-table");
    await user.click(screen.getByTestId("account-add"));
    const dialog = screen.getByTestId("account-dialog");

    await user.type(within(dialog).getByTestId("account-username"), "Sato K");
    await user.type(within(dialog).getByTestId("account-password"), "123456789");
    await user.click(within(dialog).getByTestId("account-save"));
    expect(within(dialog).getByTestId("field-error-username").textContent).toContain("小文字英字");
    expect(within(dialog).getByTestId("field-error-displayName").textContent).toBe(
      "表示名を入力してください。",
    );
    // Nine characters: one short of the server's minimum of 10 (packages/server/src/routes/users/schema.ts).
    expect(within(dialog).getByTestId("field-error-password").textContent).toBe(
      "10文字以上にしてください（いま9文字）。",
    );
    expect(createUser).not.toHaveBeenCalled();

    await user.type(within(dialog).getByTestId("account-password"), "0");
    expect(within(dialog).queryByTestId("field-error-password")).toBeNull();
  });

  it("changes a display name and a role, and resets a password", async () => {
    const user = userEvent.setup();
    const { api, updateUser } = adminApi();
    renderSignedIn(<AccountsSetupPage />, api, "/setup/accounts");
    await screen.findByTestId("accounts-table");

    await user.click(screen.getByTestId("account-edit-demo-care"));
    let dialog = screen.getByTestId("account-dialog");
    expect(dialog.textContent).toContain("役割を変えると、その人はサインインし直しになります。");
    const name = within(dialog).getByTestId("account-display-name");
    await user.clear(name);
    await user.type(name, "介護 花子（主任）");
    await user.selectOptions(within(dialog).getByTestId("account-role"), "ic_lead");
    await user.click(within(dialog).getByTestId("account-save"));
    expect(updateUser).toHaveBeenCalledWith("u-care", { displayName: "介護 花子（主任）", role: "ic_lead" });
    await waitFor(() =>
      expect(screen.getByTestId("account-role-demo-care").textContent).toBe("感染対策担当者"),
    );

    await user.click(screen.getByTestId("account-password-demo-nurse"));
    dialog = screen.getByTestId("account-dialog");
    await user.type(within(dialog).getByTestId("account-password"), "new-pass-0042");
    await user.click(within(dialog).getByTestId("account-save"));
    expect(updateUser).toHaveBeenLastCalledWith("u-nurse", { password: "new-pass-0042" });
    expect((await screen.findByTestId("account-done")).textContent).toContain(
      "看護 次郎さんのパスワードを再設定しました。",
    );
  });

  it("does not let the administrator change their own role", async () => {
    const user = userEvent.setup();
    const { api, updateUser } = adminApi();
    renderSignedIn(<AccountsSetupPage />, api, "/setup/accounts");
    await user.click(await screen.findByTestId("account-edit-demo-admin"));
    const dialog = screen.getByTestId("account-dialog");
    expect((within(dialog).getByTestId("account-role") as HTMLSelectElement).disabled).toBe(true);
    expect(dialog.textContent).toContain("自分の役割は変えられません。");
    const name = within(dialog).getByTestId("account-display-name");
    await user.type(name, "（事務）");
    await user.click(within(dialog).getByTestId("account-save"));
    expect(updateUser).toHaveBeenCalledWith("u-admin", { displayName: "管理者 亮（事務）" });
  });

  it("is for the administrator only: a director gets a notice, no list, and no accounts tab", async () => {
    const director: User = testUser({ id: "u-dir", role: "director" });
    const users = vi.fn(async () => ACCOUNTS);
    renderSignedIn(<AccountsSetupPage />, fakeApi({ me: async () => director, users }), "/setup/accounts");
    expect(await screen.findByText("アカウントの管理は、管理者だけができます。")).toBeTruthy();
    expect(screen.queryByTestId("accounts-table")).toBeNull();
    expect(screen.queryByTestId("setup-accounts")).toBeNull();
    expect(screen.getByTestId("setup-facility")).toBeTruthy();
    expect(users).not.toHaveBeenCalled();
  });
});
