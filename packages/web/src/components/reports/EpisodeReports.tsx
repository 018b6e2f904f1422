import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "wouter";
import { asLang } from "../../lib/labels.ts";
import { useLoad } from "../../lib/use-load.ts";
import { useApi } from "../../state/ApiContext.tsx";
import { instantText } from "./report-text.ts";

/**
 * On an outbreak episode: the reports to the offices about it, with their status and how many replies and instructions
 * came back, each a tap away — so the facility sees the health centre's instructions where it manages the outbreak.
 */
export function EpisodeReports({ episodeId }: { episodeId: string }) {
  const { t, i18n } = useTranslation("reports");
  const lang = asLang(i18n.language);
  const api = useApi();
  const fetch = useMemo(() => () => api.reports.list(), [api]);
  const { data } = useLoad(fetch);
  const mine = (data?.reports ?? []).filter((r) => r.episodeId === episodeId);
  if (mine.length === 0) return null;
  return (
    <section className="card" data-testid="episode-reports">
      <h2>{t("list.heading")}</h2>
      <ul>
        {mine.map((r) => (
          <li key={r.id}>
            <Link href={`/reports/${r.id}`}>
              {t(`kind.${r.kind}`)}（{t(`status.${r.status}`)}）
            </Link>{" "}
            <span className="muted">{instantText(r.submittedAt ?? r.createdAt, lang)}</span>
            {r.replies > 0 && <strong> {t("list.replies", { count: r.replies })}</strong>}
          </li>
        ))}
      </ul>
    </section>
  );
}
