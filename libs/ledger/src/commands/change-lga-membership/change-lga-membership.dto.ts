import { type CommandOf, RECORDED_LGA_MEMBERSHIPS, type RecordedLgaMembership } from '#domain';
import { DateProperty } from '../shared/validators.js';
import { EnumProperty } from '../shared/dto-properties.js';

export class ChangeLgaMembershipDto {
  @DateProperty('When the council joined or left the LGA')
  occurredAt!: string;

  // 'unknown' is only a starting point: a recorded change always names a real membership.
  @EnumProperty(RECORDED_LGA_MEMBERSHIPS, {
    description: 'LGA membership from that day',
    example: 'member',
  })
  membership!: RecordedLgaMembership;

  toCommand(gss: string): CommandOf<'ChangeLgaMembership'> {
    return {
      type: 'ChangeLgaMembership',
      data: { gss, occurredAt: this.occurredAt, membership: this.membership },
    };
  }
}
