import { useTranslation } from "react-i18next";
import { Link } from "wouter";
import type { Facility, Round } from "../../api/types.ts";
import type { OutboxItem } from "../../outbox/outbox.ts";
import { buildRows } from "../../round/round-state.ts";

interface Props {
  facility: Facility;
  today: string;
  /** Today's round per unit id, as the home loaded it. */
  rounds: Record<string, Round>;
  outbox: readonly OutboxItem[];
}

/**
 * Who has not been checked today, per floor: during an outbreak the nurse needs to know whose state is not known yet.
 * Entries waiting on the device count as checked, as in the round.
 */
export function UncheckedToday({ facility, today, rounds, outbox }: Props) {
  const { t } = useTranslation("surveillance");
  const units = facility.units.map((unit) => {
    const round = rounds[unit.id];
    const rows = round ? buildRows(round, outbox) : null;
    return { unit, unchecked: rows?.filter((row) => row.status === "unchecked") ?? null };
  });
  const loading = units.some((u) => u.unchecked === null);
  const total = units.reduce((sum, u) => sum + (u.unchecked?.length ?? 0), 0);

  return (
    <section className="unchecked-today" aria-labelledby="unchecked-title" data-testid="unchecked-today">
      <h2 id="unchecked-title">{t("unchecked.title")}</h2>
      {loading && <p className="muted">{t("unchecked.loading")}</p>}
      {!loading && total === 0 && <p data-testid="unchecked-none">{t("unchecked.allDone")}</p>}
      {!loading && total > 0 && (
        <ul className="unchecked-units">
          {units.map(({ unit, unchecked }) =>
            unchecked && unchecked.length > 0 ? (
              <li key={unit.id} data-testid={`unchecked-unit-${unit.id}`}>
                <details>
                  <summary>{t("unchecked.unit", { unit: unit.name, count: unchecked.length })}</summary>
                  <p className="unchecked-names">
                    {unchecked
                      .map((row) =>
                        row.person.room ? `${row.person.room} ${row.person.name}` : row.person.name,
                      )
                      .join("、")}
                  </p>
                  <Link href={`/round/${unit.id}/${today}`} className="btn btn-small">
                    {t("unchecked.openRound")} ›
                  </Link>
                </details>
              </li>
            ) : null,
          )}
        </ul>
      )}
    </section>
  );
}
