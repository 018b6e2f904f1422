import { PERSON_KINDS, STAFF_JOBS, TEMPERATURE_RANGE_C } from "@mamori/domain/surveillance";
import { z } from "zod";
import { hasSomethingToChange, NOTHING_TO_CHANGE } from "../patch/patch.ts";

/** A usual temperature: plausible for a healthy body, one decimal as thermometers show. */
export const baselineTempC = z.number().min(34).max(38).multipleOf(0.1);

const personFields = {
  name: z.string().trim().min(1).max(100),
  nameKana: z.string().trim().max(100).nullable(),
  kind: z.enum(PERSON_KINDS),
  job: z.enum(STAFF_JOBS).nullable(),
  unitId: z.uuid().nullable(),
  roomId: z.uuid().nullable(),
  baselineTempC: baselineTempC.nullable(),
  /** Optional; checked against the facility's today by the routes (not in the future). */
  birthDate: z.iso.date({ error: "expected a day as YYYY-MM-DD" }).nullable(),
};

export const personCreateBody = z.object({
  ...personFields,
  nameKana: personFields.nameKana.optional(),
  job: personFields.job.optional(),
  unitId: personFields.unitId.optional(),
  roomId: personFields.roomId.optional(),
  baselineTempC: personFields.baselineTempC.optional(),
  birthDate: personFields.birthDate.optional(),
});
export type PersonCreate = z.infer<typeof personCreateBody>;

export const personPatchBody = z
  .object({ ...personFields, active: z.boolean() })
  .partial()
  .refine(hasSomethingToChange, NOTHING_TO_CHANGE);
export type PersonPatch = z.infer<typeof personPatchBody>;

export const personParams = z.object({ id: z.uuid() });

export const personResponse = z.object({
  id: z.string(),
  name: z.string(),
  nameKana: z.string().nullable(),
  kind: z.enum(PERSON_KINDS),
  job: z.enum(STAFF_JOBS).nullable(),
  unit: z.string().nullable(),
  unitId: z.string().nullable(),
  room: z.string().nullable(),
  roomId: z.string().nullable(),
  baselineTempC: z.number().nullable(),
  birthDate: z.string().nullable(),
  active: z.boolean(),
});

export type Person = z.infer<typeof personResponse>;
export const peopleResponse = z.object({ people: z.array(personResponse) });
/** One person as registered or changed. */
export const savedPersonResponse = z.object({ person: personResponse });
/** What the setup pages send to add a person (`POST /api/people`). */
export type PersonInput = z.input<typeof personCreateBody>;

export const importResponse = z.object({ imported: z.number() });
export type PeopleImportResult = z.infer<typeof importResponse>;

export { TEMPERATURE_RANGE_C };
