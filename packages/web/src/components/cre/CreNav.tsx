import { useTranslation } from "react-i18next";
import { Link, useLocation } from "wouter";
import { useUser } from "../../state/SessionProvider.tsx";
import { canEnterIsolates, canReadCre } from "./cre-roles.ts";

/** The tabs of the CRE screens: the case list, entering or importing isolates (laboratory), the formulary. */
export function CreNav() {
  const { t } = useTranslation("cre");
  const user = useUser();
  const [location] = useLocation();
  const links = [
    ...(canReadCre(user) ? [{ href: "/cre", label: t("nav.list"), id: "list" }] : []),
    ...(canEnterIsolates(user)
      ? [
          { href: "/cre/new", label: t("nav.newIsolate"), id: "new" },
          { href: "/cre/import", label: t("nav.import"), id: "import" },
        ]
      : []),
    { href: "/cre/availability", label: t("nav.availability"), id: "availability" },
  ];
  const current = location === "/" ? "/cre" : location;
  return (
    <nav className="tabs cre-nav no-print" aria-label={t("title")}>
      {links.map((l) => (
        <Link
          key={l.id}
          href={l.href}
          className={current === l.href ? "tab is-on" : "tab"}
          aria-current={current === l.href ? "page" : undefined}
          data-testid={`cre-nav-${l.id}`}
        >
          {l.label}
        </Link>
      ))}
    </nav>
  );
}
