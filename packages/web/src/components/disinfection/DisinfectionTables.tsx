import {
  DISINFECTION_SOURCES,
  OBJECT_TABLE,
  SPECTRUM_COLUMN_LABELS,
  SPECTRUM_COLUMNS,
  SPECTRUM_TABLE,
} from "@mamori/domain/disinfection";
import { useTranslation } from "react-i18next";
import "./disinfection.css";

const MICROBE_COLUMNS = SPECTRUM_COLUMNS.slice(0, 5);
const TARGET_COLUMNS = SPECTRUM_COLUMNS.slice(5);

/** 付録5③ (which disinfectant works on which organism, and on hands or the environment) and ④ (method per object). */
export function DisinfectionTables() {
  const { t, i18n } = useTranslation("forms");
  const en = i18n.language === "en";
  const source = (id: keyof typeof DISINFECTION_SOURCES) => {
    const s = DISINFECTION_SOURCES[id];
    return t("disinfection.source", { source: en ? s.en : s.ja, pages: s.pages });
  };
  return (
    <>
      <section className="disinfection-table" data-testid="spectrum-table">
        <h2>{t("disinfection.spectrumTitle")}</h2>
        <div className="form-scroll">
          <table className="ref-table">
            <thead>
              <tr>
                <th rowSpan={2} scope="col">
                  {t("disinfection.agent")}
                </th>
                <th colSpan={MICROBE_COLUMNS.length} scope="colgroup">
                  {t("disinfection.spectrumGroup")}
                </th>
                <th colSpan={TARGET_COLUMNS.length} scope="colgroup">
                  {t("disinfection.targetGroup")}
                </th>
              </tr>
              <tr>
                {SPECTRUM_COLUMNS.map((c) => (
                  <th key={c} scope="col">
                    {en ? SPECTRUM_COLUMN_LABELS[c].en : SPECTRUM_COLUMN_LABELS[c].ja}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {SPECTRUM_TABLE.rows.map((row) => (
                <tr
                  key={row.agent.ja}
                  className={row.agent.ja === "次亜塩素酸ナトリウム" ? "is-focus" : undefined}
                >
                  <th scope="row">
                    {en ? row.agent.en : row.agent.ja}
                    {row.noteJa && <span className="ref-note">※ {en ? row.noteEn : row.noteJa}</span>}
                  </th>
                  {SPECTRUM_COLUMNS.map((c) => (
                    <td
                      key={c}
                      className={`ref-mark ref-mark--${row.marks[c] === "◎" ? "good" : row.marks[c] === "○" ? "weak" : "no"}`}
                    >
                      {row.marks[c]}
                      {c === "viruses" && row.noteJa ? "※" : ""}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <p className="dilution-note">{t("disinfection.spectrumLegend")}</p>
        <p className="dilution-source">{source("spectrum")}</p>
      </section>

      <section className="disinfection-table" data-testid="objects-table">
        <h2>{t("disinfection.objectsTitle")}</h2>
        <table className="ref-table ref-table--objects">
          <thead>
            <tr>
              <th scope="col">{t("disinfection.object")}</th>
              <th scope="col">{t("disinfection.method")}</th>
            </tr>
          </thead>
          <tbody>
            {OBJECT_TABLE.rows.map((row) => (
              <tr key={row.object.ja}>
                <th scope="row">{en ? row.object.en : row.object.ja}</th>
                <td>
                  <ul>
                    {(en ? row.methodsEn : row.methodsJa).map((m) => (
                      <li key={m}>{m}</li>
                    ))}
                  </ul>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <p className="dilution-source">{source("objects")}</p>
      </section>
    </>
  );
}
