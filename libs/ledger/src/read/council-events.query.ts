import { Inject, Injectable } from '@nestjs/common';
import { type EventStore, StreamNotFound, positionToString } from '#event-store';
import { councilStreamName } from '#domain';
import { EVENT_STORE } from '../tokens.js';
import { ResourceNotFound } from '../errors.js';
import { CouncilRepository } from '../write/council-repository.js';
import { type PeopleNames, PeopleDirectory } from '../people/people-directory.js';

export interface CouncilEventView {
  readonly eventId: string;
  readonly type: string;
  readonly revision: string;
  readonly position: string;
  readonly occurredAt: string | undefined;
  readonly recordedAt: string | undefined;
  readonly recordedBy: string | undefined;
  readonly schemaVersion: number | undefined;
  readonly correlationId: string | undefined;
  readonly causationId: string | undefined;
  readonly data: unknown;
}

export interface CouncilEventsPage {
  readonly gss: string;
  /** The stream's current revision; the ETag. */
  readonly revision: string;
  readonly events: readonly CouncilEventView[];
  /** Revision to ask for next, when there may be more. */
  readonly nextFromRevision: string | undefined;
  /** Display name (or erased / unknown) of each person the page's events name by id. */
  readonly people: PeopleNames;
}

const text = (value: unknown): string | undefined =>
  typeof value === 'string' ? value : undefined;

/** A council's stream as it was recorded: the audit view behind every number. */
@Injectable()
export class CouncilEventsQuery {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly councils: CouncilRepository,
    private readonly directory: PeopleDirectory,
  ) {}

  async page(gss: string, fromRevision: bigint, limit: number): Promise<CouncilEventsPage> {
    const streamName = councilStreamName(gss);
    try {
      const events = await this.store.readStream(streamName, { fromRevision, maxCount: limit + 1 });
      const shown = events.slice(0, limit);
      const last = shown.at(-1);
      // The ETag is the stream's revision now, whatever page was asked for, so it works as If-Match.
      const { revision } = await this.councils.load(streamName);
      return {
        gss,
        revision: String(revision ?? -1n),
        events: shown.map((e) => ({
          eventId: e.id,
          type: e.type,
          revision: String(e.revision),
          position: positionToString(e.position),
          occurredAt: text((e.data as Record<string, unknown> | null)?.['occurredAt']),
          recordedAt: text(e.metadata['recordedAt']),
          recordedBy: text(e.metadata['recordedBy']),
          schemaVersion:
            typeof e.metadata['schemaVersion'] === 'number'
              ? e.metadata['schemaVersion']
              : undefined,
          correlationId: text(e.metadata['correlationId']),
          causationId: text(e.metadata['causationId']),
          data: e.data,
        })),
        nextFromRevision: events.length > limit && last ? String(last.revision + 1n) : undefined,
        people: await this.directory.namesIn(shown.map((e) => e.data)),
      };
    } catch (error) {
      if (error instanceof StreamNotFound)
        throw new ResourceNotFound(`council ${gss} is not registered`);
      throw error;
    }
  }
}
