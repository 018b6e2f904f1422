/**
 * Whether a PATCH body asks for any change: a field other than the `version` it was read at, with a value. An empty
 * PATCH is refused with a 400 (it would otherwise reach the database as an UPDATE with nothing to set).
 */
export function hasSomethingToChange(body: Record<string, unknown>): boolean {
  return Object.entries(body).some(([key, value]) => key !== "version" && value !== undefined);
}

/** The refinement's message and path, the same for every PATCH. */
export const NOTHING_TO_CHANGE = {
  message: "nothing to change: send at least one field",
  path: [] as string[],
};
