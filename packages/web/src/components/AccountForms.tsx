import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import {
  type Account,
  type AccountInput,
  type AccountPatch,
  FACILITY_ROLES,
  type FacilityRole,
} from "../api/account-types.ts";
import { describedBy, FieldMessage, FormProblem } from "./FieldMessage.tsx";

// The rules of packages/server/src/routes/users/schema.ts, checked before sending so most mistakes are named at once.
const USERNAME = /^[a-z0-9][a-z0-9._-]*$/;
export const MIN_PASSWORD_LENGTH = 10;
const MAX_PASSWORD_LENGTH = 200;

export const isValidUsername = (username: string): boolean =>
  username.length >= 3 && username.length <= 60 && USERNAME.test(username);

const isFacilityRole = (role: string): role is FacilityRole =>
  (FACILITY_ROLES as readonly string[]).includes(role);

interface FormState {
  busy: boolean;
  error: unknown;
  /** Set on the first submit: the form's own checks show from then on, not while someone is still typing. */
  checked: boolean;
}

function useFormState() {
  const [state, setState] = useState<FormState>({ busy: false, error: null, checked: false });
  const run = async (valid: boolean, action: () => Promise<void>) => {
    setState((s) => ({ ...s, checked: true }));
    if (!valid) return;
    setState({ busy: true, error: null, checked: true });
    try {
      await action();
      setState({ busy: false, error: null, checked: true });
    } catch (error) {
      setState({ busy: false, error, checked: true });
    }
  };
  return { ...state, run };
}

function PasswordField({
  label,
  value,
  onChange,
  problem,
  error,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  problem: string | null;
  error: unknown;
}) {
  const { t } = useTranslation();
  const [shown, setShown] = useState(false);
  return (
    <div className="field">
      <label className="field-label" htmlFor="account-password">
        {label}
      </label>
      <input
        id="account-password"
        data-testid="account-password"
        type={shown ? "text" : "password"}
        autoComplete="new-password"
        maxLength={MAX_PASSWORD_LENGTH}
        value={value}
        aria-invalid={problem !== null}
        aria-describedby={describedBy(error, "password", problem)}
        onChange={(e) => onChange(e.target.value)}
      />
      <label className="field--check small">
        <input type="checkbox" checked={shown} onChange={(e) => setShown(e.target.checked)} />
        <span>{t("accounts.showPassword")}</span>
      </label>
      <span className="hint">{t("accounts.passwordHint")}</span>
      <FieldMessage error={error} path="password" local={problem} />
    </div>
  );
}

function RoleSelect({
  value,
  onChange,
  disabled,
  error,
}: {
  value: string;
  onChange: (role: FacilityRole) => void;
  disabled?: boolean;
  error: unknown;
}) {
  const { t } = useTranslation();
  return (
    <label className="field">
      <span className="field-label">{t("accounts.role")}</span>
      <select
        data-testid="account-role"
        value={value}
        disabled={disabled}
        aria-describedby={describedBy(error, "role")}
        onChange={(e) => {
          if (isFacilityRole(e.target.value)) onChange(e.target.value);
        }}
      >
        {!isFacilityRole(value) && <option value={value}>{t(`roles.${value as FacilityRole}`)}</option>}
        {FACILITY_ROLES.map((role) => (
          <option key={role} value={role}>
            {t(`roles.${role}`)}
          </option>
        ))}
      </select>
      <FieldMessage error={error} path="role" />
    </label>
  );
}

function Actions({
  busy,
  submitLabel,
  onCancel,
}: {
  busy: boolean;
  submitLabel: string;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  return (
    <div className="form-actions">
      <button type="button" className="btn btn-ghost" onClick={onCancel}>
        {t("accounts.cancel")}
      </button>
      <button type="submit" className="btn btn-primary" data-testid="account-save" disabled={busy}>
        {submitLabel}
      </button>
    </div>
  );
}

const isShortPassword = (password: string): boolean => password.length < MIN_PASSWORD_LENGTH;

/** A new account of the facility: username, display name, role and the first password. */
export function CreateAccountForm({
  onSubmit,
  onCancel,
}: {
  onSubmit: (input: AccountInput) => Promise<void>;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [username, setUsername] = useState("");
  const [displayName, setDisplayName] = useState("");
  const [role, setRole] = useState<FacilityRole>("care_worker");
  const [password, setPassword] = useState("");
  const form = useFormState();

  const usernameProblem =
    form.checked && !isValidUsername(username.trim()) ? t("accounts.usernameInvalid") : null;
  const nameProblem = form.checked && displayName.trim() === "" ? t("accounts.displayNameRequired") : null;
  const pwProblem =
    form.checked && isShortPassword(password)
      ? t("accounts.passwordShort", { count: password.length })
      : null;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const valid = isValidUsername(username.trim()) && displayName.trim() !== "" && !isShortPassword(password);
    void form.run(valid, () =>
      onSubmit({ username: username.trim(), displayName: displayName.trim(), role, password }),
    );
  };

  return (
    <form className="settings-form" onSubmit={submit} noValidate data-testid="account-form">
      <label className="field">
        <span className="field-label">{t("accounts.username")}</span>
        <input
          data-testid="account-username"
          autoComplete="off"
          autoCapitalize="off"
          autoCorrect="off"
          spellCheck={false}
          maxLength={60}
          value={username}
          aria-invalid={usernameProblem !== null}
          aria-describedby={describedBy(form.error, "username", usernameProblem)}
          onChange={(e) => setUsername(e.target.value)}
        />
        <span className="hint">{t("accounts.usernameHint")}</span>
        <FieldMessage error={form.error} path="username" local={usernameProblem} />
      </label>
      <label className="field">
        <span className="field-label">{t("accounts.displayName")}</span>
        <input
          data-testid="account-display-name"
          maxLength={100}
          value={displayName}
          aria-invalid={nameProblem !== null}
          aria-describedby={describedBy(form.error, "displayName", nameProblem)}
          onChange={(e) => setDisplayName(e.target.value)}
        />
        <FieldMessage error={form.error} path="displayName" local={nameProblem} />
      </label>
      <RoleSelect value={role} onChange={setRole} error={form.error} />
      <PasswordField
        label={t("accounts.password")}
        value={password}
        onChange={setPassword}
        problem={pwProblem}
        error={form.error}
      />
      <div className="form-wide">
        <FormProblem error={form.error} shownPaths={["username", "displayName", "role", "password"]} />
      </div>
      <Actions busy={form.busy} submitLabel={t("accounts.create")} onCancel={onCancel} />
    </form>
  );
}

/** A new display name or role for an account; nobody changes their own role here (they would lock themselves out). */
export function EditAccountForm({
  account,
  isSelf,
  onSubmit,
  onCancel,
}: {
  account: Account;
  isSelf: boolean;
  onSubmit: (patch: AccountPatch) => Promise<void>;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [displayName, setDisplayName] = useState(account.displayName);
  const [role, setRole] = useState<string>(account.role);
  const form = useFormState();
  const nameProblem = form.checked && displayName.trim() === "" ? t("accounts.displayNameRequired") : null;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const patch: AccountPatch = {};
    if (displayName.trim() !== account.displayName) patch.displayName = displayName.trim();
    if (!isSelf && role !== account.role && isFacilityRole(role)) patch.role = role;
    void form.run(displayName.trim() !== "", () =>
      Object.keys(patch).length === 0 ? Promise.resolve(onCancel()) : onSubmit(patch),
    );
  };

  return (
    <form className="settings-form" onSubmit={submit} noValidate data-testid="account-form">
      <label className="field">
        <span className="field-label">{t("accounts.displayName")}</span>
        <input
          data-testid="account-display-name"
          maxLength={100}
          value={displayName}
          aria-invalid={nameProblem !== null}
          aria-describedby={describedBy(form.error, "displayName", nameProblem)}
          onChange={(e) => setDisplayName(e.target.value)}
        />
        <FieldMessage error={form.error} path="displayName" local={nameProblem} />
      </label>
      <div>
        <RoleSelect value={role} onChange={setRole} disabled={isSelf} error={form.error} />
        <p className="hint">{isSelf ? t("accounts.ownRole") : t("accounts.roleEndsSessions")}</p>
      </div>
      <div className="form-wide">
        <FormProblem error={form.error} shownPaths={["displayName", "role"]} />
      </div>
      <Actions busy={form.busy} submitLabel={t("accounts.save")} onCancel={onCancel} />
    </form>
  );
}

/** A new password for an account, handed to the person by the administrator; it ends their open sessions. */
export function ResetPasswordForm({
  isSelf,
  onSubmit,
  onCancel,
}: {
  isSelf: boolean;
  onSubmit: (password: string) => Promise<void>;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [password, setPassword] = useState("");
  const form = useFormState();
  const pwProblem =
    form.checked && isShortPassword(password)
      ? t("accounts.passwordShort", { count: password.length })
      : null;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void form.run(!isShortPassword(password), () => onSubmit(password));
  };

  return (
    <form className="settings-form" onSubmit={submit} noValidate data-testid="password-form">
      <PasswordField
        label={t("accounts.newPassword")}
        value={password}
        onChange={setPassword}
        problem={pwProblem}
        error={form.error}
      />
      {isSelf && <p className="notice form-wide">{t("accounts.ownPassword")}</p>}
      <div className="form-wide">
        <FormProblem error={form.error} shownPaths={["password"]} />
      </div>
      <Actions busy={form.busy} submitLabel={t("accounts.save")} onCancel={onCancel} />
    </form>
  );
}
