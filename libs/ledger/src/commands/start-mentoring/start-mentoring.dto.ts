import { type CommandOf, MENTEE_ROLES, type MenteeRole, PEER_TYPES, type PeerType } from '#domain';
import { DateProperty, EntityIdProperty } from '../shared/validators.js';
import { EnumProperty } from '../shared/dto-properties.js';

export class StartMentoringDto {
  @EntityIdProperty('Id of this mentoring, unique within the council', { example: 'mt-2019-003' })
  mentoringId!: string;

  @DateProperty('When the mentoring started')
  occurredAt!: string;

  @EntityIdProperty('The person mentored (opaque id, never a name: names are personal data)', {
    example: 'person-1024',
  })
  menteeId!: string;

  @EnumProperty(MENTEE_ROLES, { description: 'Role of the person mentored', example: 'leader' })
  menteeRole!: MenteeRole;

  @EnumProperty(PEER_TYPES, {
    description: 'Whether the mentor is a member or officer peer',
    example: 'member_peer',
  })
  peerType!: PeerType;

  toCommand(gss: string): CommandOf<'StartMentoring'> {
    return {
      type: 'StartMentoring',
      data: {
        gss,
        occurredAt: this.occurredAt,
        mentoringId: this.mentoringId,
        menteeId: this.menteeId,
        menteeRole: this.menteeRole,
        peerType: this.peerType,
      },
    };
  }
}
