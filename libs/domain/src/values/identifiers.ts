const GSS_CODE = /^E\d{8}$/;
const ENTITY_ID = /^[A-Za-z0-9._:-]{1,100}$/;

/** An English ONS/GSS code, the natural key of a council. */
export function isGssCode(value: unknown): value is string {
  return typeof value === 'string' && GSS_CODE.test(value);
}

/** One stream per council, so every invariant of a council is checked against one revision. */
export function councilStreamName(gss: string): string {
  return `council-${gss}`;
}

/**
 * Engagement ids and people are opaque caller-chosen ids: no names ever enter an event,
 * so erasing a person's name elsewhere never breaks the ledger.
 */
export function isEntityId(value: unknown): value is string {
  return typeof value === 'string' && ENTITY_ID.test(value);
}

export const ENTITY_ID_PATTERN = ENTITY_ID.source;
export const GSS_CODE_PATTERN = GSS_CODE.source;
