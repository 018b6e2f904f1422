import type { ReactNode } from "react";

/**
 * One labelled form field: the label, the control (`children`), a hint under it when given, then what is wrong with
 * it (`problem`, e.g. a FieldMessage).
 */
export function Field({
  label,
  htmlFor,
  hint,
  problem,
  children,
}: {
  label: ReactNode;
  htmlFor?: string;
  hint?: ReactNode;
  problem?: ReactNode;
  children: ReactNode;
}) {
  return (
    <label className="field" htmlFor={htmlFor}>
      <span className="field-label">{label}</span>
      {children}
      {hint !== undefined && <span className="hint">{hint}</span>}
      {problem}
    </label>
  );
}
