import type { RecordedEvent } from '#event-store';
import type { ProjectedDocument } from '../projection.js';
import type { FoldSession } from './fold-session.js';
import type { PageReader } from './shared-pages.js';

export interface CatchUpSettings<Doc extends ProjectedDocument> {
  readonly read: PageReader;
  readonly session: FoldSession<Doc>;
  readonly maxBatchEvents: number;
  readonly signal: AbortSignal;
  /** Commits what the session holds; the runner's own flush, with its bookkeeping. */
  readonly flush: () => Promise<void>;
  readonly onPage?: () => void;
}

/** Large enough that a page's round trip is small beside its fold; the adapters cap it. */
export const CATCH_UP_PAGE = 5_000;

/**
 * Far behind the head (a rebuild, a standby taking over), the runner reads
 * pages itself rather than through the subscription: the next page is fetched
 * while this one folds, events fold synchronously, and a commit runs while the
 * following events fold (at most one at a time). The per-event async iterator
 * and idle timer of the live path cost more than most folds. Returns once a page
 * comes back short, that is at the head; the subscription takes over from there.
 */
export async function catchUp<Doc extends ProjectedDocument>(
  settings: CatchUpSettings<Doc>,
): Promise<void> {
  const { session, signal } = settings;
  const read = (after: bigint): Promise<RecordedEvent[]> => settings.read(after, CATCH_UP_PAGE);
  let next: Promise<RecordedEvent[]> | undefined = read(session.position);
  let committing: Promise<void> | undefined;
  let sinceCommit = session.pendingEvents;
  try {
    while (next !== undefined && !signal.aborted) {
      const page: RecordedEvent[] = await next;
      const last = page[page.length - 1];
      next = page.length === CATCH_UP_PAGE && last !== undefined ? read(last.position) : undefined;
      for (const event of page) {
        const retrying = session.apply(event);
        if (retrying !== undefined) await retrying;
        if (signal.aborted) return;
        // Counted here, not from the session: its count only drops once a commit lands.
        sinceCommit += 1;
        if (sinceCommit >= settings.maxBatchEvents) {
          await committing;
          committing = settings.flush();
          sinceCommit = 0;
        }
      }
      settings.onPage?.();
    }
  } finally {
    // A prefetch left behind when stopping must not surface as an unhandled rejection.
    next?.catch(() => undefined);
    await committing;
  }
}
