import type { RecordedEvent } from '#event-store';
import type { ProjectedEvent } from '../projection.js';

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

/** What a projection sees of a recorded event: who and when come from the metadata the API wrote. */
export function toProjectedEvent(event: RecordedEvent): ProjectedEvent {
  return {
    type: event.type,
    data: event.data,
    eventId: event.id,
    streamName: event.streamName,
    position: event.position,
    recordedAt: text(event.metadata['recordedAt']),
    recordedBy: text(event.metadata['recordedBy']),
  };
}
