import { type CommandOf } from '#domain';
import { DateProperty } from '../shared/validators.js';

export class PublishPeerChallengeReportDto {
  @DateProperty('When the report was published to the council')
  occurredAt!: string;

  toCommand(gss: string, peerChallengeId: string): CommandOf<'PublishPeerChallengeReport'> {
    return {
      type: 'PublishPeerChallengeReport',
      data: { gss, occurredAt: this.occurredAt, peerChallengeId },
    };
  }
}
