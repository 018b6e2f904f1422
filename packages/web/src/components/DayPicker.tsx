import { useTranslation } from "react-i18next";
import { addDays, formatDay, isDay } from "../lib/dates.ts";

interface Props {
  day: string;
  /** Today in the facility's time zone; later days cannot be chosen. */
  today: string;
  onChange: (day: string) => void;
}

/** The day of the round: previous / next, back to today, or any day from the calendar. */
export function DayPicker({ day, today, onChange }: Props) {
  const { t, i18n } = useTranslation();
  return (
    <fieldset className="day-picker">
      <legend className="sr-only">{t("round.day")}</legend>
      <button
        type="button"
        className="btn btn-icon"
        data-testid="day-prev"
        aria-label={t("round.prevDay")}
        onClick={() => onChange(addDays(day, -1))}
      >
        ◀
      </button>
      <label className="day-label">
        <span className="day-text" data-testid="day-text">
          {formatDay(day, i18n.language)}
        </span>
        <input
          className="day-input"
          type="date"
          data-testid="day-input"
          value={day}
          max={today}
          aria-label={t("round.day")}
          onChange={(event) => {
            if (isDay(event.target.value) && event.target.value <= today) onChange(event.target.value);
          }}
        />
      </label>
      <button
        type="button"
        className="btn btn-icon"
        data-testid="day-next"
        aria-label={t("round.nextDay")}
        disabled={day >= today}
        onClick={() => onChange(addDays(day, 1))}
      >
        ▶
      </button>
      {day !== today && (
        <button type="button" className="btn" data-testid="day-today" onClick={() => onChange(today)}>
          {t("round.today")}
        </button>
      )}
    </fieldset>
  );
}
