import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { asLang, formatTempC, symptomLabel } from "../lib/labels.ts";
import type { RoundRow } from "../round/round-state.ts";
import { FeverBadge } from "./FeverBadge.tsx";
import { KindBadge } from "./KindBadge.tsx";

interface Props {
  row: RoundRow;
  /** Whether this user may record (and the day is not in the future). */
  canRecord: boolean;
  onClear: (row: RoundRow) => void;
  onOpen: (row: RoundRow) => void;
  /** The person's hints of the day (the surveillance rules), shown under the row. */
  hints?: ReactNode;
}

/**
 * One person of the round: room, name, kind; what the day holds so far; and, while nobody has checked them, a one-tap
 * "変わりなし". Tapping the row opens the entry for temperature and symptoms.
 */
export function PersonRow({ row, canRecord, onClear, onOpen, hints }: Props) {
  const { t, i18n } = useTranslation();
  const lang = asLang(i18n.language);
  const { person, status } = row;

  return (
    <li
      className={`row row--${status}`}
      data-testid={`row-${person.id}`}
      data-person-name={person.name}
      data-status={status}
      data-pending={row.pending ? "true" : "false"}
    >
      <button
        type="button"
        className="row-main"
        data-testid={`open-${person.id}`}
        onClick={() => onOpen(row)}
        aria-label={`${person.room ?? ""} ${person.name}`}
      >
        <span className="row-room">{person.room ?? "—"}</span>
        <span className="row-who">
          <span className="row-name">{person.name}</span>
          <KindBadge kind={person.kind} />
        </span>
        <span className="row-summary">
          {status === "unchecked" && (
            <span className="state state--unchecked">{t("round.statusUnchecked")}</span>
          )}
          {status === "clear" && <span className="state state--clear">✓ {t("round.statusClear")}</span>}
          {row.maxTempC !== null && (
            <span className="row-temp" data-testid={`temp-${person.id}`}>
              {formatTempC(row.maxTempC)}℃
            </span>
          )}
          <FeverBadge temperatureClass={row.temperatureClass} />
          {row.symptoms.map((code) => (
            <span
              key={code}
              className="badge badge--symptom"
              data-testid={`row-symptom-${person.id}-${code}`}
            >
              {symptomLabel(code, lang)}
            </span>
          ))}
          {row.pending && (
            <span className="sync sync--pending" data-testid={`pending-${person.id}`}>
              {t("round.pending")}
            </span>
          )}
          {row.rejected && (
            <span className="sync sync--rejected" data-testid={`rejected-${person.id}`}>
              {t("round.rejected")}
            </span>
          )}
        </span>
      </button>
      {hints}
      {canRecord && status === "unchecked" && (
        <button
          type="button"
          className="btn btn-clear"
          data-testid={`clear-${person.id}`}
          onClick={() => onClear(row)}
        >
          {t("round.clear")}
        </button>
      )}
    </li>
  );
}
