import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { useApi } from "../state/ApiContext.tsx";
import { ErrorNotice } from "./ErrorNotice.tsx";

/** Adds a unit (floor) to the facility. */
export function AddUnitForm({ onAdded }: { onAdded: () => Promise<void> }) {
  const { t } = useTranslation();
  const api = useApi();
  const [name, setName] = useState("");
  const [floor, setFloor] = useState("");
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (name.trim() === "" || floor.trim() === "") return;
    setBusy(true);
    try {
      await api.createUnit({ name: name.trim(), floor: floor.trim() });
      setName("");
      setError(null);
      await onAdded();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="card inline-form" onSubmit={submit}>
      <h2>{t("setup.addUnit")}</h2>
      <label className="field">
        <span className="field-label">{t("setup.unitName")}</span>
        <input
          data-testid="unit-name"
          required
          maxLength={50}
          value={name}
          onChange={(e) => setName(e.target.value)}
        />
      </label>
      <label className="field field--narrow">
        <span className="field-label">{t("setup.floor")}</span>
        <input
          data-testid="unit-floor"
          placeholder="1F"
          maxLength={50}
          required
          value={floor}
          onChange={(e) => setFloor(e.target.value)}
        />
      </label>
      <button type="submit" className="btn btn-primary" disabled={busy} data-testid="unit-add">
        {t("setup.addUnit")}
      </button>
      <ErrorNotice error={error} />
    </form>
  );
}
