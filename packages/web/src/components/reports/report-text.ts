import { TZDate } from "@date-fns/tz";
import {
  DISEASE_LABELS,
  type GroupedDisease,
  SYMPTOM_LABELS,
  type SymptomCode,
} from "@mamori/domain/surveillance";
import { format } from "date-fns";
import { shortDay } from "../../alerts/alert-labels.ts";
import type { Lang } from "../../lib/labels.ts";

/** The offices are in Japan: instants are shown in Japan's time. */
const OFFICE_ZONE = "Asia/Tokyo";

/** An instant as people here write it: 12月2日(水) 10:05. */
export function instantText(iso: string, lang: Lang): string {
  const local = new TZDate(new Date(iso), OFFICE_ZONE);
  return `${shortDay(format(local, "yyyy-MM-dd"), lang)} ${format(local, "H:mm")}`;
}

export const symptomText = (code: string, lang: Lang) => SYMPTOM_LABELS[code as SymptomCode]?.[lang] ?? code;
export const diseaseText = (code: string, lang: Lang) =>
  DISEASE_LABELS[code as GroupedDisease]?.[lang] ?? code;

/**
 * The page of a report. An office's links name the facility too (`?facility=`): ids are each facility's own, and two
 * facilities sending to one office may use the same.
 */
export function reportPath(ref: { id: string; facilityId?: string | undefined }): string {
  const facility = ref.facilityId ? `?facility=${encodeURIComponent(ref.facilityId)}` : "";
  return `/reports/${encodeURIComponent(ref.id)}${facility}`;
}

/** Officers of a health centre or a municipality: their inbox is their home. */
export { isOfficer } from "../../lib/permissions.ts";
