import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Unit } from "../api/types.ts";
import { useApi } from "../state/ApiContext.tsx";
import { ErrorNotice } from "./ErrorNotice.tsx";

/** One unit with its rooms, and a field to add a room. */
export function UnitCard({
  unit,
  editable,
  onChanged,
}: {
  unit: Unit;
  editable: boolean;
  onChanged: () => Promise<void>;
}) {
  const { t } = useTranslation();
  const api = useApi();
  const [room, setRoom] = useState("");
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const addRoom = async (event: FormEvent) => {
    event.preventDefault();
    if (room.trim() === "") return;
    setBusy(true);
    try {
      await api.createRoom(unit.id, { name: room.trim() });
      setRoom("");
      setError(null);
      await onChanged();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <li className="card" data-testid={`unit-card-${unit.id}`}>
      <h2>
        {unit.name}
        <span className="muted"> · {t("setup.floorN", { floor: unit.floor })}</span>
      </h2>
      <div className="room-chips">
        {unit.rooms.length === 0 && <span className="muted">{t("setup.noRooms")}</span>}
        {unit.rooms.map((r) => (
          <span key={r.id} className="badge badge--room">
            {r.name}
          </span>
        ))}
      </div>
      {editable && (
        <form className="inline-form" onSubmit={addRoom}>
          <label className="field">
            <span className="field-label">{t("setup.roomName")}</span>
            <input
              data-testid={`room-name-${unit.id}`}
              maxLength={50}
              value={room}
              onChange={(e) => setRoom(e.target.value)}
            />
          </label>
          <button type="submit" className="btn" disabled={busy} data-testid={`room-add-${unit.id}`}>
            {t("setup.addRoom")}
          </button>
        </form>
      )}
      <ErrorNotice error={error} />
    </li>
  );
}
