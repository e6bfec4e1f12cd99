/**
 * The steady stream of HTTP commands cluster-failover.fault.spec.ts writes
 * while it kills the active projector: every council gets writes through
 * both API processes, and every second command changes the political control
 * or the leader, each of which the change-of-control reactor answers with
 * exactly one offer.
 */

export interface HttpAnswer {
  readonly status: number;
  readonly headers: Headers;
  readonly body: any; // eslint-disable-line @typescript-eslint/no-explicit-any -- tests read arbitrary JSON
}

export interface ApiClient {
  readonly name: string;
  readonly url: string;
  request(method: string, path: string, token: string, body?: unknown): Promise<HttpAnswer>;
}

export function apiClient(name: string, url: string): ApiClient {
  return {
    name,
    url,
    async request(method, path, token, body) {
      const response = await fetch(`${url}${path}`, {
        method,
        headers: {
          authorization: `Bearer ${token}`,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      const text = await response.text();
      return {
        status: response.status,
        headers: response.headers,
        body: text ? JSON.parse(text) : undefined,
      };
    },
  };
}

/** A control or leader change on the nth day after this lands in FY 2019 or 2020, whose catalogues have the offer. */
const FIRST_TRIGGER_DAY = '2019-04-02';
const LAST_TRIGGER_DAY = '2021-03-31';
/** Interactions are dated in FY 2019, whose catalogue has be-a-councillor. */
const INTERACTIONS_FROM = '2019-04-01';

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

interface Command {
  readonly path: string;
  readonly body: Record<string, unknown>;
}

export class CommandStream {
  /** Commands answered 201, per API. */
  readonly written = new Map<string, number>();
  readonly failures: string[] = [];
  private readonly triggerDays = new Map<string, number>();
  private readonly controls = new Map<string, string>();
  private serial = 0;
  private stopping = false;
  private task: Promise<void> | undefined;

  constructor(
    private readonly apis: readonly ApiClient[],
    private readonly councils: readonly string[],
    private readonly token: string,
    /** Each council's control on record before the stream starts. */
    initialControl: string,
  ) {
    for (const gss of councils) this.controls.set(gss, initialControl);
  }

  get total(): number {
    return [...this.written.values()].reduce((sum, n) => sum + n, 0);
  }

  start(): void {
    this.task ??= this.loop();
  }

  async stop(): Promise<void> {
    this.stopping = true;
    await this.task;
  }

  private async loop(): Promise<void> {
    while (!this.stopping) {
      const n = this.serial++;
      const api = this.apis[n % this.apis.length]!;
      // Two commands in a row for one council, one through each API: each API's cached council state is stale half the time.
      const gss = this.councils[Math.floor(n / this.apis.length) % this.councils.length]!;
      const command = this.next(n, gss);
      try {
        const answer = await api.request('POST', command.path, this.token, command.body);
        if (answer.status === 201)
          this.written.set(api.name, (this.written.get(api.name) ?? 0) + 1);
        else
          this.failures.push(
            `${api.name} ${command.path}: ${answer.status} ${JSON.stringify(answer.body)}`,
          );
      } catch (error) {
        this.failures.push(`${api.name} ${command.path}: ${(error as Error).message}`);
      }
    }
  }

  private next(n: number, gss: string): Command {
    const day = addDays(INTERACTIONS_FROM, n % 360);
    const kind = n % 6;
    if (kind === 0 || kind === 3) {
      const trigger = this.triggerDays.get(gss) ?? 0;
      const date = addDays(FIRST_TRIGGER_DAY, trigger);
      if (date <= LAST_TRIGGER_DAY) {
        this.triggerDays.set(gss, trigger + 1);
        if (kind === 3) {
          return {
            path: `/councils/${gss}/leader`,
            body: { occurredAt: date, role: 'leader', leaderId: `leader-${n}` },
          };
        }
        const control = this.controls.get(gss) === 'Labour' ? 'Conservative' : 'Labour';
        this.controls.set(gss, control);
        return { path: `/councils/${gss}/political-control`, body: { occurredAt: date, control } };
      }
    }
    switch (kind) {
      case 1:
        return {
          path: `/councils/${gss}/offer-deliveries`,
          body: {
            deliveryId: `od-${n}`,
            occurredAt: day,
            offerCode: 'be-a-councillor',
            participants: 1 + (n % 20),
          },
        };
      case 2:
        return {
          path: `/councils/${gss}/risk-signals`,
          body: {
            signalId: `rs-${n}`,
            occurredAt: day,
            kind: 'section_114_notice',
            severity: 'critical',
            evidence: `notice ${n}`,
          },
        };
      case 4:
        return {
          path: `/councils/${gss}/peer-challenges/pc-${n}/delivery`,
          body: {
            occurredAt: day,
            onSiteFrom: addDays(day, -2),
            onSiteTo: day,
            peers: 5,
            kind: 'corporate',
          },
        };
      default:
        return {
          path: `/councils/${gss}/annual-conversations`,
          body: {
            conversationId: `ac-${n}`,
            occurredAt: day,
            adviserId: 'pa-1',
            topics: ['finance'],
            supportAgreed: [],
          },
        };
    }
  }
}

/** Registers each council (alternating APIs) with a first political control, which the reactor ignores. */
export async function registerCouncils(
  apis: readonly ApiClient[],
  token: string,
  councils: readonly Record<string, unknown>[],
  control: string,
): Promise<void> {
  for (const [index, council] of councils.entries()) {
    const api = apis[index % apis.length]!;
    const gss = council['gss'] as string;
    const registered = await api.request('POST', '/councils', token, council);
    // 2018 has no change-of-control offer, and a first control is a starting point anyway.
    const body = { occurredAt: '2018-05-04', control };
    const controlled = await api.request('POST', `/councils/${gss}/political-control`, token, body);
    if (registered.status !== 201 || controlled.status !== 201)
      throw new Error(`registering ${gss}: ${registered.status}, ${controlled.status}`);
  }
}
