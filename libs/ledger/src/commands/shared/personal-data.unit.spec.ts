import { describe, expect, it } from '@jest/globals';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { fieldErrors } from '../../http/validation.js';
import { RaiseRiskSignalDto } from '../raise-risk-signal/raise-risk-signal.dto.js';
import { personalDataIn } from './personal-data.js';

describe('personalDataIn', () => {
  it.each([
    ['jo.bloggs@camden.gov.uk', 'email address'],
    ['write to J_Smith+ledger@example.co.uk today', 'email address'],
    ['07700 900123', 'phone number'],
    ['07700900123', 'phone number'],
    ['mobile 07700-900-123.', 'phone number'],
    ['020 7946 0958', 'phone number'],
    ['(020) 7946 0958', 'phone number'],
    ['0161 496 0000', 'phone number'],
    ['01632 960000', 'phone number'],
    ['+44 7700 900123', 'phone number'],
    ['+44 (0)20 7946 0958', 'phone number'],
    ['+447700900123', 'phone number'],
    ['call 07700 900123 2019 budget', 'phone number'],
  ])('finds %s', (text, kind) => {
    expect(personalDataIn(text)).toEqual([kind]);
  });

  it.each([
    'Budget gap of £12m for 2020/21',
    'E09000007 and E08000003',
    'section 114 notice issued on 2019-08-30',
    'dated 01 02 2019 10:30',
    'position 4294967296123',
    '3b241101-e2bb-4255-8caf-4136c566a962',
    'ref 0.5 FTE, 0 councils, 100,000 participants',
    'sha 0123456789abcdef0123456789',
    '@nestjs/common and user@localhost',
    'ids pc-2019-017, od-0123456789',
  ])('leaves ordinary text alone: %s', (text) => {
    expect(personalDataIn(text)).toEqual([]);
  });
});

describe('NoPersonalData on a command DTO', () => {
  it('refuses evidence with a phone number, naming the field and /people', async () => {
    const dto = plainToInstance(RaiseRiskSignalDto, {
      signalId: 'rs-1',
      occurredAt: '2019-09-01',
      kind: 'other',
      severity: 'low',
      evidence: 'CEO on 07700 900123',
    });
    const errors = fieldErrors(await validate(dto));
    expect(errors).toEqual([{ field: 'evidence', reason: expect.stringContaining('/people') }]);
    expect(errors[0]!.reason).toMatch(/^evidence must not contain an email address or a phone/);
  });
});
