import type { ReactNode } from "react";
import { columnDayParts } from "./form-text.ts";
import "./forms.css";

interface Props {
  title: string;
  facilityLine: string;
  period: string;
  /** Shown at the right of the period (入所者数, the week of the month). */
  aside?: ReactNode;
  /** A4 landscape for wide forms; portrait otherwise. */
  landscape?: boolean;
  footer: ReactNode;
  testId: string;
  children: ReactNode;
}

/**
 * The frame of a printed form: the title, the facility and the period in a table head, which the browser repeats at
 * the top of every printed page, then the form's body and its footer. The screen shows the same frame.
 */
export function FormFrame({
  title,
  facilityLine,
  period,
  aside,
  landscape,
  footer,
  testId,
  children,
}: Props) {
  return (
    <article
      className={`form-sheet${landscape ? " form-sheet--landscape" : ""}`}
      data-testid={testId}
      lang="ja"
    >
      <table className="form-frame">
        <thead>
          <tr>
            <td className="form-frame-cell">
              <header className="form-head">
                <h1 className="form-title">{title}</h1>
                <div className="form-meta">
                  <span className="form-facility" data-testid="form-facility">
                    {facilityLine}
                  </span>
                  <span className="form-period" data-testid="form-period">
                    {period}
                  </span>
                  {aside && <span className="form-aside">{aside}</span>}
                </div>
              </header>
            </td>
          </tr>
        </thead>
        <tbody>
          <tr>
            <td className="form-frame-cell">
              {children}
              <footer className="form-foot">{footer}</footer>
            </td>
          </tr>
        </tbody>
      </table>
    </article>
  );
}

/** A day column's heading: 「11/23」 over 「(月)」, so narrow columns break between them and nowhere else. */
export function DayHead({ day }: { day: string }) {
  const { date, weekday } = columnDayParts(day, "ja");
  return (
    <>
      <span className="day-head">{date}</span>
      <span className="day-head">{weekday}</span>
    </>
  );
}
