import { type CommandOf, PRODUCTIVITY_FOCUSES, type ProductivityFocus } from '#domain';
import { DateProperty, EntityIdProperty } from '../shared/validators.js';
import { EnumProperty } from '../shared/dto-properties.js';

export class EngageProductivityExpertDto {
  @EntityIdProperty('Id of this engagement, unique within the council', { example: 'pe-2019-011' })
  engagementId!: string;

  @DateProperty('When the expert started work with the council')
  occurredAt!: string;

  @EntityIdProperty('The productivity or income generation expert (opaque id, not a name)', {
    example: 'expert-7',
  })
  expertId!: string;

  @EnumProperty(PRODUCTIVITY_FOCUSES, {
    description: 'Whether the work aims at savings or at new income',
    example: 'productivity',
  })
  focus!: ProductivityFocus;

  toCommand(gss: string): CommandOf<'EngageProductivityExpert'> {
    return {
      type: 'EngageProductivityExpert',
      data: {
        gss,
        occurredAt: this.occurredAt,
        engagementId: this.engagementId,
        expertId: this.expertId,
        focus: this.focus,
      },
    };
  }
}
