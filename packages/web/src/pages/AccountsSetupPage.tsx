import { useCallback, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import "../components/settings.css";
import type { Account, AccountInput, AccountPatch } from "../api/account-types.ts";
import { CreateAccountForm, EditAccountForm, ResetPasswordForm } from "../components/AccountForms.tsx";
import { Dialog } from "../components/Dialog.tsx";
import { ErrorNotice } from "../components/ErrorNotice.tsx";
import { SetupNav } from "../components/SetupNav.tsx";
import { canManageUsers } from "../lib/roles.ts";
import { useLoad } from "../lib/use-load.ts";
import { useApi } from "../state/ApiContext.tsx";
import { useUser } from "../state/SessionProvider.tsx";

type Open =
  | { kind: "new" }
  | { kind: "edit"; account: Account }
  | { kind: "password"; account: Account }
  | null;

/**
 * The facility's accounts, for its administrator: who may sign in and in which role; create an account, change a
 * display name or role, and reset a password (`GET/POST /api/users`, `PATCH /api/users/:id`).
 */
export function AccountsSetupPage() {
  const { t } = useTranslation();
  const { t: tf } = useTranslation("secondFactor");
  const api = useApi();
  const user = useUser();
  const allowed = canManageUsers(user);
  const fetchAccounts = useMemo(() => (allowed ? () => api.users() : null), [allowed, api]);
  const { data: accounts, error, reload: load } = useLoad(fetchAccounts);
  const [open, setOpen] = useState<Open>(null);
  const [done, setDone] = useState<string | null>(null);
  const [resetError, setResetError] = useState<unknown>(null);

  const close = useCallback(() => setOpen(null), []);

  if (!allowed)
    return (
      <div className="setup">
        <h1>{t("setup.title")}</h1>
        <SetupNav />
        <p className="notice">{t("accounts.notAllowed")}</p>
      </div>
    );

  const create = async (input: AccountInput) => {
    const created = await api.createUser(input);
    setOpen(null);
    setDone(t("accounts.created", { name: created.displayName }));
    await load();
  };
  const update = (account: Account) => async (patch: AccountPatch) => {
    const updated = await api.updateUser(account.id, patch);
    setOpen(null);
    setDone(t("accounts.updated", { name: updated.displayName }));
    await load();
  };
  const resetPassword = (account: Account) => async (password: string) => {
    await api.updateUser(account.id, { password });
    setOpen(null);
    setDone(t("accounts.passwordReset", { name: account.displayName }));
    // A new password of one's own ends this session too; the next call returns to the sign-in page.
    if (account.id !== user.id) await load();
  };

  const resetSecondFactor = async (account: Account) => {
    setDone(null);
    setResetError(null);
    if (!globalThis.confirm(tf("accounts.confirmReset", { name: account.displayName }))) return;
    try {
      await api.resetSecondFactor(account.id);
      setDone(tf("accounts.resetDone", { name: account.displayName }));
      // Resetting one's own ends this session too; the next call returns to the sign-in page.
      if (account.id !== user.id) await load();
    } catch (caught) {
      setResetError(caught);
    }
  };

  return (
    <div className="setup">
      <h1>{t("setup.title")}</h1>
      <SetupNav />
      <div className="filters">
        <p className="muted">{t("accounts.lead")}</p>
        <button
          type="button"
          className="btn btn-primary"
          data-testid="account-add"
          onClick={() => {
            setDone(null);
            setOpen({ kind: "new" });
          }}
        >
          ＋ {t("accounts.add")}
        </button>
      </div>
      {done && (
        <p className="notice notice--ok" role="status" data-testid="account-done">
          {done}
        </p>
      )}
      <ErrorNotice error={error} onRetry={() => void load()} />
      <ErrorNotice error={resetError} />
      {accounts === null && !error && <p className="muted">{t("app.loading")}</p>}
      {accounts !== null &&
        (accounts.length === 0 ? (
          <p className="notice">{t("accounts.none")}</p>
        ) : (
          <>
            <p className="muted">{t("accounts.count", { count: accounts.length })}</p>
            <table className="table" data-testid="accounts-table">
              <thead>
                <tr>
                  <th>{t("accounts.username")}</th>
                  <th>{t("accounts.displayName")}</th>
                  <th>{t("accounts.role")}</th>
                  <th>{tf("accounts.column")}</th>
                  <th />
                </tr>
              </thead>
              <tbody>
                {accounts.map((a) => (
                  <tr key={a.id} data-testid={`account-${a.username}`}>
                    <td>
                      <code>{a.username}</code>
                    </td>
                    <td>
                      {a.displayName}
                      {a.id === user.id && <span className="muted small">（{t("accounts.you")}）</span>}
                    </td>
                    <td data-testid={`account-role-${a.username}`}>{t(`roles.${a.role}`)}</td>
                    <td data-testid={`account-second-factor-${a.username}`}>
                      {a.secondFactorEnabled ? tf("accounts.enabled") : tf("accounts.notEnabled")}
                    </td>
                    <td className="row-actions">
                      <button
                        type="button"
                        className="btn btn-small"
                        data-testid={`account-edit-${a.username}`}
                        onClick={() => {
                          setDone(null);
                          setOpen({ kind: "edit", account: a });
                        }}
                      >
                        {t("accounts.edit")}
                      </button>
                      <button
                        type="button"
                        className="btn btn-small"
                        data-testid={`account-password-${a.username}`}
                        onClick={() => {
                          setDone(null);
                          setOpen({ kind: "password", account: a });
                        }}
                      >
                        {t("accounts.resetPassword")}
                      </button>
                      {a.secondFactorEnabled && (
                        <button
                          type="button"
                          className="btn btn-small"
                          data-testid={`account-second-factor-reset-${a.username}`}
                          onClick={() => void resetSecondFactor(a)}
                        >
                          {tf("accounts.reset")}
                        </button>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        ))}
      {open?.kind === "new" && (
        <Dialog
          title={t("accounts.add")}
          closeLabel={t("accounts.cancel")}
          onClose={close}
          testId="account-dialog"
        >
          <CreateAccountForm onSubmit={create} onCancel={close} />
        </Dialog>
      )}
      {open?.kind === "edit" && (
        <Dialog
          title={t("accounts.editFor", { name: open.account.displayName })}
          closeLabel={t("accounts.cancel")}
          onClose={close}
          testId="account-dialog"
        >
          <EditAccountForm
            account={open.account}
            isSelf={open.account.id === user.id}
            onSubmit={update(open.account)}
            onCancel={close}
          />
        </Dialog>
      )}
      {open?.kind === "password" && (
        <Dialog
          title={t("accounts.resetFor", { name: open.account.displayName })}
          closeLabel={t("accounts.cancel")}
          onClose={close}
          testId="account-dialog"
        >
          <ResetPasswordForm
            isSelf={open.account.id === user.id}
            onSubmit={resetPassword(open.account)}
            onCancel={close}
          />
        </Dialog>
      )}
    </div>
  );
}
