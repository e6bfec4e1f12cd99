import { type CommandOf, LEADER_ROLES, type LeaderRole } from '#domain';
import { DateProperty, EntityIdProperty } from '../shared/validators.js';
import { EnumProperty } from '../shared/dto-properties.js';

export class ChangeLeaderDto {
  @DateProperty('When the new leader or mayor took office')
  occurredAt!: string;

  @EnumProperty(LEADER_ROLES, {
    description: 'Whether the council is led by a leader or a mayor',
    example: 'leader',
  })
  role!: LeaderRole;

  @EntityIdProperty('The new leader or mayor (opaque id, never a name: names are personal data)', {
    example: 'person-4711',
  })
  leaderId!: string;

  toCommand(gss: string): CommandOf<'ChangeLeader'> {
    return {
      type: 'ChangeLeader',
      data: { gss, occurredAt: this.occurredAt, role: this.role, leaderId: this.leaderId },
    };
  }
}
