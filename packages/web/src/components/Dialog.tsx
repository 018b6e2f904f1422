import { type KeyboardEvent, type ReactNode, useEffect, useId, useRef, useState } from "react";

interface Props {
  title: ReactNode;
  onClose: () => void;
  closeLabel: string;
  children: ReactNode;
  testId?: string;
  /** A short dialog (a question) instead of the wide entry panel. */
  size?: "wide" | "small";
}

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]), textarea:not([disabled]), select:not([disabled]), [tabindex]:not([tabindex="-1"])';

/** What Tab can reach inside a container, in order; hidden elements left out. */
function focusables(container: HTMLElement): HTMLElement[] {
  return [...container.querySelectorAll<HTMLElement>(FOCUSABLE)].filter(
    (el) => !el.hasAttribute("hidden") && el.getAttribute("aria-hidden") !== "true",
  );
}

/**
 * A modal panel over the page; Escape or the close button leaves it. Tab and Shift+Tab stay inside while it is open, and
 * on closing the focus goes back to what opened it (the person's row), so a keyboard or screen-reader user keeps their
 * place in the round.
 */
export function Dialog({ title, onClose, closeLabel, children, testId, size = "wide" }: Props) {
  const titleId = useId();
  const ref = useRef<HTMLDivElement>(null);
  // Taken while rendering, before any autoFocus inside the dialog moves the focus.
  const [opener] = useState(() =>
    typeof document === "undefined" ? null : (document.activeElement as HTMLElement | null),
  );

  useEffect(() => {
    const onKey = (event: globalThis.KeyboardEvent) => {
      if (event.key === "Escape") onClose();
    };
    globalThis.addEventListener("keydown", onKey);
    return () => globalThis.removeEventListener("keydown", onKey);
  }, [onClose]);

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.contains(document.activeElement)) dialog.focus();
    return () => {
      if (opener?.isConnected && !(opener as HTMLButtonElement).disabled) opener.focus();
    };
  }, [opener]);

  const trapTab = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key !== "Tab" || !ref.current) return;
    const items = focusables(ref.current);
    if (items.length === 0) {
      event.preventDefault();
      return;
    }
    const first = items[0]!;
    const last = items[items.length - 1]!;
    const active = document.activeElement;
    if (event.shiftKey && (active === first || active === ref.current)) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && active === last) {
      event.preventDefault();
      first.focus();
    }
  };

  return (
    <div className="overlay">
      <div
        ref={ref}
        className={size === "small" ? "dialog dialog--small" : "dialog"}
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        data-testid={testId}
        tabIndex={-1}
        onKeyDown={trapTab}
      >
        <div className="dialog-head">
          <h2 id={titleId}>{title}</h2>
          <button
            type="button"
            className="btn btn-ghost dialog-close"
            data-testid="dialog-close"
            onClick={onClose}
          >
            <span aria-hidden="true">✕</span> {closeLabel}
          </button>
        </div>
        <div className="dialog-body">{children}</div>
      </div>
    </div>
  );
}
