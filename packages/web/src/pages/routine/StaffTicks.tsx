import { useTranslation } from "react-i18next";
import type { Person } from "../../api/types.ts";

/** Staff as a list of big tick boxes, with everyone / nobody; `tagged` marks some (new hires). */
export function StaffTicks(props: {
  staff: Person[];
  ticked: Set<string>;
  onChange: (next: Set<string>) => void;
  tagged?: Set<string>;
  tag?: string;
  legend: string;
}) {
  const { t } = useTranslation("routine");
  return (
    <fieldset className="routine-form" style={{ border: 0, padding: 0, margin: 0 }}>
      <legend style={{ fontWeight: 600, marginBottom: "0.4rem" }}>{props.legend}</legend>
      <div style={{ display: "flex", gap: "0.5rem", marginBottom: "0.4rem" }}>
        <button
          type="button"
          className="btn btn-small"
          onClick={() => props.onChange(new Set(props.staff.map((s) => s.id)))}
        >
          {t("training.all")}
        </button>
        <button type="button" className="btn btn-small btn-ghost" onClick={() => props.onChange(new Set())}>
          {t("training.none")}
        </button>
      </div>
      <ul className="tick-list">
        {props.staff.map((s) => {
          const on = props.ticked.has(s.id);
          return (
            <li key={s.id}>
              <label className={`tick ${on ? "is-on" : ""}`} data-testid="staff-tick">
                <input
                  type="checkbox"
                  checked={on}
                  onChange={(e) => {
                    const next = new Set(props.ticked);
                    if (e.target.checked) next.add(s.id);
                    else next.delete(s.id);
                    props.onChange(next);
                  }}
                />
                {s.name}
                {props.tagged?.has(s.id) && <span className="tick-tag">{props.tag}</span>}
              </label>
            </li>
          );
        })}
      </ul>
    </fieldset>
  );
}
