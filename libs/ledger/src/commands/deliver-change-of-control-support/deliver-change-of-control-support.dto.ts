import { ApiProperty } from '@nestjs/swagger';
import { Max, Min } from 'class-validator';
import { COMMAND_LIMITS, type CommandOf } from '#domain';
import { DateProperty } from '../shared/validators.js';
import { IntegerProperty, IsMultipleOf } from '../shared/dto-properties.js';

const { changeOfControlDays: days, changeOfControlMemberPeers } = COMMAND_LIMITS;

export class DeliverChangeOfControlSupportDto {
  @DateProperty('When the support was put in place')
  occurredAt!: string;

  @ApiProperty({
    description: `Days of member-peer support, in half days (${days.min} to ${days.max})`,
    example: 2.5,
    minimum: days.min,
    maximum: days.max,
    multipleOf: days.step,
  })
  @IsMultipleOf(days.step)
  @Min(days.min)
  @Max(days.max)
  days!: number;

  @IntegerProperty(changeOfControlMemberPeers, {
    description: 'Number of member peers providing the support',
    example: 2,
  })
  memberPeers!: number;

  toCommand(gss: string, offerId: string): CommandOf<'DeliverChangeOfControlSupport'> {
    return {
      type: 'DeliverChangeOfControlSupport',
      data: {
        gss,
        occurredAt: this.occurredAt,
        offerId,
        days: this.days,
        memberPeers: this.memberPeers,
      },
    };
  }
}
