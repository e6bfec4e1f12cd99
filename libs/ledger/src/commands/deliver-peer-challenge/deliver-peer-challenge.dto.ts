import { ApiProperty } from '@nestjs/swagger';
import {
  COMMAND_LIMITS,
  type CommandOf,
  PEER_CHALLENGE_KINDS,
  type PeerChallengeKind,
} from '#domain';
import { DateProperty, IsIsoDate } from '../shared/validators.js';
import {
  EnumProperty,
  IntegerProperty,
  IsNotBefore,
  ServiceProperty,
} from '../shared/dto-properties.js';

export class DeliverPeerChallengeDto {
  @DateProperty('When the challenge was delivered (usually its last day on site)')
  occurredAt!: string;

  @ApiProperty({
    description: 'First day the team was on site',
    format: 'date',
    example: '2019-10-07',
  })
  @IsIsoDate()
  onSiteFrom!: string;

  @ApiProperty({
    description: 'Last day the team was on site',
    format: 'date',
    example: '2019-10-10',
  })
  @IsIsoDate()
  @IsNotBefore('onSiteFrom')
  onSiteTo!: string;

  @IntegerProperty(COMMAND_LIMITS.peerChallengePeers, {
    description: 'Number of peers on the team, not counting the peer challenge manager',
    example: 4,
  })
  peers!: number;

  // Only a challenge that was never requested needs these: it is created by its delivery.
  @EnumProperty(PEER_CHALLENGE_KINDS, {
    description: 'Kind of peer challenge; required only if it was never requested',
    example: 'finance',
    optional: true,
  })
  kind?: PeerChallengeKind;

  @ServiceProperty({
    description: 'The service looked at, for a service-specific challenge never requested',
    example: 'planning',
    optional: true,
  })
  service?: string;

  toCommand(gss: string, peerChallengeId: string): CommandOf<'DeliverPeerChallenge'> {
    return {
      type: 'DeliverPeerChallenge',
      data: {
        gss,
        occurredAt: this.occurredAt,
        peerChallengeId,
        onSiteFrom: this.onSiteFrom,
        onSiteTo: this.onSiteTo,
        peers: this.peers,
        ...(this.kind === undefined ? {} : { kind: this.kind }),
        ...(this.service === undefined ? {} : { service: this.service }),
      },
    };
  }
}
