import { useTranslation } from "react-i18next";
import type { CreLang } from "../../api/cre.ts";
import { asLang } from "../../lib/labels.ts";

/** The language the CRE texts are asked in from the server: the one the screen shows. */
export function useCreLang(): CreLang {
  const { i18n } = useTranslation();
  return asLang(i18n.language);
}
