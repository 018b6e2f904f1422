import {
  type EnableWhen,
  EXT,
  extensionOf,
  flattenItems,
  isHidden,
  isProvisional,
  type Questionnaire,
  type QuestionnaireItem,
  roleOf,
} from "@mamori/domain/questionnaire";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { answerText, unitOf } from "./answer-text.ts";
import "./questionnaire.css";

/**
 * A Questionnaire as an A4 paper form to fill in by hand: every question (conditional ones with their condition in
 * words), □ to tick for choices, boxes for numbers and dates, lines for text; sections handed to another role framed
 * and captioned. Nothing is pre-filled: this is the blank form a clerk later keys in.
 */
export function QuestionnairePaper({ questionnaire }: { questionnaire: Questionnaire }) {
  const { t } = useTranslation("questionnaire");
  const byLinkId = new Map(flattenItems(questionnaire).map((e) => [e.item.linkId, e.item]));
  return (
    <article className="sheet qr-paper" data-testid="questionnaire-paper">
      <header className="qr-paper-head">
        <h1 className="qr-paper-title">{questionnaire.title ?? questionnaire.name}</h1>
        {questionnaire.version && (
          <p className="qr-paper-version">{t("paper.version", { version: questionnaire.version })}</p>
        )}
        <table className="qr-paper-meta">
          <tbody>
            <tr>
              <th>{t("paper.facility")}</th>
              <td />
              <th>{t("paper.filledOn")}</th>
              <td>{t("paper.yearMonthDay")}</td>
            </tr>
            <tr>
              <th>{t("paper.respondent")}</th>
              <td />
              <th>{t("paper.caseLabel")}</th>
              <td />
            </tr>
          </tbody>
        </table>
        <p className="qr-paper-instruction">{t("paper.instruction")}</p>
      </header>
      <PaperItems items={questionnaire.item ?? []} ancestors={[]} byLinkId={byLinkId} t={t} />
    </article>
  );
}

type Ctx = { byLinkId: Map<string, QuestionnaireItem>; t: TFunction<"questionnaire"> };

function conditionText(ew: EnableWhen, { byLinkId, t }: Ctx, lang: string): string {
  const target = byLinkId.get(ew.question);
  const question = target?.prefix ?? target?.text ?? ew.question;
  if (ew.operator === "exists") return t("paper.conditionAnswered", { question });
  if (ew.operator !== "=" || !target) return t("paper.conditionOther");
  const value = {
    ...(ew.answerBoolean !== undefined ? { valueBoolean: ew.answerBoolean } : {}),
    ...(ew.answerCoding
      ? {
          valueCoding:
            target.answerOption?.find((o) => o.valueCoding?.code === ew.answerCoding?.code)?.valueCoding ??
            ew.answerCoding,
        }
      : {}),
    ...(ew.answerInteger !== undefined ? { valueInteger: ew.answerInteger } : {}),
    ...(ew.answerDecimal !== undefined ? { valueDecimal: ew.answerDecimal } : {}),
    ...(ew.answerString !== undefined ? { valueString: ew.answerString } : {}),
    ...(ew.answerDate !== undefined ? { valueDate: ew.answerDate } : {}),
  };
  return t("paper.conditionEq", { question, answer: answerText(target, value, t, lang) });
}

function PaperItems({
  items,
  ancestors,
  byLinkId,
  t,
}: { items: QuestionnaireItem[]; ancestors: QuestionnaireItem[] } & Ctx) {
  const { i18n } = useTranslation();
  // A condition shared by a run of questions is said once, before the first of them.
  let announced: string[] = [];
  return (
    <>
      {items.map((item) => {
        if (isHidden(item)) return null;
        const ews = item.enableWhen ?? [];
        const keys = ews.map((ew) => JSON.stringify(ew));
        if (!announced.every((k) => keys.includes(k))) announced = [];
        const fresh = ews.filter((_, i) => !announced.includes(keys[i] as string));
        const joiner = item.enableBehavior === "any" ? t("paper.conditionsAny") : t("paper.conditionsAll");
        const words = fresh.map((ew) => conditionText(ew, { byLinkId, t }, i18n.language)).join(joiner);
        const hasExpression = extensionOf(item, EXT.enableWhenExpression) !== undefined;
        let banner: string | null = null;
        let inline: string | null = null;
        if (
          fresh.length > 0 &&
          announced.length === 0 &&
          item.enableBehavior !== "any" &&
          fresh.length === ews.length
        ) {
          banner = t("paper.fromHere", { conditions: words });
          announced = keys;
        } else if (fresh.length > 0) inline = t("paper.onlyIf", { conditions: words });
        else if (hasExpression) inline = t("paper.onlyIf", { conditions: t("paper.conditionOther") });
        return (
          <PaperItem
            key={item.linkId}
            item={item}
            ancestors={ancestors}
            banner={banner}
            inline={inline}
            byLinkId={byLinkId}
            t={t}
          />
        );
      })}
    </>
  );
}

function roleName(role: string, t: TFunction<"questionnaire">): string {
  const known = ["lab_technologist", "physician", "ast_member", "secretariat"] as const;
  const match = known.find((k) => k === role);
  return match ? t(`roles.${match}`) : role;
}

function PaperItem({
  item,
  ancestors,
  banner,
  inline,
  byLinkId,
  t,
}: {
  item: QuestionnaireItem;
  ancestors: QuestionnaireItem[];
  banner: string | null;
  inline: string | null;
} & Ctx) {
  const { i18n } = useTranslation();
  const role = roleOf([...ancestors, item]);
  const newRole = role !== undefined && role !== roleOf(ancestors) ? role : undefined;
  const head = (
    <div className="qr-paper-label">
      {item.prefix && <span className="qr-prefix">{item.prefix}</span>}
      <span>{item.text}</span>
      {item.repeats && item.type !== "group" && <span className="qr-paper-note"> {t("paper.multiple")}</span>}
      {inline && <span className="qr-paper-note"> {inline}</span>}
      {isProvisional(item) && <span className="qr-paper-tag">{t("paper.provisional")}</span>}
      {newRole && (
        <span className="qr-paper-tag qr-paper-tag--role">
          {t("paper.handedTo", { role: roleName(newRole, t) })}
        </span>
      )}
    </div>
  );
  const children =
    item.item && item.item.length > 0 ? (
      <div className="qr-paper-children">
        <PaperItems items={item.item} ancestors={[...ancestors, item]} byLinkId={byLinkId} t={t} />
      </div>
    ) : null;
  const body =
    item.type === "display" ? (
      <p className="qr-paper-display" data-link-id={item.linkId}>
        {item.text}
      </p>
    ) : item.type === "group" ? (
      <section
        className={`qr-paper-group${newRole ? " qr-paper-group--role" : ""}`}
        data-link-id={item.linkId}
      >
        {head}
        {children}
      </section>
    ) : (
      <div className={`qr-paper-q${newRole ? " qr-paper-group--role" : ""}`} data-link-id={item.linkId}>
        {head}
        <PaperAnswer item={item} t={t} lang={i18n.language} />
        {children}
      </div>
    );
  return (
    <>
      {banner && <p className="qr-paper-banner">{banner}</p>}
      {body}
    </>
  );
}

function Box({ label }: { label: string }) {
  return (
    <span className="qr-paper-option">
      <span className="qr-paper-box" aria-hidden="true" />
      {label}
    </span>
  );
}

function PaperAnswer({
  item,
  t,
  lang,
}: {
  item: QuestionnaireItem;
  t: TFunction<"questionnaire">;
  lang: string;
}) {
  const unit = unitOf(item);
  switch (item.type) {
    case "boolean":
      return (
        <div className="qr-paper-options">
          <Box label={t("yes")} />
          <Box label={t("no")} />
        </div>
      );
    case "choice":
    case "open-choice":
      return (
        <div className="qr-paper-options">
          {(item.answerOption ?? []).map((o) => {
            const label = answerText(item, o, t, lang);
            return <Box key={`${o.valueCoding?.code ?? ""}-${label}`} label={label} />;
          })}
          {item.type === "open-choice" && (
            <span className="qr-paper-option">
              <span className="qr-paper-box" aria-hidden="true" />
              <span className="qr-paper-line qr-paper-line--short" />
            </span>
          )}
        </div>
      );
    case "integer":
    case "decimal":
    case "quantity":
      return (
        <div className="qr-paper-options">
          <span className="qr-paper-field" />
          {unit && <span>{unit}</span>}
        </div>
      );
    case "date":
      return <div className="qr-paper-options qr-paper-date">{t("paper.yearMonthDay")}</div>;
    case "text":
      return <div className="qr-paper-textbox" />;
    default:
      return <div className="qr-paper-line" />;
  }
}
