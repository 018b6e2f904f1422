import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { I18nextProvider } from "react-i18next";
import { App } from "./App.tsx";
import { createApiClient } from "./api/client.ts";
import { i18n } from "./i18n/index.ts";
import { ApiProvider } from "./state/ApiContext.tsx";
import { SessionProvider, UNAUTHENTICATED_EVENT } from "./state/SessionProvider.tsx";
import "./styles.css";

const api = createApiClient({
  onUnauthenticated: () => globalThis.dispatchEvent(new Event(UNAUTHENTICATED_EVENT)),
});

const root = document.getElementById("root");
if (root === null) throw new Error("index.html has no #root");

createRoot(root).render(
  <StrictMode>
    <I18nextProvider i18n={i18n}>
      <ApiProvider client={api}>
        <SessionProvider>
          <App />
        </SessionProvider>
      </ApiProvider>
    </I18nextProvider>
  </StrictMode>,
);
