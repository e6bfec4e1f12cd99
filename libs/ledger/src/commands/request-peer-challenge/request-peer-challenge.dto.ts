import { type CommandOf, PEER_CHALLENGE_KINDS, type PeerChallengeKind } from '#domain';
import { DateProperty, EntityIdProperty } from '../shared/validators.js';
import { EnumProperty, ServiceProperty } from '../shared/dto-properties.js';

export class RequestPeerChallengeDto {
  @EntityIdProperty('Id of this peer challenge, unique within the council', {
    example: 'pc-2019-017',
  })
  peerChallengeId!: string;

  @DateProperty('When the council asked for the peer challenge')
  occurredAt!: string;

  @EnumProperty(PEER_CHALLENGE_KINDS, {
    description: 'Kind of peer challenge',
    example: 'corporate',
  })
  kind!: PeerChallengeKind;

  @ServiceProperty({
    description: 'The service looked at, for a service-specific challenge',
    example: 'housing',
    optional: true,
  })
  service?: string;

  toCommand(gss: string): CommandOf<'RequestPeerChallenge'> {
    return {
      type: 'RequestPeerChallenge',
      data: {
        gss,
        occurredAt: this.occurredAt,
        peerChallengeId: this.peerChallengeId,
        kind: this.kind,
        ...(this.service === undefined ? {} : { service: this.service }),
      },
    };
  }
}
