import { useTranslation } from "react-i18next";
import { Link } from "wouter";

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <div className="notfound">
      <h1>{t("notFound.title")}</h1>
      <Link href="/">{t("notFound.home")}</Link>
    </div>
  );
}
