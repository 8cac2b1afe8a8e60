/**
 * SOP limits as plain values, without zod: the panel's SOP section needs the number, and importing it from
 * the schema module put zod's classic API and the API schemas into every panel script (about 100 kB).
 */

/** One article body, in characters; a longer one is refused with 400 naming the language's field. */
export const MAX_SOP_BODY = 20_000;
