import { organismPickerList, resolveOrganism } from "@mamori/domain/cre";
import { type KeyboardEvent, useId, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";

const ENTRIES = organismPickerList();
const MAX_SHOWN = 8;

const fold = (text: string) => text.normalize("NFKC").toLowerCase().replace(/\s+/g, " ").trim();

/** Picker entries matching what was typed: Latin name, abbreviated binomial ("K. pneumoniae") or Japanese name. */
export function matchOrganisms(query: string) {
  const q = fold(query);
  if (q === "") return ENTRIES.slice(0, MAX_SHOWN);
  return ENTRIES.filter((e) => {
    const abbreviated = e.species ? `${e.genus[0]}. ${e.species}`.toLowerCase() : "";
    return fold(e.name).includes(q) || fold(e.ja).includes(q) || abbreviated.startsWith(q);
  }).slice(0, MAX_SHOWN);
}

const testId = (name: string) => `cre-organism-option-${name.replace(/\s+/g, "_")}`;

interface Props {
  value: string;
  onChange: (value: string) => void;
  error?: string | undefined;
}

/**
 * The organism of an isolate: type part of a Latin or Japanese name and pick it from the list; a name the CRE rules do
 * not know is answered with the nearest names they do (nearestOrganismNames).
 */
export function OrganismPicker({ value, onChange, error }: Props) {
  const { t } = useTranslation("cre");
  const listId = useId();
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const matches = useMemo(() => matchOrganisms(value), [value]);
  const resolved = value.trim() === "" ? null : resolveOrganism(value);
  const entry = resolved?.known ? ENTRIES.find((e) => e.name === resolved.name) : undefined;

  const choose = (name: string) => {
    onChange(name);
    setOpen(false);
  };
  const onKey = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === "ArrowDown") {
      event.preventDefault();
      setOpen(true);
      setActive((i) => Math.min(i + 1, matches.length - 1));
    } else if (event.key === "ArrowUp") {
      event.preventDefault();
      setActive((i) => Math.max(i - 1, 0));
    } else if (event.key === "Enter" && open && matches[active]) {
      event.preventDefault();
      choose(matches[active].name);
    } else if (event.key === "Escape") {
      setOpen(false);
    }
  };

  return (
    <div className="field cre-organism">
      <label className="field-label" htmlFor={`${listId}-input`}>
        {t("isolate.organism")}
      </label>
      <input
        id={`${listId}-input`}
        role="combobox"
        aria-expanded={open}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-invalid={error ? true : undefined}
        autoComplete="off"
        placeholder={t("isolate.organismPlaceholder")}
        value={value}
        data-testid="cre-organism-input"
        onChange={(e) => {
          onChange(e.target.value);
          setOpen(true);
          setActive(0);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
        onKeyDown={onKey}
      />
      {open && (
        <div className="cre-organism-list" id={listId} role="listbox">
          {matches.length === 0 ? (
            <p className="muted">{t("isolate.organismNoMatch")}</p>
          ) : (
            matches.map((m, i) => (
              <div
                key={m.name}
                role="option"
                tabIndex={-1}
                aria-selected={i === active}
                className={i === active ? "cre-organism-option is-active" : "cre-organism-option"}
                data-testid={testId(m.name)}
                onMouseDown={(e) => e.preventDefault()}
                onClick={() => choose(m.name)}
                onKeyDown={(e) => e.key === "Enter" && choose(m.name)}
              >
                <span>{m.ja}</span> <i lang="la">{m.name}</i>
              </div>
            ))
          )}
        </div>
      )}
      {resolved?.known && (
        <p className="hint" data-testid="cre-organism-resolved">
          {entry ? (
            <>
              {entry.ja} <i lang="la">{entry.name}</i>
            </>
          ) : resolved.species === null ? (
            t("isolate.organismGenusOnly", { genus: resolved.genus })
          ) : (
            <i lang="la">{resolved.name}</i>
          )}{" "}
          <span className={resolved.enterobacterales ? "badge cre-badge--ok" : "badge cre-badge--muted"}>
            {resolved.enterobacterales ? t("isolate.organismEnterobacterales") : t("isolate.organismOther")}
          </span>
        </p>
      )}
      {resolved && !resolved.known && (
        <div className="field-error" role="alert" data-testid="cre-organism-unknown">
          {t("isolate.organismUnknown")} {t("isolate.organismNearest")}{" "}
          {resolved.nearest.map((name) => (
            <button
              key={name}
              type="button"
              className="btn btn-small btn-ghost"
              data-testid={`cre-organism-nearest-${name.replace(/\s+/g, "_")}`}
              onClick={() => choose(name)}
            >
              {name}
            </button>
          ))}
        </div>
      )}
      {error && !(resolved && !resolved.known) && <p className="field-error">{error}</p>}
    </div>
  );
}
