import { AsyncLocalStorage } from 'node:async_hooks';

/** What the handling of one HTTP request learns that its log line and headers should carry. */
export interface RequestContext {
  /** The correlation id of the events the request's command wrote (or would have). */
  correlationId?: string;
}

const storage = new AsyncLocalStorage<RequestContext>();

/** Runs `work` (and everything it awaits) with `context` as the current request's. */
export function runInRequestContext<T>(context: RequestContext, work: () => T): T {
  return storage.run(context, work);
}

/**
 * The command handler makes the correlation id deep below the controller;
 * this hands it up to the request without threading it through every layer.
 * The first one wins: a request's events share one correlation id.
 */
export function noteCorrelationId(correlationId: string): void {
  const context = storage.getStore();
  if (context !== undefined) context.correlationId ??= correlationId;
}
