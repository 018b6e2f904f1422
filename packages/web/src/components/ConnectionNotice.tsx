import { useSyncExternalStore } from "react";
import { useTranslation } from "react-i18next";
import type { AppUpdate } from "../offline/app-update.ts";
import type { DeviceCopy } from "../offline/device-copy.ts";
import "./settings.css";

function subscribeOnline(listener: () => void): () => void {
  globalThis.addEventListener("online", listener);
  globalThis.addEventListener("offline", listener);
  return () => {
    globalThis.removeEventListener("online", listener);
    globalThis.removeEventListener("offline", listener);
  };
}
const isOnline = () => globalThis.navigator?.onLine ?? true;

const noUpdates = (): (() => void) => () => undefined;
const none = () => false;

interface Props {
  copy: DeviceCopy;
  update?: AppUpdate;
  /** Reads everything again from the server; the whole page by default. */
  onReload?: () => void;
}

/**
 * The bar above every page that says when the tablet is offline, when what it shows is the copy kept on the device
 * (and from when), and when a new version of Mamori is waiting.
 */
export function ConnectionNotice({ copy, update, onReload = () => globalThis.location.reload() }: Props) {
  const { t, i18n } = useTranslation();
  const online = useSyncExternalStore(subscribeOnline, isOnline, () => true);
  const shownSince = useSyncExternalStore(copy.subscribe, copy.shownSince, () => null);
  const updateReady = useSyncExternalStore(update?.subscribe ?? noUpdates, update?.available ?? none, none);

  const at =
    shownSince === null
      ? null
      : new Intl.DateTimeFormat(i18n.language, {
          month: "numeric",
          day: "numeric",
          hour: "2-digit",
          minute: "2-digit",
        }).format(new Date(shownSince));

  return (
    <>
      {!online && (
        <div
          className="connection connection--offline no-print"
          role="status"
          data-testid="connection-notice"
        >
          <p data-testid="offline-notice">
            {t("offline.offline")}
            {at !== null && ` ${t("offline.fromDevice", { at })}`}
          </p>
        </div>
      )}
      {online && at !== null && (
        <div className="connection connection--online no-print" role="status" data-testid="connection-notice">
          <p data-testid="device-copy-notice">{t("offline.fromDevice", { at })}</p>
          <button type="button" className="btn btn-small" data-testid="connection-reload" onClick={onReload}>
            {t("offline.refresh")}
          </button>
        </div>
      )}
      {updateReady && (
        <div className="connection connection--update no-print" role="status" data-testid="update-notice">
          <p>{t("offline.update")}</p>
          <button
            type="button"
            className="btn btn-small btn-primary"
            data-testid="update-install"
            onClick={() => void update?.install()}
          >
            {t("offline.updateNow")}
          </button>
        </div>
      )}
    </>
  );
}
