import { useTranslation } from "react-i18next";
import type { Person, Unit } from "../../api/types.ts";
import { compareRows } from "../../round/round-state.ts";

interface Props {
  id?: string;
  people: readonly Person[];
  units: readonly Unit[];
  value: string;
  onChange: (personId: string) => void;
  disabled?: boolean;
  testId?: string;
  /** Leave staff out (e.g. the bath sheet is for users). */
  usersOnly?: boolean;
}

/** Chooses one person of the facility, by unit, then room and name; people who left are offered only if chosen. */
export function PersonSelect({ id, people, units, value, onChange, disabled, testId, usersOnly }: Props) {
  const { t } = useTranslation("alerts");
  const offered = people.filter((p) => p.id === value || (p.active && (!usersOnly || p.kind !== "staff")));
  const groups = [
    ...units.map((unit) => ({ key: unit.id, label: unit.name, unitId: unit.id as string | null })),
    { key: "none", label: t("records.noUnit"), unitId: null },
  ]
    .map((group) => ({
      ...group,
      people: offered.filter((p) => p.unitId === group.unitId).sort(compareRows),
    }))
    .filter((group) => group.people.length > 0);

  return (
    <select
      id={id}
      data-testid={testId}
      value={value}
      disabled={disabled}
      required
      onChange={(e) => onChange(e.target.value)}
    >
      <option value="">{t("records.choosePerson")}</option>
      {groups.map((group) => (
        <optgroup key={group.key} label={group.label}>
          {group.people.map((p) => (
            <option key={p.id} value={p.id}>
              {p.room
                ? `${p.room} ${p.name}`
                : p.kind === "staff"
                  ? `${p.name}（${t("card.staff")}）`
                  : p.name}
            </option>
          ))}
        </optgroup>
      ))}
    </select>
  );
}
