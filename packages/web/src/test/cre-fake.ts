import type { CreApi } from "../api/cre.ts";

/** The CRE calls of a fake client: each fails unless the test gives it (see fakeApi in render.tsx). */
export function fakeCreApi(calls: Partial<CreApi> = {}): CreApi {
  const unexpected = (name: string) => () => Promise.reject(new Error(`unexpected call cre.${name}`));
  const base = {
    cases: unexpected("cases"),
    case: unexpected("case"),
    createCase: unexpected("createCase"),
    updateCase: unexpected("updateCase"),
    recordConsultation: unexpected("recordConsultation"),
    importIsolates: unexpected("importIsolates"),
    availability: unexpected("availability"),
    setAvailability: unexpected("setAvailability"),
  } satisfies CreApi;
  return { ...base, ...calls };
}
