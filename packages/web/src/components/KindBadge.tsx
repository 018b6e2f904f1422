import type { PersonKind } from "@mamori/domain/surveillance";
import { useTranslation } from "react-i18next";
import { asLang, kindLabel } from "../lib/labels.ts";

/** Marks people who are not long-stay residents (ショートステイ, 通所サービス, 職員); residents carry no badge. */
export function KindBadge({ kind }: { kind: PersonKind }) {
  const { i18n } = useTranslation();
  if (kind === "resident") return null;
  return (
    <span className={`badge badge--kind badge--${kind}`} data-testid="kind-badge" data-kind={kind}>
      {kindLabel(kind, asLang(i18n.language))}
    </span>
  );
}
