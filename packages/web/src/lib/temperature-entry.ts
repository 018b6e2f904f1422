import { TEMPERATURE_RANGE_C } from "@mamori/domain/surveillance";

/** A key of the temperature keypad: a digit, the decimal point, backspace or clear. */
export type KeypadKey = "0" | "1" | "2" | "3" | "4" | "5" | "6" | "7" | "8" | "9" | "." | "back" | "clear";

export const KEYPAD_KEYS: readonly KeypadKey[] = [
  "7",
  "8",
  "9",
  "4",
  "5",
  "6",
  "1",
  "2",
  "3",
  ".",
  "0",
  "back",
];

/**
 * The text after pressing a key. Readings have two whole digits and one decimal, so after two digits the point is
 * put in by itself: 3, 6, 5 gives "36.5" — three taps for a reading.
 */
export function pressKey(text: string, key: KeypadKey): string {
  if (key === "clear") return "";
  if (key === "back") return text.slice(0, -1);
  const dot = text.indexOf(".");
  if (key === ".") return dot >= 0 || text === "" ? text : `${text}.`;
  if (dot >= 0) return text.length - dot > 1 ? text : text + key;
  if (text.length >= 2) return `${text}.${key}`;
  return text + key;
}

/** Maps a keyboard key to a keypad key; null for keys the field ignores. */
export function keyFromKeyboard(key: string): KeypadKey | null {
  if (/^[0-9]$/.test(key)) return key as KeypadKey;
  if (key === "." || key === "," || key === "Decimal") return ".";
  if (key === "Backspace") return "back";
  if (key === "Delete" || key === "Escape") return "clear";
  return null;
}

export type TemperatureReading =
  | { kind: "empty" }
  | { kind: "valid"; tempC: number }
  | { kind: "invalid"; reason: "format" | "range" };

/** Reads the entered text: empty, a valid temperature in °C within 30.0–45.0, or why not. */
export function readTemperature(text: string): TemperatureReading {
  const trimmed = text.trim().replace(",", ".");
  if (trimmed === "") return { kind: "empty" };
  if (!/^\d{1,2}(\.\d)?$/.test(trimmed)) return { kind: "invalid", reason: "format" };
  const tempC = Number(trimmed);
  if (tempC < TEMPERATURE_RANGE_C.min || tempC > TEMPERATURE_RANGE_C.max)
    return { kind: "invalid", reason: "range" };
  return { kind: "valid", tempC };
}

/** The range accepted for a usual temperature (°C): what the server takes for a healthy body at rest. */
export const BASELINE_RANGE_C = { min: 34, max: 38 } as const;

/** Reads a usual temperature: empty, or one decimal within 34.0–38.0 °C. */
export function readBaseline(text: string): TemperatureReading {
  const reading = readTemperature(text);
  if (reading.kind !== "valid") return reading;
  if (reading.tempC < BASELINE_RANGE_C.min || reading.tempC > BASELINE_RANGE_C.max) {
    return { kind: "invalid", reason: "range" };
  }
  return reading;
}

/** Keeps only what the field can hold when text is pasted or typed in a way the key handler did not see. */
export function sanitizeTemperatureText(text: string): string {
  let out = "";
  for (const ch of text.replace(",", ".")) {
    const key = keyFromKeyboard(ch);
    if (key !== null && key !== "back" && key !== "clear") out = pressKey(out, key);
  }
  return out;
}
