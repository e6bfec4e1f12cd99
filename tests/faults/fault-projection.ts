import type { ProjectedDocument, Projection } from '#projections';

/** Per stream and bucket: how many events and the sum of their amounts, so a double count shows. */
export interface Tally extends ProjectedDocument {
  readonly count: number;
  readonly sum: number;
}

interface Tallied {
  readonly bucket: number;
  readonly amount: number;
}

export const tally: Projection<Tally> = {
  name: 'fault-tally',
  version: 1,
  handles: new Set(['Tallied']),
  documentId: (event) => `${event.streamName}#${(event.data as Tallied).bucket}`,
  evolve: (doc, event) => ({
    lastPosition: event.position.toString(),
    count: (doc?.count ?? 0) + 1,
    sum: (doc?.sum ?? 0) + (event.data as Tallied).amount,
  }),
};
