import {
  DISINFECTION_SOURCES,
  diluteHypochlorite,
  findHypochloriteUse,
  HYPOCHLORITE_USES,
  type HypochloriteUseId,
  STOCK_PRESETS,
} from "@mamori/domain/disinfection";
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { formatCaps, formatMl, formatPercent } from "./dilution-text.ts";
import "./disinfection.css";

type StockChoice = (typeof STOCK_PRESETS)[number]["id"] | "custom";
const TOTAL_PRESETS = [
  { id: "ml500", ml: 500 },
  { id: "l2", ml: 2000 },
  { id: "l5", ml: 5000 },
] as const;

interface Props {
  /** The use chosen first (deep link `/disinfection?use=vomit`); the floor with vomit or stool when none. */
  initialUse?: HypochloriteUseId | string | null;
}

const parse = (text: string) => (text.trim() === "" ? Number.NaN : Number(text.replace(",", ".")));

/**
 * The sodium hypochlorite calculator of 付録5 ⑤⑥: what it is for (which sets the concentration, with the other
 * concentration the manual gives beside it), the stock, and how much is wanted → stock and water in ml and in caps.
 * Used by the disinfection page and by an outbreak episode's measures.
 */
export function DilutionCalculator({ initialUse }: Props) {
  const { t, i18n } = useTranslation("forms");
  const lang = i18n.language;
  const formId = useId();
  const firstUse = findHypochloriteUse(initialUse ?? "vomit") ?? HYPOCHLORITE_USES[0]!;
  const [useId_, setUseId] = useState<HypochloriteUseId>(firstUse.id);
  const use = findHypochloriteUse(useId_)!;
  const [targetPercent, setTargetPercent] = useState<number>(firstUse.percent);
  const [stock, setStock] = useState<StockChoice>("bleach5");
  const [customStock, setCustomStock] = useState("");
  const [totalText, setTotalText] = useState("500");

  const stockPercent =
    stock === "custom" ? parse(customStock) : STOCK_PRESETS.find((s) => s.id === stock)!.percent;
  const totalMl = parse(totalText);
  const result = diluteHypochlorite({ targetPercent, stockPercent, totalMl });
  const source = (id: keyof typeof DISINFECTION_SOURCES) => {
    const s = DISINFECTION_SOURCES[id];
    return { source: lang === "en" ? s.en : s.ja, pages: s.pages };
  };
  const errorOn = (field: string) =>
    !result.ok && result.field === field ? t(`disinfection.errors.${result.code}`) : null;
  const chooseUse = (id: HypochloriteUseId) => {
    setUseId(id);
    setTargetPercent(findHypochloriteUse(id)!.percent);
  };
  const ppm = Math.round(targetPercent * 10_000);

  return (
    <section className="dilution" data-testid="dilution-calculator" aria-labelledby={`${formId}-title`}>
      <h2 id={`${formId}-title`} className="dilution-title">
        {t("disinfection.title")}
      </h2>
      <p className="muted">{t("disinfection.lead")}</p>

      <fieldset className="dilution-group">
        <legend>{t("disinfection.use")}</legend>
        <div className="choice-list">
          {HYPOCHLORITE_USES.map((u) => (
            <label key={u.id} className={`choice${u.id === use.id ? " is-on" : ""}`}>
              <input
                type="radio"
                name={`${formId}-use`}
                value={u.id}
                data-testid={`use-${u.id}`}
                checked={u.id === use.id}
                onChange={() => chooseUse(u.id)}
              />
              <span>
                {t(`disinfection.uses.${u.id}`)}
                <strong className="choice-percent">{formatPercent(u.percent)}%</strong>
              </span>
            </label>
          ))}
        </div>
      </fieldset>

      <div className="dilution-target" data-testid="dilution-target">
        <div>
          {t("disinfection.target")}：
          <strong>{t("disinfection.targetValue", { percent: formatPercent(targetPercent), ppm })}</strong>
        </div>
        <p className="dilution-source">
          {t("disinfection.source", source(use.source))}「{use.quote}」
        </p>
        {use.alternatives.map((alt) => (
          <div
            key={`${alt.source}-${alt.percent}`}
            className="dilution-alt"
            data-testid={`alt-${alt.source}`}
          >
            <p>
              {t("disinfection.alternative", { percent: formatPercent(alt.percent), ...source(alt.source) })}
              「{alt.quote}」
            </p>
            {targetPercent !== alt.percent && (
              <button type="button" className="btn btn-small" onClick={() => setTargetPercent(alt.percent)}>
                {t("disinfection.useAlternative", { percent: formatPercent(alt.percent) })}
              </button>
            )}
          </div>
        ))}
        {targetPercent !== use.percent && (
          <button type="button" className="btn btn-small" onClick={() => setTargetPercent(use.percent)}>
            {t("disinfection.useMain", { percent: formatPercent(use.percent) })}
          </button>
        )}
        {use.howJa && <p>{t("disinfection.how", { how: lang === "en" ? use.howEn : use.howJa })}</p>}
      </div>

      <fieldset className="dilution-group">
        <legend>{t("disinfection.stock")}</legend>
        <div className="choice-list choice-list--inline">
          {[...STOCK_PRESETS.map((s) => s.id), "custom" as const].map((id) => (
            <label key={id} className={`choice${id === stock ? " is-on" : ""}`}>
              <input
                type="radio"
                name={`${formId}-stock`}
                value={id}
                data-testid={`stock-${id}`}
                checked={id === stock}
                onChange={() => setStock(id)}
              />
              <span>{t(`disinfection.stocks.${id}`)}</span>
            </label>
          ))}
        </div>
        {stock === "custom" && (
          <label className="field">
            <span className="field-label">{t("disinfection.stockPercent")}</span>
            <input
              inputMode="decimal"
              data-testid="stock-percent"
              value={customStock}
              aria-invalid={errorOn("stockPercent") ? true : undefined}
              onChange={(event) => setCustomStock(event.target.value)}
            />
          </label>
        )}
        <p className="dilution-note">{t("disinfection.checkStock")}</p>
      </fieldset>

      <fieldset className="dilution-group">
        <legend>{t("disinfection.total")}</legend>
        <div className="choice-list choice-list--inline">
          {TOTAL_PRESETS.map((p) => (
            <button
              key={p.id}
              type="button"
              className={`btn${parse(totalText) === p.ml ? " btn-primary" : ""}`}
              data-testid={`total-${p.id}`}
              onClick={() => setTotalText(String(p.ml))}
            >
              {t(`disinfection.totalPresets.${p.id}`)}
            </button>
          ))}
        </div>
        <label className="field">
          <span className="field-label">{t("disinfection.totalMl")}</span>
          <input
            inputMode="decimal"
            data-testid="total-ml"
            value={totalText}
            aria-invalid={errorOn("totalMl") ? true : undefined}
            onChange={(event) => setTotalText(event.target.value)}
          />
        </label>
      </fieldset>

      <div className="dilution-result" aria-live="polite" data-testid="dilution-result">
        <h3>{t("disinfection.resultTitle")}</h3>
        {result.ok ? (
          <>
            <div className="dilution-amounts">
              <div className="amount">
                <span className="amount-label">{t("disinfection.stockAmount")}</span>
                <span className="amount-value" data-testid="result-stock-ml">
                  {t("disinfection.ml", { value: formatMl(result.stockMl, lang) })}
                </span>
                {result.stockMl <= 40 && (
                  <span className="amount-caps" data-testid="result-pet-caps">
                    {t("disinfection.petCaps", {
                      caps: formatCaps(result.petBottleCaps, result.petBottleCaps, lang),
                    })}
                  </span>
                )}
                {result.stockMl >= 15 && (
                  <span className="amount-caps" data-testid="result-bleach-caps">
                    {t("disinfection.bleachCaps", {
                      caps: formatCaps(result.bleachCaps.min, result.bleachCaps.max, lang),
                    })}
                  </span>
                )}
              </div>
              <span className="amount-plus" aria-hidden="true">
                ＋
              </span>
              <div className="amount">
                <span className="amount-label">{t("disinfection.water")}</span>
                <span className="amount-value" data-testid="result-water-ml">
                  {t("disinfection.ml", { value: formatMl(result.waterMl, lang) })}
                </span>
              </div>
            </div>
            <p>{t("disinfection.factor", { factor: formatMl(result.dilutionFactor, lang) })}</p>
            {result.totalMl === 500 && <p className="dilution-note">{t("disinfection.bottleNote")}</p>}
          </>
        ) : (
          <p className="dilution-error" role="alert" data-testid="dilution-error">
            {t(`disinfection.errors.${result.code}`)}
          </p>
        )}
        <p className="dilution-note">{t("disinfection.gloves")}</p>
        <p className="dilution-note">
          {t("disinfection.noSpray")}（{t("disinfection.source", source("noSpraying"))}）
        </p>
        <p className="dilution-source">
          {t("disinfection.source", source("dilution"))}・{t("disinfection.source", source("bleach"))}
        </p>
      </div>
    </section>
  );
}
