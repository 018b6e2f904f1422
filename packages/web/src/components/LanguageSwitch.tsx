import { useTranslation } from "react-i18next";
import { setLang } from "../i18n/index.ts";
import { asLang, type Lang } from "../lib/labels.ts";

const OPTIONS: { lang: Lang; label: string }[] = [
  { lang: "ja", label: "日本語" },
  { lang: "en", label: "English" },
];

/** 日本語 / English, each shown in its own language so anyone can find theirs. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const current = asLang(i18n.language);
  return (
    <fieldset className="lang-switch">
      <legend className="sr-only">{t("header.language")}</legend>
      {OPTIONS.map((o) => (
        <button
          key={o.lang}
          type="button"
          lang={o.lang}
          className={o.lang === current ? "seg seg--small is-on" : "seg seg--small"}
          aria-pressed={o.lang === current}
          data-testid={`lang-${o.lang}`}
          onClick={() => setLang(o.lang)}
        >
          {o.label}
        </button>
      ))}
    </fieldset>
  );
}
