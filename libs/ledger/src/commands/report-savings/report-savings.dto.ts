import { ApiProperty } from '@nestjs/swagger';
import { Max, Min } from 'class-validator';
import { type CommandOf, SAVING_KINDS, type SavingKind } from '#domain';
import { DateProperty, IsIsoDate } from '../shared/validators.js';
import { EnumProperty, IsNotBefore, IsPounds } from '../shared/dto-properties.js';

/** Ten billion pounds: far above any council's budget, so a larger figure is a typing slip. */
const MAX_POUNDS = 1e10;

export class ReportSavingsDto {
  @DateProperty('When the figure was reported')
  occurredAt!: string;

  @ApiProperty({
    description: 'Saving or income in pounds over the period, at most 2 decimal places',
    example: 1250000,
    minimum: 0,
    maximum: MAX_POUNDS,
  })
  @IsPounds()
  @Min(0)
  @Max(MAX_POUNDS)
  amountPounds!: number;

  @EnumProperty(SAVING_KINDS, { description: 'A saving, or income generated', example: 'saving' })
  kind!: SavingKind;

  @ApiProperty({
    description: 'First day of the period the figure covers',
    format: 'date',
    example: '2019-04-01',
  })
  @IsIsoDate()
  periodFrom!: string;

  @ApiProperty({
    description: 'Last day of the period the figure covers',
    format: 'date',
    example: '2023-03-31',
  })
  @IsIsoDate()
  @IsNotBefore('periodFrom')
  periodTo!: string;

  toCommand(gss: string, engagementId: string): CommandOf<'ReportSavings'> {
    return {
      type: 'ReportSavings',
      data: {
        gss,
        occurredAt: this.occurredAt,
        engagementId,
        amountPounds: this.amountPounds,
        kind: this.kind,
        periodFrom: this.periodFrom,
        periodTo: this.periodTo,
      },
    };
  }
}
