/** The equipment whose hygiene is logged: humidifiers (付録3) and baths (p.24). */
export const EQUIPMENT_KINDS = [
  "humidifier_household",
  "humidifier_builtin",
  "bath_circulating",
  "bath_non_circulating",
] as const;
export type EquipmentKind = (typeof EQUIPMENT_KINDS)[number];
