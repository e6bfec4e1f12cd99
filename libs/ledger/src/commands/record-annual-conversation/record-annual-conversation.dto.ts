import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsString, Length } from 'class-validator';
import { COMMAND_LIMITS, type CommandOf } from '#domain';
import { DateProperty, EntityIdProperty } from '../shared/validators.js';
import { NoPersonalData } from '../shared/personal-data.js';

const { listMaxItems, textMaxLength } = COMMAND_LIMITS;

export class RecordAnnualConversationDto {
  @EntityIdProperty('Id of this conversation, unique within the council', {
    example: 'ac-2019-e06000023',
  })
  conversationId!: string;

  @DateProperty('When the conversation was held')
  occurredAt!: string;

  @EntityIdProperty('The principal adviser who held it (opaque id, not a name)', {
    example: 'pa-1',
  })
  adviserId!: string;

  @ApiProperty({
    type: [String],
    maxItems: listMaxItems,
    example: ['finance', 'children’s services'],
  })
  @IsArray()
  @ArrayMaxSize(listMaxItems)
  @IsString({ each: true })
  @Length(1, textMaxLength, { each: true })
  @NoPersonalData({ each: true })
  topics!: string[];

  @ApiProperty({ type: [String], maxItems: listMaxItems, example: ['finance peer review'] })
  @IsArray()
  @ArrayMaxSize(listMaxItems)
  @IsString({ each: true })
  @Length(1, textMaxLength, { each: true })
  @NoPersonalData({ each: true })
  supportAgreed!: string[];

  toCommand(gss: string): CommandOf<'RecordAnnualConversation'> {
    return {
      type: 'RecordAnnualConversation',
      data: {
        gss,
        occurredAt: this.occurredAt,
        conversationId: this.conversationId,
        adviserId: this.adviserId,
        topics: this.topics,
        supportAgreed: this.supportAgreed,
      },
    };
  }
}
