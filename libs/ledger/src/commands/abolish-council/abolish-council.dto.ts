import { ApiProperty } from '@nestjs/swagger';
import { COMMAND_LIMITS, type CommandOf } from '#domain';
import { DateProperty, IsIsoDate } from '../shared/validators.js';
import { GssListProperty } from '../shared/dto-properties.js';

export class AbolishCouncilDto {
  @DateProperty('When the abolition was decided or took effect: on or before the last day')
  occurredAt!: string;

  @ApiProperty({
    description: 'Last day the council existed',
    format: 'date',
    example: '2020-03-31',
  })
  @IsIsoDate()
  lastDay!: string;

  @GssListProperty(COMMAND_LIMITS.listMaxItems, {
    description: 'GSS codes of the councils that take over its area (may be empty)',
    example: ['E06000060'],
  })
  successors!: string[];

  toCommand(gss: string): CommandOf<'AbolishCouncil'> {
    return {
      type: 'AbolishCouncil',
      data: {
        gss,
        occurredAt: this.occurredAt,
        lastDay: this.lastDay,
        successors: this.successors,
      },
    };
  }
}
