import { type CommandOf } from '#domain';
import { DateProperty } from '../shared/validators.js';

export class HoldPeerChallengeProgressReviewDto {
  @DateProperty('When the progress review was held')
  occurredAt!: string;

  toCommand(gss: string, peerChallengeId: string): CommandOf<'HoldPeerChallengeProgressReview'> {
    return {
      type: 'HoldPeerChallengeProgressReview',
      data: { gss, occurredAt: this.occurredAt, peerChallengeId },
    };
  }
}
