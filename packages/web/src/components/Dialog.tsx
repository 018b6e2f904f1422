import { type ReactNode, useEffect, useId } from "react";

interface Props {
  title: ReactNode;
  onClose: () => void;
  closeLabel: string;
  children: ReactNode;
  testId?: string;
}

/** A modal panel over the page; Escape or the close button leaves it. */
export function Dialog({ title, onClose, closeLabel, children, testId }: Props) {
  const titleId = useId();
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === "Escape") onClose();
    };
    globalThis.addEventListener("keydown", onKey);
    return () => globalThis.removeEventListener("keydown", onKey);
  }, [onClose]);

  return (
    <div className="overlay">
      <div className="dialog" role="dialog" aria-modal="true" aria-labelledby={titleId} data-testid={testId}>
        <div className="dialog-head">
          <h2 id={titleId}>{title}</h2>
          <button type="button" className="btn btn-ghost" data-testid="dialog-close" onClick={onClose}>
            ✕ {closeLabel}
          </button>
        </div>
        <div className="dialog-body">{children}</div>
      </div>
    </div>
  );
}
