import {
  answersIn,
  enabledChecker,
  evaluateResponse,
  type FhirPathEnv,
  findResponseItem,
  type InvalidAnswer,
  indexResponse,
  isHidden,
  isPrefilled,
  isProvisional,
  type Questionnaire,
  type QuestionnaireItem,
  type QuestionnaireResponse,
  type QuestionnaireResponseAnswer,
  roleOf,
  setAnswers,
} from "@mamori/domain/questionnaire";
import { type ReactNode, useId, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { answerText, unitOf } from "./answer-text.ts";
import "./questionnaire.css";

export type QuestionnaireFormProps = {
  questionnaire: Questionnaire;
  response: QuestionnaireResponse;
  /** Called with the whole new response on every change; without it the form is read-only. */
  onChange?: (next: QuestionnaireResponse) => void;
  /** The role answering now; items handed to another role (the role extension) are shown read-only. Null: the main respondent. */
  answeringRole?: string | null;
  /** Launch context for expressions (e.g. `{ case }`). */
  context?: FhirPathEnv;
  /** Show "please answer" under required items still unanswered (after a first try to submit). */
  showMissing?: boolean;
  /** One person keys every section, whoever it is handed to (a paper form keyed in by the secretariat). */
  everyRole?: boolean;
};

type Shared = {
  questionnaire: Questionnaire;
  response: QuestionnaireResponse;
  enabled: (linkId: string) => boolean;
  invalid: Map<string, InvalidAnswer[]>;
  missing: Set<string>;
  answers: (linkId: string) => QuestionnaireResponseAnswer[];
  set: ((linkId: string, answers: QuestionnaireResponseAnswer[]) => void) | undefined;
  showMissing: boolean;
  /** Whether the person answering now answers items handed to `role` (undefined: the main respondent's). */
  mayAnswer: (role: string | undefined) => boolean;
};

/**
 * Renders a FHIR Questionnaire with its response on the app's own components: conditions applied live by the engine,
 * constraint messages under their question, pre-filled answers marked, sections handed to another role read-only.
 */
export function QuestionnaireForm(props: QuestionnaireFormProps) {
  const {
    questionnaire,
    response,
    onChange,
    context,
    answeringRole = null,
    showMissing = false,
    everyRole = false,
  } = props;
  const evaluation = useMemo(
    () => evaluateResponse(questionnaire, response, context ? { context } : {}),
    [questionnaire, response, context],
  );
  const index = useMemo(
    () => indexResponse(questionnaire, response, context ? { context } : {}),
    [questionnaire, response, context],
  );
  const enabled = useMemo(() => enabledChecker(index), [index]);
  const invalid = useMemo(() => {
    const map = new Map<string, InvalidAnswer[]>();
    for (const i of evaluation.invalid) map.set(i.linkId, [...(map.get(i.linkId) ?? []), i]);
    return map;
  }, [evaluation]);
  const shared: Shared = {
    questionnaire,
    response,
    enabled,
    invalid,
    missing: new Set(evaluation.missingRequired),
    answers: (linkId) => answersIn(index, linkId),
    set: onChange
      ? (linkId, answers) => onChange(setAnswers(questionnaire, response, linkId, answers))
      : undefined,
    showMissing,
    mayAnswer: (role) => everyRole || (role ?? null) === answeringRole,
  };
  return (
    <div className="qr-form" data-testid="questionnaire-form">
      <Items items={questionnaire.item ?? []} ancestors={[]} shared={shared} />
    </div>
  );
}

function Items({
  items,
  ancestors,
  shared,
}: {
  items: QuestionnaireItem[];
  ancestors: QuestionnaireItem[];
  shared: Shared;
}) {
  return (
    <>
      {items.map((item) => (
        <ItemView key={item.linkId} item={item} ancestors={ancestors} shared={shared} />
      ))}
    </>
  );
}

function ItemView({
  item,
  ancestors,
  shared,
}: {
  item: QuestionnaireItem;
  ancestors: QuestionnaireItem[];
  shared: Shared;
}) {
  const { t } = useTranslation("questionnaire");
  if (!shared.enabled(item.linkId) || isHidden(item)) return null;
  const handedTo = roleOf([...ancestors, item]);
  const parentHandedTo = roleOf(ancestors);
  const editable = shared.set !== undefined && shared.mayAnswer(handedTo) && !item.readOnly;
  const handedBadge =
    handedTo !== undefined && handedTo !== parentHandedTo ? (
      <span className="badge qr-badge qr-badge--role">{t("handedTo", { role: roleName(handedTo, t) })}</span>
    ) : null;
  const handedHint =
    handedTo !== undefined && handedTo !== parentHandedTo && !shared.mayAnswer(handedTo) ? (
      <p className="qr-hint">{t("handedToHint", { role: roleName(handedTo, t) })}</p>
    ) : null;

  if (item.type === "display") {
    return (
      <p className="qr-display" data-link-id={item.linkId}>
        {item.text}
      </p>
    );
  }
  if (item.type === "group") {
    return (
      <fieldset
        className={`qr-group${handedTo && !shared.mayAnswer(handedTo) ? " qr-group--handed" : ""}`}
        data-link-id={item.linkId}
      >
        <legend className="qr-legend">
          {item.prefix && <span className="qr-prefix">{item.prefix}</span>}
          <span>{item.text}</span>
          {handedBadge}
          {isProvisional(item) && (
            <span className="badge qr-badge qr-badge--provisional">{t("provisional")}</span>
          )}
        </legend>
        {handedHint}
        {shared.showMissing &&
          shared.missing.has(item.linkId) &&
          shared.mayAnswer(handedTo) &&
          !(item.item ?? []).some((c) => shared.missing.has(c.linkId)) && (
            <p className="field-error qr-error" role="alert">
              {t("requiredMissing")}
            </p>
          )}
        <Items items={item.item ?? []} ancestors={[...ancestors, item]} shared={shared} />
      </fieldset>
    );
  }
  return (
    <Question
      item={item}
      ancestors={ancestors}
      shared={shared}
      editable={editable}
      handedBadge={handedBadge}
      handedHint={handedHint}
    />
  );
}

function roleName(role: string, t: ReturnType<typeof useTranslation<"questionnaire">>["t"]): string {
  const known = ["lab_technologist", "physician", "ast_member", "secretariat"] as const;
  const match = known.find((k) => k === role);
  return match ? t(`roles.${match}`) : role;
}

function Question(props: {
  item: QuestionnaireItem;
  ancestors: QuestionnaireItem[];
  shared: Shared;
  editable: boolean;
  handedBadge: ReactNode;
  handedHint: ReactNode;
}) {
  const { item, shared, editable, handedBadge, handedHint } = props;
  const { t, i18n } = useTranslation("questionnaire");
  const labelId = useId();
  const answers = shared.answers(item.linkId);
  const prefilled = isPrefilled(findResponseItem(shared.response, item.linkId)) && answers.length > 0;
  const problems = shared.invalid.get(item.linkId) ?? [];
  // Only the role that answers an item is asked for it; the others see that it is still open.
  const missing = shared.showMissing && shared.missing.has(item.linkId) && editable;
  const set = (next: QuestionnaireResponseAnswer[]) => shared.set?.(item.linkId, next);
  return (
    <div
      className={`qr-item${prefilled ? " qr-item--prefilled" : ""}${problems.length || missing ? " qr-item--error" : ""}`}
      data-link-id={item.linkId}
      data-testid={`qr-item-${item.linkId}`}
    >
      <div className="qr-label" id={labelId}>
        {item.prefix && <span className="qr-prefix">{item.prefix}</span>}
        <span className="qr-text">{item.text}</span>
        {item.required && <span className="qr-required">{t("required")}</span>}
        {isProvisional(item) && (
          <span className="badge qr-badge qr-badge--provisional">{t("provisional")}</span>
        )}
        {handedBadge}
        {prefilled && <span className="badge qr-badge qr-badge--prefilled">{t("prefilled")}</span>}
      </div>
      {handedHint}
      {editable ? (
        <Control item={item} answers={answers} set={set} labelId={labelId} />
      ) : (
        <p className="qr-readonly">
          {answers.length > 0
            ? answers.map((a) => answerText(item, a, t, i18n.language)).join("、")
            : t("noAnswer")}
        </p>
      )}
      {prefilled && editable && <p className="qr-hint">{t("prefilledHint")}</p>}
      {problems.map((p) => (
        <p key={`${p.code}-${p.key ?? ""}`} className="field-error qr-error" role="alert">
          {p.code === "constraint" ? p.message : t(`invalid.${p.code}`)}
        </p>
      ))}
      {missing && (
        <p className="field-error qr-error" role="alert">
          {t("requiredMissing")}
        </p>
      )}
      {item.item && item.item.length > 0 && (
        <Items items={item.item} ancestors={[...props.ancestors, item]} shared={shared} />
      )}
    </div>
  );
}

function Control({
  item,
  answers,
  set,
  labelId,
}: {
  item: QuestionnaireItem;
  answers: QuestionnaireResponseAnswer[];
  set: (next: QuestionnaireResponseAnswer[]) => void;
  labelId: string;
}) {
  const { t, i18n } = useTranslation("questionnaire");
  const first = answers[0];
  switch (item.type) {
    case "boolean":
      return (
        <div className="qr-choices" role="radiogroup" aria-labelledby={labelId}>
          {[true, false].map((value) => (
            <label
              key={String(value)}
              className={`qr-choice${first?.valueBoolean === value ? " is-on" : ""}`}
            >
              <input
                type="radio"
                name={item.linkId}
                checked={first?.valueBoolean === value}
                onChange={() => set([{ valueBoolean: value }])}
              />
              {value ? t("yes") : t("no")}
            </label>
          ))}
          {first && <ClearButton onClear={() => set([])} />}
        </div>
      );
    case "choice":
    case "open-choice": {
      const options = item.answerOption ?? [];
      const same = (a: QuestionnaireResponseAnswer, o: (typeof options)[number]) =>
        o.valueCoding
          ? a.valueCoding?.code === o.valueCoding.code && a.valueCoding?.system === o.valueCoding.system
          : a.valueString === o.valueString &&
            a.valueInteger === o.valueInteger &&
            a.valueDate === o.valueDate;
      const body = (
        <>
          {item.repeats && <p className="qr-hint qr-hint--wide">{t("selectAll")}</p>}
          {options.map((o) => {
            const { initialSelected: _s, extension: _e, ...value } = o;
            const on = answers.some((a) => same(a, o));
            const label = answerText(item, value, t, i18n.language);
            return (
              <label
                key={`${o.valueCoding?.code ?? ""}-${label}`}
                className={`qr-choice${on ? " is-on" : ""}`}
              >
                <input
                  type={item.repeats ? "checkbox" : "radio"}
                  name={item.linkId}
                  checked={on}
                  onChange={() => {
                    if (!item.repeats) set([value]);
                    else set(on ? answers.filter((a) => !same(a, o)) : [...answers, value]);
                  }}
                />
                {label}
              </label>
            );
          })}
          {answers.length > 0 && <ClearButton onClear={() => set([])} />}
          {item.type === "open-choice" && (
            <input
              className="input qr-input"
              aria-labelledby={labelId}
              value={answers.find((a) => a.valueString !== undefined)?.valueString ?? ""}
              onChange={(e) => set(e.target.value ? [{ valueString: e.target.value }] : [])}
            />
          )}
        </>
      );
      return item.repeats ? (
        <fieldset className="qr-choices qr-fieldset" aria-labelledby={labelId}>
          {body}
        </fieldset>
      ) : (
        <div className="qr-choices" role="radiogroup" aria-labelledby={labelId}>
          {body}
        </div>
      );
    }
    case "integer":
    case "decimal":
    case "quantity":
      return <NumberControl item={item} first={first} set={set} labelId={labelId} />;
    case "date":
      return (
        <div className="qr-row">
          <input
            type="date"
            className="input qr-input qr-input--date"
            aria-labelledby={labelId}
            value={first?.valueDate ?? ""}
            onChange={(e) => set(e.target.value ? [{ valueDate: e.target.value }] : [])}
          />
          {first?.valueDate && (
            <span className="qr-date-text">{answerText(item, first, t, i18n.language)}</span>
          )}
        </div>
      );
    case "dateTime":
      return (
        <input
          type="datetime-local"
          className="input qr-input"
          aria-labelledby={labelId}
          value={first?.valueDateTime?.slice(0, 16) ?? ""}
          onChange={(e) => set(e.target.value ? [{ valueDateTime: `${e.target.value}:00+09:00` }] : [])}
        />
      );
    case "time":
      return (
        <input
          type="time"
          className="input qr-input"
          aria-labelledby={labelId}
          value={first?.valueTime?.slice(0, 5) ?? ""}
          onChange={(e) => set(e.target.value ? [{ valueTime: `${e.target.value}:00` }] : [])}
        />
      );
    case "string":
    case "url":
      return (
        <input
          type={item.type === "url" ? "url" : "text"}
          className="input qr-input qr-input--wide"
          aria-labelledby={labelId}
          maxLength={item.maxLength}
          value={first?.valueString ?? first?.valueUri ?? ""}
          onChange={(e) =>
            set(
              e.target.value
                ? [item.type === "url" ? { valueUri: e.target.value } : { valueString: e.target.value }]
                : [],
            )
          }
        />
      );
    case "text":
      return (
        <textarea
          className="input qr-textarea"
          aria-labelledby={labelId}
          rows={3}
          maxLength={item.maxLength}
          value={first?.valueString ?? ""}
          onChange={(e) => set(e.target.value ? [{ valueString: e.target.value }] : [])}
        />
      );
    default:
      return <p className="qr-hint">{t("unsupported")}</p>;
  }
}

function ClearButton({ onClear }: { onClear: () => void }) {
  const { t } = useTranslation("questionnaire");
  return (
    <button type="button" className="btn btn-ghost btn-small qr-clear" onClick={onClear}>
      {t("clear")}
    </button>
  );
}

const NUMBER = /^-?\d+(\.\d+)?$/;

/** A number box that keeps what is being typed ("1.") and sets the answer only when it reads as a number. */
function NumberControl({
  item,
  first,
  set,
  labelId,
}: {
  item: QuestionnaireItem;
  first: QuestionnaireResponseAnswer | undefined;
  set: (next: QuestionnaireResponseAnswer[]) => void;
  labelId: string;
}) {
  const { t } = useTranslation("questionnaire");
  const stored = first?.valueInteger ?? first?.valueDecimal ?? first?.valueQuantity?.value;
  const [text, setText] = useState<string | null>(null);
  const shown = text ?? (stored === undefined ? "" : String(stored));
  const unit = unitOf(item);
  const trimmed = shown.trim().replace(/[０-９．－]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
  const problem =
    trimmed === "" || !text
      ? undefined
      : !NUMBER.test(trimmed)
        ? t("notNumber")
        : item.type === "integer" && !Number.isInteger(Number(trimmed))
          ? t("notWhole")
          : undefined;
  return (
    <div className="qr-row">
      <input
        className="input qr-input qr-input--number"
        inputMode={item.type === "integer" ? "numeric" : "decimal"}
        aria-labelledby={labelId}
        aria-invalid={problem ? true : undefined}
        value={shown}
        onChange={(e) => {
          const raw = e.target.value;
          setText(raw);
          const v = raw.trim().replace(/[０-９．－]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
          if (v === "") set([]);
          else if (NUMBER.test(v)) {
            const n = Number(v);
            if (item.type === "integer") {
              if (Number.isInteger(n)) set([{ valueInteger: n }]);
            } else if (item.type === "decimal") set([{ valueDecimal: n }]);
            else set([{ valueQuantity: { value: n, ...(unit ? { unit } : {}) } }]);
          }
        }}
      />
      {unit && <span className="qr-unit">{unit}</span>}
      {problem && (
        <p className="field-error qr-error" role="alert">
          {problem}
        </p>
      )}
    </div>
  );
}
