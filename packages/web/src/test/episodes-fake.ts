import type { EpisodesApi } from "../api/episodes.ts";

/** The outbreak-episode calls of a fake client: each fails unless the test gives it (see fakeApi in render.tsx). */
export function fakeEpisodesApi(calls: Partial<EpisodesApi> = {}): EpisodesApi {
  const unexpected = (name: string) => () => Promise.reject(new Error(`unexpected call episodes.${name}`));
  const base = {
    list: unexpected("list"),
    get: unexpected("get"),
    open: unexpected("open"),
    addMeasure: unexpected("addMeasure"),
    linkCase: unexpected("linkCase"),
    resolveCase: unexpected("resolveCase"),
    close: unexpected("close"),
    reopen: unexpected("reopen"),
  } satisfies EpisodesApi;
  return { ...base, ...calls };
}
