import { PREFECTURES } from "@mamori/domain/input";
import { type FormEvent, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import "../components/settings.css";
import {
  FACILITY_TYPES,
  type FacilityPatch,
  type FacilityType,
  type Overseer,
  type Overseers,
} from "../api/account-types.ts";
import type { Facility } from "../api/types.ts";
import { ErrorNotice } from "../components/ErrorNotice.tsx";
import { describedBy, FieldMessage, FormProblem } from "../components/FieldMessage.tsx";
import { SetupNav } from "../components/SetupNav.tsx";
import { canManageFacility } from "../lib/roles.ts";
import { isOfferedTimeZone, isTimeZone, OFFERED_TIME_ZONES } from "../lib/time-zones.ts";
import { useApi } from "../state/ApiContext.tsx";
import { useFacility } from "../state/FacilityProvider.tsx";
import { useUser } from "../state/SessionProvider.tsx";

const OTHER_ZONE = "other";
const FIELD_PATHS = ["name", "type", "timeZone", "healthCentreId", "municipalityId", "prefecture"] as const;

const asFacilityType = (type: string): FacilityType | null =>
  (FACILITY_TYPES as readonly string[]).includes(type) ? (type as FacilityType) : null;

/**
 * The facility itself: name, type, time zone, and the health centre and municipality it reports to. The director and
 * the administrator change them (`PATCH /api/facility`); everyone else of the facility reads them.
 */
export function FacilitySetupPage() {
  const { t } = useTranslation();
  const user = useUser();
  const { facility, error, reload } = useFacility();
  const editable = canManageFacility(user);

  return (
    <div className="setup">
      <h1>{t("setup.title")}</h1>
      <SetupNav />
      <p className="muted">{t("facilitySettings.lead")}</p>
      <ErrorNotice error={error} onRetry={() => void reload()} />
      {facility === null && !error && <p className="muted">{t("app.loading")}</p>}
      {facility !== null &&
        (editable ? (
          <FacilityForm key={facility.id} facility={facility} onSaved={reload} />
        ) : (
          <FacilityFacts facility={facility} />
        ))}
    </div>
  );
}

function FacilityFacts({ facility }: { facility: Facility }) {
  const { t } = useTranslation();
  const type = asFacilityType(facility.type);
  return (
    <>
      <p className="notice">{t("facilitySettings.readOnly")}</p>
      <dl className="facts" data-testid="facility-facts">
        <dt>{t("facilitySettings.name")}</dt>
        <dd>{facility.name}</dd>
        <dt>{t("facilitySettings.type")}</dt>
        <dd>{type ? t(`facilitySettings.types.${type}`) : facility.type}</dd>
        <dt>{t("facilitySettings.timeZone")}</dt>
        <dd>
          {isOfferedTimeZone(facility.timeZone)
            ? t(`facilitySettings.zones.${facility.timeZone}`)
            : facility.timeZone}
        </dd>
        <dt>{t("facilitySettings.healthCentre")}</dt>
        <dd>{facility.healthCentre?.name ?? t("facilitySettings.notSet")}</dd>
        <dt>{t("facilitySettings.municipality")}</dt>
        <dd>{facility.municipality?.name ?? t("facilitySettings.notSet")}</dd>
        <dt>{t("facilitySettings.prefecture")}</dt>
        <dd>{facility.prefecture ?? t("facilitySettings.notSet")}</dd>
      </dl>
    </>
  );
}

/** The choices of one overseer select: the list from the server, and the current one even if the list failed. */
function overseerChoices(list: Overseer[] | undefined, current: Overseer | null): Overseer[] {
  const all = list ?? [];
  return current && !all.some((o) => o.id === current.id) ? [current, ...all] : all;
}

function FacilityForm({ facility, onSaved }: { facility: Facility; onSaved: () => Promise<void> }) {
  const { t } = useTranslation();
  const api = useApi();
  const [name, setName] = useState(facility.name);
  const [type, setType] = useState<FacilityType>(asFacilityType(facility.type) ?? "elderly_care");
  const [zoneChoice, setZoneChoice] = useState<string>(
    isOfferedTimeZone(facility.timeZone) ? facility.timeZone : OTHER_ZONE,
  );
  const [customZone, setCustomZone] = useState(isOfferedTimeZone(facility.timeZone) ? "" : facility.timeZone);
  const [healthCentreId, setHealthCentreId] = useState(facility.healthCentre?.id ?? "");
  const [municipalityId, setMunicipalityId] = useState(facility.municipality?.id ?? "");
  const [prefecture, setPrefecture] = useState(facility.prefecture ?? "");
  const [overseers, setOverseers] = useState<Overseers | null>(null);
  const [overseersError, setOverseersError] = useState<unknown>(null);
  const [checked, setChecked] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [outcome, setOutcome] = useState<"saved" | "unchanged" | null>(null);

  useEffect(() => {
    let cancelled = false;
    api.overseers().then(
      (list) => {
        if (!cancelled) setOverseers(list);
      },
      (e: unknown) => {
        if (!cancelled) setOverseersError(e);
      },
    );
    return () => {
      cancelled = true;
    };
  }, [api]);

  const timeZone = zoneChoice === OTHER_ZONE ? customZone.trim() : zoneChoice;
  const nameProblem = checked && name.trim() === "" ? t("facilitySettings.nameRequired") : null;
  const zoneProblem = checked && !isTimeZone(timeZone) ? t("facilitySettings.timeZoneInvalid") : null;

  // Only what changed goes to the server, so the audit log shows what this save did.
  const changes = (): FacilityPatch => {
    const patch: FacilityPatch = {};
    if (name.trim() !== facility.name) patch.name = name.trim();
    if (type !== facility.type) patch.type = type;
    if (timeZone !== facility.timeZone) patch.timeZone = timeZone;
    if (healthCentreId !== "" && healthCentreId !== facility.healthCentre?.id)
      patch.healthCentreId = healthCentreId;
    if (municipalityId !== "" && municipalityId !== facility.municipality?.id)
      patch.municipalityId = municipalityId;
    if (prefecture !== (facility.prefecture ?? ""))
      patch.prefecture = (prefecture || null) as FacilityPatch["prefecture"]; // one of the listed prefectures
    return patch;
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setChecked(true);
    setOutcome(null);
    if (name.trim() === "" || !isTimeZone(timeZone)) return;
    const patch = changes();
    if (Object.keys(patch).length === 0) {
      setOutcome("unchanged");
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await api.updateFacility(patch);
      setOutcome("saved");
      await onSaved();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  const healthCentres = overseerChoices(overseers?.healthCentres, facility.healthCentre);
  const municipalities = overseerChoices(overseers?.municipalities, facility.municipality);

  return (
    <form className="settings-form" onSubmit={submit} noValidate data-testid="facility-form">
      <label className="field">
        <span className="field-label">{t("facilitySettings.name")}</span>
        <input
          data-testid="facility-name"
          maxLength={200}
          value={name}
          aria-invalid={nameProblem !== null}
          aria-describedby={describedBy(error, "name", nameProblem)}
          onChange={(e) => setName(e.target.value)}
        />
        <FieldMessage error={error} path="name" local={nameProblem} />
      </label>

      <label className="field">
        <span className="field-label">{t("facilitySettings.type")}</span>
        <select
          data-testid="facility-type"
          value={type}
          onChange={(e) => setType(e.target.value as FacilityType)}
        >
          {FACILITY_TYPES.map((ft) => (
            <option key={ft} value={ft}>
              {t(`facilitySettings.types.${ft}`)}
            </option>
          ))}
        </select>
        <span className="hint">{t("facilitySettings.typeHint")}</span>
        <FieldMessage error={error} path="type" />
      </label>

      <div className="field">
        <label className="field-label" htmlFor="facility-time-zone">
          {t("facilitySettings.timeZone")}
        </label>
        <select
          id="facility-time-zone"
          data-testid="facility-time-zone"
          value={zoneChoice}
          onChange={(e) => setZoneChoice(e.target.value)}
        >
          {OFFERED_TIME_ZONES.map((tz) => (
            <option key={tz} value={tz}>
              {t(`facilitySettings.zones.${tz}`)}
            </option>
          ))}
          <option value={OTHER_ZONE}>{t("facilitySettings.timeZoneOther")}</option>
        </select>
        {zoneChoice === OTHER_ZONE && (
          <input
            data-testid="facility-time-zone-custom"
            aria-label={t("facilitySettings.timeZoneCustom")}
            placeholder="Europe/Berlin"
            autoCapitalize="off"
            autoCorrect="off"
            spellCheck={false}
            value={customZone}
            aria-invalid={zoneProblem !== null}
            aria-describedby={describedBy(error, "timeZone", zoneProblem)}
            onChange={(e) => setCustomZone(e.target.value)}
          />
        )}
        <span className="hint">{t("facilitySettings.timeZoneHint")}</span>
        <FieldMessage error={error} path="timeZone" local={zoneProblem} />
      </div>

      <label className="field">
        <span className="field-label">{t("facilitySettings.healthCentre")}</span>
        <select
          data-testid="facility-health-centre"
          value={healthCentreId}
          disabled={overseers === null}
          aria-describedby={describedBy(error, "healthCentreId")}
          onChange={(e) => setHealthCentreId(e.target.value)}
        >
          {healthCentreId === "" && <option value="">{t("facilitySettings.choose")}</option>}
          {healthCentres.map((o) => (
            <option key={o.id} value={o.id}>
              {o.name}
            </option>
          ))}
        </select>
        <FieldMessage error={error} path="healthCentreId" />
      </label>

      <label className="field">
        <span className="field-label">{t("facilitySettings.municipality")}</span>
        <select
          data-testid="facility-municipality"
          value={municipalityId}
          disabled={overseers === null}
          aria-describedby={describedBy(error, "municipalityId")}
          onChange={(e) => setMunicipalityId(e.target.value)}
        >
          {municipalityId === "" && <option value="">{t("facilitySettings.choose")}</option>}
          {municipalities.map((o) => (
            <option key={o.id} value={o.id}>
              {o.name}
            </option>
          ))}
        </select>
        <FieldMessage error={error} path="municipalityId" />
      </label>

      <label className="field">
        <span className="field-label">{t("facilitySettings.prefecture")}</span>
        <select
          data-testid="facility-prefecture"
          value={prefecture}
          aria-describedby={describedBy(error, "prefecture")}
          onChange={(e) => setPrefecture(e.target.value)}
        >
          <option value="">{t("facilitySettings.notSet")}</option>
          {PREFECTURES.map((p) => (
            <option key={p} value={p}>
              {p}
            </option>
          ))}
        </select>
        <span className="hint">{t("facilitySettings.prefectureHint")}</span>
        <FieldMessage error={error} path="prefecture" />
      </label>

      <div className="form-wide">
        <ErrorNotice error={overseersError} />
        <FormProblem error={error} shownPaths={FIELD_PATHS} />
        {outcome === "saved" && (
          <p className="notice notice--ok" role="status" data-testid="facility-saved">
            {t("facilitySettings.saved")}
          </p>
        )}
        {outcome === "unchanged" && (
          <p className="notice" role="status" data-testid="facility-unchanged">
            {t("facilitySettings.noChange")}
          </p>
        )}
      </div>
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" data-testid="facility-save" disabled={busy}>
          {busy ? t("facilitySettings.saving") : t("facilitySettings.save")}
        </button>
      </div>
    </form>
  );
}
