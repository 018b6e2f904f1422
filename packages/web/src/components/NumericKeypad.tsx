import { type KeyboardEvent, type ReactNode, useId } from "react";
import { useTranslation } from "react-i18next";
import {
  KEYPAD_KEYS,
  type KeypadKey,
  keyFromKeyboard,
  pressKey,
  sanitizeTemperatureText,
} from "../lib/temperature-entry.ts";

interface Props {
  value: string;
  onChange: (value: string) => void;
  /** Enter on a keyboard: usually "save". */
  onEnter?: () => void;
  label: string;
  /** Shown beside the label as soon as the reading means something (the fever badge). */
  status?: ReactNode;
  invalid?: boolean;
  autoFocus?: boolean;
}

const KEY_TEST_IDS: Record<KeypadKey, string> = {
  "0": "keypad-0",
  "1": "keypad-1",
  "2": "keypad-2",
  "3": "keypad-3",
  "4": "keypad-4",
  "5": "keypad-5",
  "6": "keypad-6",
  "7": "keypad-7",
  "8": "keypad-8",
  "9": "keypad-9",
  ".": "keypad-dot",
  back: "keypad-back",
  clear: "keypad-clear",
};

/**
 * Temperature entry: a large display and an on-screen keypad for the tablet, which also takes a physical keyboard.
 * The field asks the tablet for no keyboard of its own (`inputMode="none"`), so the keypad is never covered.
 */
export function NumericKeypad({
  value,
  onChange,
  onEnter,
  label,
  status,
  invalid = false,
  autoFocus = false,
}: Props) {
  const { t } = useTranslation();
  const id = useId();

  const press = (key: KeypadKey) => onChange(pressKey(value, key));

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === "Enter") {
      event.preventDefault();
      onEnter?.();
      return;
    }
    if (event.ctrlKey || event.metaKey || event.altKey || event.key === "Tab") return;
    const key = keyFromKeyboard(event.key);
    if (key !== null || event.key.length === 1) event.preventDefault();
    if (key !== null) press(key);
  };

  return (
    <div className="keypad">
      <div className="keypad-head">
        <label className="keypad-label" htmlFor={id}>
          {label}
        </label>
        <span className="keypad-status" aria-live="polite">
          {status}
        </span>
      </div>
      <div className="keypad-display">
        <input
          id={id}
          data-testid="temp-input"
          className={invalid ? "keypad-input is-invalid" : "keypad-input"}
          inputMode="none"
          autoComplete="off"
          // biome-ignore lint/a11y/noAutofocus: the editor opens to take a reading; the keyboard must land here.
          autoFocus={autoFocus}
          value={value}
          placeholder={t("editor.tempPlaceholder")}
          aria-invalid={invalid}
          onKeyDown={onKeyDown}
          onChange={(event) => onChange(sanitizeTemperatureText(event.target.value))}
        />
        <span className="keypad-unit">℃</span>
      </div>
      <div className="keypad-keys">
        {KEYPAD_KEYS.map((key) => (
          <button
            key={key}
            type="button"
            className={key === "back" ? "keypad-key keypad-key--aux" : "keypad-key"}
            data-testid={KEY_TEST_IDS[key]}
            aria-label={key === "back" ? t("keypad.back") : key === "." ? t("keypad.dot") : key}
            onClick={() => press(key)}
          >
            {key === "back" ? "⌫" : key}
          </button>
        ))}
        <button
          type="button"
          className="keypad-key keypad-key--wide keypad-key--aux"
          data-testid={KEY_TEST_IDS.clear}
          onClick={() => press("clear")}
        >
          {t("keypad.clear")}
        </button>
      </div>
    </div>
  );
}
