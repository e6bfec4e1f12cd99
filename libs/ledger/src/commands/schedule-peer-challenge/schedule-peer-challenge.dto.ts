import { ApiProperty } from '@nestjs/swagger';
import { type CommandOf } from '#domain';
import { DateProperty, IsIsoDate } from '../shared/validators.js';
import { IsNotBefore } from '../shared/dto-properties.js';

export class SchedulePeerChallengeDto {
  @DateProperty('When the dates were agreed with the council')
  occurredAt!: string;

  @ApiProperty({
    description: 'First day the team is on site',
    format: 'date',
    example: '2019-10-07',
  })
  @IsIsoDate()
  onSiteFrom!: string;

  @ApiProperty({
    description: 'Last day the team is on site',
    format: 'date',
    example: '2019-10-10',
  })
  @IsIsoDate()
  @IsNotBefore('onSiteFrom')
  onSiteTo!: string;

  toCommand(gss: string, peerChallengeId: string): CommandOf<'SchedulePeerChallenge'> {
    return {
      type: 'SchedulePeerChallenge',
      data: {
        gss,
        occurredAt: this.occurredAt,
        peerChallengeId,
        onSiteFrom: this.onSiteFrom,
        onSiteTo: this.onSiteTo,
      },
    };
  }
}
