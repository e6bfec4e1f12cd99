import {
  type CallHandler,
  type ExecutionContext,
  Injectable,
  type NestInterceptor,
} from '@nestjs/common';
import type { IncomingMessage } from 'node:http';
import { Observable, tap } from 'rxjs';
import { type RequestContext, runInRequestContext } from '#ledger';

/** The correlation id a request's command wrote, by raw request, for its log line. */
export const correlationIds = new WeakMap<IncomingMessage, string>();

interface FastifyPair {
  readonly request: { readonly raw: IncomingMessage };
  readonly reply: { header(name: string, value: string): unknown };
}

/**
 * Runs each handler in a request context, so the command handler can hand
 * back the correlation id it gave the events; the reply carries it as
 * X-Correlation-Id and the request's log line as correlationId.
 */
@Injectable()
export class CorrelationInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const http = context.switchToHttp();
    const pair: FastifyPair = { request: http.getRequest(), reply: http.getResponse() };
    const state: RequestContext = {};
    const expose = (): void => {
      if (state.correlationId === undefined) return;
      correlationIds.set(pair.request.raw, state.correlationId);
      pair.reply.header('x-correlation-id', state.correlationId);
    };
    return new Observable((subscriber) =>
      runInRequestContext(state, () =>
        next
          .handle()
          .pipe(tap({ next: expose, error: expose }))
          .subscribe(subscriber),
      ),
    );
  }
}
