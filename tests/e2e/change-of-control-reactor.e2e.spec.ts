import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { NestFactory } from '@nestjs/core';
import type { INestApplicationContext } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { CouncilCommand } from '#domain';
import { MemoryReadModelStore } from '#projections';
import {
  type Actor,
  CHANGE_OF_CONTROL_REACTOR,
  ChangeOfControlReactor,
  CouncilEventsQuery,
  ExecuteCouncilCommand,
  FixedClock,
  LedgerModule,
  ReactorRunner,
} from '#ledger';
import { postgresTestStore, type TestStore } from '../support/stores.js';
import { TEST_NOW, testConfig } from '../support/test-app.js';

const ADMIN: Actor = { subject: 'admin-1', role: 'admin', patch: [] };
const GSS = 'E08000003';

describe('change-of-control reactor (PostgreSQL)', () => {
  let events: TestStore;
  let ledger: INestApplicationContext;
  const readModels = new MemoryReadModelStore();

  const send = (command: CouncilCommand) =>
    ledger.get(CommandBus).execute(new ExecuteCouncilCommand(command, ADMIN));
  const offers = async () =>
    (await ledger.get(CouncilEventsQuery).page(GSS, 0n, 1000)).events.filter(
      (e) => e.type === 'ChangeOfControlOfferMade',
    );

  /** Runs the reactor until it has caught up with the head, then stops it. */
  async function react(): Promise<void> {
    const stop = new AbortController();
    const runner = new ReactorRunner({
      key: CHANGE_OF_CONTROL_REACTOR,
      reactor: ledger.get(ChangeOfControlReactor),
      eventStore: events.store,
      store: readModels,
      now: () => TEST_NOW,
    });
    const running = runner.run(stop.signal);
    const head = await events.store.headPosition();
    while (((await readModels.checkpoint(CHANGE_OF_CONTROL_REACTOR))?.position ?? 0n) < head) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    stop.abort();
    await running;
  }

  beforeAll(async () => {
    events = await postgresTestStore();
    ledger = await NestFactory.createApplicationContext(
      LedgerModule.forRoot({
        config: testConfig(),
        clock: new FixedClock(TEST_NOW),
        eventStore: events.store,
        readModelStore: readModels,
      }),
      { logger: false },
    );
    await send({
      type: 'RegisterCouncil',
      data: {
        gss: GSS,
        occurredAt: '2016-04-01',
        name: 'Manchester City Council',
        authorityType: 'metropolitan_district',
        region: 'North West',
        validFrom: null,
        validTo: null,
      },
    });
    // The first control on record is a starting point; 2018 has no change-of-control offer in the catalogue.
    await send({
      type: 'ChangePoliticalControl',
      data: { gss: GSS, occurredAt: '2016-05-06', control: 'Labour' },
    });
    await send({
      type: 'ChangePoliticalControl',
      data: { gss: GSS, occurredAt: '2018-05-04', control: 'No overall control' },
    });
    await send({
      type: 'ChangePoliticalControl',
      data: { gss: GSS, occurredAt: '2019-05-03', control: 'Labour' },
    });
    await send({
      type: 'ChangeLeader',
      data: { gss: GSS, occurredAt: '2019-09-01', role: 'leader', leaderId: 'person-17' },
    });
  });
  afterAll(async () => {
    await ledger?.close();
    await events?.teardown();
  });

  it('makes one offer per change in a year that has the offer, dated the day of the change', async () => {
    await react();
    const made = await offers();
    expect(made.map((e) => [e.occurredAt, (e.data as { trigger: string }).trigger])).toEqual([
      ['2019-05-03', 'control'],
      ['2019-09-01', 'leader'],
    ]);
    expect(made.every((e) => e.recordedBy === 'system:change-of-control-reactor')).toBe(true);
  });

  it('makes no second offer when it replays from the start', async () => {
    await readModels.reset(CHANGE_OF_CONTROL_REACTOR);
    await react();
    expect(await offers()).toHaveLength(2);
  });

  it('tells why it does not react', async () => {
    const reactor = ledger.get(ChangeOfControlReactor);
    const stream = await events.store.readStream(`council-${GSS}`);
    const outcomes = await Promise.all(
      stream
        .filter((e) => reactor.handles.has(e.type))
        .map(async (e) => {
          const reaction = await reactor.react(e);
          return 'skip' in reaction ? reaction.skip : 'offer';
        }),
    );
    expect(outcomes).toEqual([
      'no change-of-control offer in 2016',
      'no change-of-control offer in 2018',
      'offer',
      'offer',
    ]);
  });
});
