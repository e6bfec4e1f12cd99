import { describe, expect, it } from '@jest/globals';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { type FieldError, fieldErrors } from '../http/validation.js';
import { ChangeLgaMembershipDto } from './change-lga-membership/change-lga-membership.dto.js';
import { CorrectEventDto } from './correct-event/correct-event.dto.js';
import { DeliverPeerChallengeDto } from './deliver-peer-challenge/deliver-peer-challenge.dto.js';
import { RegisterCouncilDto } from './register-council/register-council.dto.js';
import {
  type Body,
  type Case,
  type CommandDto,
  COUNCIL_CASES,
  GSS,
  ID,
  on,
} from './dto-validation.cases.js';
import { SUPPORT_CASES } from './dto-validation.support-cases.js';

// The options of ledgerValidationPipe(): unknown fields are refused, not dropped.
const OPTIONS = { whitelist: true, forbidNonWhitelisted: true, forbidUnknownValues: true };
const CASES: readonly Case[] = [...COUNCIL_CASES, ...SUPPORT_CASES];

async function check(
  Dto: Case['Dto'],
  body: Body,
): Promise<{ dto: CommandDto; errors: FieldError[] }> {
  const dto = plainToInstance(Dto, body);
  return { dto, errors: fieldErrors(await validate(dto, OPTIONS)) };
}

/** The error must be about this field, and its message must say so to the client. */
function expectErrorOn(errors: readonly FieldError[], field: string): void {
  expect(errors.map((e) => e.field)).toContain(field);
  expect(errors.filter((e) => e.field === field).every((e) => e.reason.includes(field))).toBe(true);
}

function argsOf(c: Case): string[] {
  if (c.type === 'RegisterCouncil') return [];
  return c.pathId ? [GSS, ID] : [GSS];
}

describe.each(CASES.map((c) => [c.Dto.name, c] as const))('%s', (_name, c) => {
  it('accepts a valid body and builds the domain command from it', async () => {
    const { dto, errors } = await check(c.Dto, c.body);
    expect(errors).toEqual([]);
    const gss = c.type === 'RegisterCouncil' ? {} : { gss: GSS };
    const pathId = c.pathId ? { [c.pathId]: ID } : {};
    expect(dto.toCommand(...argsOf(c))).toEqual({
      type: c.type,
      data: { ...gss, ...pathId, ...c.body },
    });
  });

  it.each(Object.keys(c.body).filter((f) => !c.optional?.includes(f)))(
    'requires %s',
    async (field) => {
      const { [field]: _left, ...rest } = c.body;
      expectErrorOn((await check(c.Dto, rest)).errors, field);
    },
  );

  it.each(Object.keys(c.body))('refuses %s of the wrong type', async (field) => {
    expectErrorOn((await check(c.Dto, { ...c.body, [field]: true })).errors, field);
  });

  it.each(
    c.bad.map(([field, value]) => [field, JSON.stringify(value)?.slice(0, 40), value] as const),
  )('refuses %s = %s', async (field, _shown, value) => {
    expectErrorOn((await check(c.Dto, { ...c.body, [field]: value })).errors, field);
  });

  it('refuses an unknown extra field', async () => {
    expectErrorOn(
      (await check(c.Dto, { ...c.body, adviserName: 'Jane Smith' })).errors,
      'adviserName',
    );
  });
});

describe('optional and nullable fields', () => {
  it('leaves kind and service out of a delivery of a requested challenge', async () => {
    const body = { occurredAt: on, onSiteFrom: '2019-10-07', onSiteTo: '2019-10-10', peers: 4 };
    const { dto, errors } = await check(DeliverPeerChallengeDto, body);
    expect(errors).toEqual([]);
    expect(dto.toCommand(GSS, ID)).toEqual({
      type: 'DeliverPeerChallenge',
      data: { gss: GSS, peerChallengeId: ID, ...body },
    });
    expect(Object.keys(dto.toCommand(GSS, ID).data)).not.toContain('kind');
  });

  it('accepts a council with an unknown start and no end, but requires both keys', async () => {
    const body = {
      gss: GSS,
      occurredAt: on,
      name: 'Dorset',
      authorityType: 'unitary',
      region: 'South West',
    };
    expect(
      (await check(RegisterCouncilDto, { ...body, validFrom: null, validTo: null })).errors,
    ).toEqual([]);
    expectErrorOn(
      (await check(RegisterCouncilDto, { ...body, validFrom: null })).errors,
      'validTo',
    );
  });

  it('lists the allowed values when an enum is wrong', async () => {
    const { errors } = await check(ChangeLgaMembershipDto, { occurredAt: on, membership: 'maybe' });
    expect(errors).toEqual([
      { field: 'membership', reason: 'membership must be one of: member, non_member' },
    ]);
  });

  it('copies the correction into the command rather than sharing the request object', async () => {
    const correction = { occurredAt: '2019-06-13' };
    const { dto } = await check(CorrectEventDto, { occurredAt: on, reason: 'typo', correction });
    const command = dto.toCommand(GSS, '3b241101-e2bb-4255-8caf-4136c566a962');
    expect(command.data).toEqual(expect.objectContaining({ correction }));
    expect(command.type === 'CorrectEvent' && command.data.correction).not.toBe(correction);
  });
});
