import { useTranslation } from "react-i18next";
import { Link } from "wouter";
import { ApiError } from "../../api/errors.ts";
import { reportPath } from "./report-text.ts";

/** The server's answer to an office that named, without the facility, an id several facilities sending to it use. */
export function isAmbiguous(error: unknown): error is ApiError {
  return error instanceof ApiError && error.id === "ambiguous_id";
}

/** The facilities the answer lists (`params.facilities` of its `facility` field). */
function facilitiesOf(error: ApiError): { id: string; name: string }[] {
  const listed = error.fields.find((f) => f.code === "ambiguous_id")?.params?.facilities;
  return Array.isArray(listed) ? (listed as { id: string; name: string }[]) : [];
}

/**
 * A report opened by its id alone (an old link, an address typed by hand) that two facilities sending to the office
 * both used: the officer chooses the facility instead of being shown either.
 */
export function AmbiguousReport({ id, error }: { id: string; error: ApiError }) {
  const { t } = useTranslation("reports");
  return (
    <div className="notice notice--warn" data-testid="report-ambiguous">
      <p>{t("ambiguous")}</p>
      <ul>
        {facilitiesOf(error).map((f) => (
          <li key={f.id}>
            <Link href={reportPath({ id, facilityId: f.id })}>{f.name}</Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
