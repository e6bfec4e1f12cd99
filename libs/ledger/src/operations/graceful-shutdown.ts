export interface Closable {
  close(): Promise<void>;
}

export interface GracefulShutdownOptions {
  /** After this long the process exits (status 1) even if closing has not finished. */
  readonly timeoutMs: number;
  readonly log: {
    log(message: string): void;
    error(message: string): void;
  };
  readonly signals?: readonly NodeJS.Signals[];
  /** The tests' stand-ins for the process; default the real one. */
  readonly exit?: (code: number) => void;
  readonly on?: (signal: NodeJS.Signals, listener: (signal: NodeJS.Signals) => void) => void;
}

/**
 * On SIGTERM (or SIGINT) closes the application once: Nest answers new
 * requests 503 at once, waits for those in flight, stops the projections
 * after committing their current batches, then closes the stores. Exits 0
 * when that is done, 1 if it failed or took longer than the timeout.
 *
 * Used instead of Nest's enableShutdownHooks, which re-raises the signal
 * after closing, so an orderly stop would look like a kill (status 143).
 */
export function exitGracefullyOnSignals(app: Closable, options: GracefulShutdownOptions): void {
  const exit = options.exit ?? ((code: number) => process.exit(code));
  const on = options.on ?? ((signal, listener) => process.on(signal, listener));
  let closing = false;
  const shutDown = (signal: NodeJS.Signals): void => {
    if (closing) return;
    closing = true;
    options.log.log(
      `${signal}: finishing in-flight work, then exiting (at most ${options.timeoutMs} ms)`,
    );
    const deadline = setTimeout(() => {
      options.log.error(`shutdown took longer than ${options.timeoutMs} ms; exiting anyway`);
      exit(1);
    }, options.timeoutMs);
    app.close().then(
      () => {
        clearTimeout(deadline);
        options.log.log('shut down cleanly');
        exit(0);
      },
      (error: unknown) => {
        clearTimeout(deadline);
        options.log.error(
          `shutdown failed: ${error instanceof Error ? error.message : String(error)}`,
        );
        exit(1);
      },
    );
  };
  for (const signal of options.signals ?? ['SIGTERM', 'SIGINT']) on(signal, shutDown);
}
