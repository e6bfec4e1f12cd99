import {
  type CallHandler,
  type ExecutionContext,
  Injectable,
  type NestInterceptor,
} from '@nestjs/common';
import { type Observable, from, mergeMap } from 'rxjs';
import { PeopleDirectory } from '#ledger';

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Adds `people` (id → name, erased or unknown) to a query answer that names people by id.
 * Names are looked up when answering, never stored in read models or snapshots, so an
 * erasure shows at once everywhere and changes no stored document.
 */
@Injectable()
export class PeopleNamesInterceptor implements NestInterceptor {
  constructor(private readonly directory: PeopleDirectory) {}

  intercept(_context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next.handle().pipe(
      mergeMap((body: unknown) =>
        from(
          (async () => {
            if (!isPlainObject(body) || 'people' in body) return body;
            const people = await this.directory.namesIn(body);
            return Object.keys(people).length === 0 ? body : { ...body, people };
          })(),
        ),
      ),
    );
  }
}
