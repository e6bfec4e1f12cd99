import { type CommandOf } from '#domain';
import { DateProperty } from '../shared/validators.js';

export class CloseProductivityEngagementDto {
  @DateProperty('When the engagement with the expert ended')
  occurredAt!: string;

  toCommand(gss: string, engagementId: string): CommandOf<'CloseProductivityEngagement'> {
    return {
      type: 'CloseProductivityEngagement',
      data: { gss, occurredAt: this.occurredAt, engagementId },
    };
  }
}
