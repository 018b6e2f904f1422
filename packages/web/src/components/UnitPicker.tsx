import type { Unit } from "../api/types.ts";

interface Props {
  units: readonly Unit[];
  value: string | null;
  onChange: (unitId: string) => void;
  label: string;
}

/** The units (floors) of the facility as large buttons; the chosen one is pressed. */
export function UnitPicker({ units, value, onChange, label }: Props) {
  return (
    <fieldset className="unit-picker" data-testid="unit-picker">
      <legend className="sr-only">{label}</legend>
      {units.map((unit) => (
        <button
          key={unit.id}
          type="button"
          className={unit.id === value ? "seg is-on" : "seg"}
          aria-pressed={unit.id === value}
          data-testid={`unit-option-${unit.id}`}
          onClick={() => onChange(unit.id)}
        >
          {unit.name}
        </button>
      ))}
    </fieldset>
  );
}
