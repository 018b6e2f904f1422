import { useTranslation } from "react-i18next";
import type { CreLang } from "../../api/cre.ts";
import { asLang } from "../../lib/labels.ts";

/** The language the CRE texts are asked in from the server: the one the screen shows. */
export function useCreLang(): CreLang {
  const { i18n } = useTranslation();
  return asLang(i18n.language);
}

/** Text in brackets as each language writes them: "（膀胱炎）" in Japanese, " (cystitis)" in English. */
export function useParen(): (text: string) => string {
  const lang = useCreLang();
  return (text) => (lang === "ja" ? `（${text}）` : ` (${text})`);
}
