export const ROLES = ['adviser', 'manager', 'board', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** Who is calling, from a verified token; never from a request body. */
export interface Actor {
  readonly subject: string;
  readonly role: Role;
  /** For advisers: regions and/or GSS codes they may write for. */
  readonly patch: readonly string[];
}

export const isRole = (value: unknown): value is Role =>
  typeof value === 'string' && (ROLES as readonly string[]).includes(value);

/** An adviser writes only for councils in their patch (named by region or by GSS code). */
export function patchCovers(
  actor: Actor,
  council: { gss: string; region: string | undefined },
): boolean {
  if (actor.role === 'admin') return true;
  if (actor.role !== 'adviser') return false;
  return actor.patch.some((entry) => entry === council.gss || entry === council.region);
}
