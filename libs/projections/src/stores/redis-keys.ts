import type { ProjectionKey } from '../read-model-store.js';

export interface VersionKeys {
  /** Hash: document id -> JSON. */
  readonly docs: string;
  /** Hash: position (decimal string), updatedAt. */
  readonly checkpoint: string;
  /** Counter: the last commit sequence. */
  readonly sequence: string;
  /** Sorted set: document id scored by the sequence that last changed it. */
  readonly changes: string;
  /** String "token owner" with a TTL. */
  readonly lease: string;
  /** Counter: the last fencing token issued. */
  readonly fence: string;
}

/**
 * Key layout. The projection name is the hash tag (`{name}`), so every key a
 * script touches for one projection lands in one Redis Cluster slot.
 */
export class RedisKeys {
  constructor(private readonly prefix: string) {}

  version(projection: ProjectionKey): VersionKeys {
    const base = `${this.prefix}{${projection.name}}:v${projection.version}:`;
    return {
      docs: `${base}docs`,
      checkpoint: `${base}checkpoint`,
      sequence: `${base}sequence`,
      changes: `${base}changes`,
      lease: `${base}lease`,
      fence: `${base}fence`,
    };
  }

  /** String: the version queries read. */
  live(name: string): string {
    return `${this.prefix}{${name}}:live`;
  }

  /** Hash: event id -> DeadLetter JSON. */
  deadLetters(name: string): string {
    return `${this.prefix}{${name}}:dead-letters`;
  }

  /** Set of projection names that have parked events: an index for listing them all. */
  deadLetterNames(): string {
    return `${this.prefix}dead-letter-names`;
  }
}
