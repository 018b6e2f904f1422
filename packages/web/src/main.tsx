import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { I18nextProvider } from "react-i18next";
import { App } from "./App.tsx";
import { createApiClient } from "./api/client.ts";
import { ConnectionNotice } from "./components/ConnectionNotice.tsx";
import { i18n } from "./i18n/index.ts";
import { AppUpdate } from "./offline/app-update.ts";
import { DeviceCopy, withDeviceCopy } from "./offline/device-copy.ts";
import { registerServiceWorker } from "./offline/register-service-worker.ts";
import { ApiProvider } from "./state/ApiContext.tsx";
import { SessionProvider, UNAUTHENTICATED_EVENT } from "./state/SessionProvider.tsx";
import "./styles.css";

// The round opens offline: the service worker serves the app shell, the device copy the last round read.
const copy = new DeviceCopy(globalThis.localStorage);
const api = withDeviceCopy(
  createApiClient({
    onUnauthenticated: () => {
      copy.forget();
      globalThis.dispatchEvent(new Event(UNAUTHENTICATED_EVENT));
    },
  }),
  copy,
);
const update = new AppUpdate();
registerServiceWorker(update);

const root = document.getElementById("root");
if (root === null) throw new Error("index.html has no #root");

createRoot(root).render(
  <StrictMode>
    <I18nextProvider i18n={i18n}>
      <ApiProvider client={api}>
        <ConnectionNotice copy={copy} update={update} />
        <SessionProvider>
          <App />
        </SessionProvider>
      </ApiProvider>
    </I18nextProvider>
  </StrictMode>,
);
