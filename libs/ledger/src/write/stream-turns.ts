/**
 * Commands to one stream take turns within this process: each is decided on
 * the state its predecessor left, instead of all deciding on the same state
 * and all but one losing the append. Under 64 concurrent writers to one
 * council that turns 63 wasted decisions per write (and 409s once the retries
 * run out) into a queue; the retry loop then only meets writers in other
 * processes. Streams are independent: different councils never wait on each other.
 */
export class StreamTurns {
  private readonly tails = new Map<string, Promise<unknown>>();

  take<T>(stream: string, work: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(stream) ?? Promise.resolve();
    const turn = previous.then(work, work);
    const tail = turn.catch(() => undefined);
    this.tails.set(stream, tail);
    // The last in the queue removes the entry, so idle streams cost nothing.
    void tail.then(() => {
      if (this.tails.get(stream) === tail) this.tails.delete(stream);
    });
    return turn;
  }
}
