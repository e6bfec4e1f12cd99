/**
 * The event fields that name a person, by opaque id. A new command naming a person adds
 * its field here, so every answer that shows it resolves it (and the e2e scan knows it).
 */
export const PERSON_ID_FIELDS = ['adviserId', 'menteeId', 'leaderId', 'expertId'] as const;

const PERSON_ID_FIELD_SET: ReadonlySet<string> = new Set(PERSON_ID_FIELDS);

/** Every person id in a JSON value, at any depth (corrections nest them), sorted, once each. */
export function personIdsIn(value: unknown): string[] {
  const found = new Set<string>();
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) {
      node.forEach(visit);
      return;
    }
    if (typeof node !== 'object' || node === null) return;
    for (const [key, child] of Object.entries(node)) {
      if (PERSON_ID_FIELD_SET.has(key) && typeof child === 'string') found.add(child);
      else visit(child);
    }
  };
  visit(value);
  return [...found].sort();
}
