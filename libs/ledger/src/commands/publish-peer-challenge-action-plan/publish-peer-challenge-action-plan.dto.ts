import { type CommandOf } from '#domain';
import { DateProperty } from '../shared/validators.js';

export class PublishPeerChallengeActionPlanDto {
  @DateProperty('When the council published its action plan')
  occurredAt!: string;

  toCommand(gss: string, peerChallengeId: string): CommandOf<'PublishPeerChallengeActionPlan'> {
    return {
      type: 'PublishPeerChallengeActionPlan',
      data: { gss, occurredAt: this.occurredAt, peerChallengeId },
    };
  }
}
