import { type CommandOf } from '#domain';
import { DateProperty } from '../shared/validators.js';

export class CompleteMentoringDto {
  @DateProperty('When the mentoring ended')
  occurredAt!: string;

  toCommand(gss: string, mentoringId: string): CommandOf<'CompleteMentoring'> {
    return { type: 'CompleteMentoring', data: { gss, occurredAt: this.occurredAt, mentoringId } };
  }
}
