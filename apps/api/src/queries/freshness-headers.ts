import type { Answer, AsOfAnswer } from '#ledger';

export interface HeaderReply {
  header(name: string, value: string): unknown;
}

/** Every query says which ledger position it reflects, and how far behind the head that is. */
export function withFreshness<T>(reply: HeaderReply, answer: Answer<T>): T {
  reply.header('x-ledger-position', String(answer.freshness.position));
  reply.header('x-ledger-head', String(answer.freshness.head));
  reply.header('x-ledger-lag-seconds', answer.freshness.lagSeconds.toFixed(3));
  return answer.body;
}

/**
 * An answer folded at a cut of the ledger: the position is the cut, which reproduces it
 * (asOf=<that position>); there is no lag, since no read model is involved.
 */
export function withCut<T>(reply: HeaderReply, answer: AsOfAnswer<T>): T {
  reply.header('x-ledger-position', String(answer.position));
  reply.header('x-ledger-head', String(answer.head));
  return answer.body;
}
