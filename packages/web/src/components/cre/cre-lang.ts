import { creSourceText } from "@mamori/domain/cre";
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

/**
 * A rule's source as a physician reads it: the document, section and page in the screen's language, never Mamori's
 * own working references (「guide ②」 → 「抗微生物薬適正使用の手引き 第三版 別冊 … 治療方針 ②」).
 */
export function useSourceText(): (source: string) => string {
  const lang = useCreLang();
  return (source) => creSourceText(source, lang);
}
