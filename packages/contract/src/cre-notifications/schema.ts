import { z } from "zod";

const uuid = z.uuid({ error: "expected a UUID made by the client" });

export const sendBody = z.strictObject({ id: uuid, caseId: uuid });
export const idParams = z.strictObject({ id: uuid });
export const caseParams = z.strictObject({ caseId: uuid });
