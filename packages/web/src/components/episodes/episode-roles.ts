import type { Role } from "../../api/types.ts";

// Who may do what with outbreak episodes on screen; the server decides again (roles.ts: recordEpisodes, closeEpisodes).

const RECORDERS: readonly Role[] = ["nurse", "ic_lead", "director", "physician"];
const CLOSERS: readonly Role[] = ["ic_lead", "director"];

/** May open an episode, link its cases and record measures. */
export const canRecordEpisodes = (role: Role): boolean => RECORDERS.includes(role);
/** May close an episode with the committee's decision, and reopen it. */
export const canCloseEpisodes = (role: Role): boolean => CLOSERS.includes(role);
