import { ApiProperty, ApiPropertyOptional, getSchemaPath } from '@nestjs/swagger';
import { IsIn, IsObject, IsOptional } from 'class-validator';
import { IsKnownAt, IsPosition } from '../../as-of/ledger-cut.validators.js';
import { SNAPSHOT_KINDS, SNAPSHOT_PARAMS_CLASSES, type SnapshotKind } from '../snapshot-params.js';

export class CreateSnapshotDto {
  @ApiProperty({ enum: SNAPSHOT_KINDS, example: 'quarterly-report' })
  @IsIn(SNAPSHOT_KINDS, { message: `kind must be one of ${SNAPSHOT_KINDS.join(', ')}` })
  kind!: SnapshotKind;

  @ApiPropertyOptional({
    description:
      'The parameters of the kind: quarterly-report {fy, quarter, date?}, take-up {fy, quarter?, ' +
      'offer?, region?, authorityType?, control?, membership?, groupBy?, lowBelow?}, targets ' +
      '{fy, date?}, risk-list {date?}. Unknown fields are refused.',
    oneOf: SNAPSHOT_PARAMS_CLASSES.map((type) => ({ $ref: getSchemaPath(type) })),
    example: { fy: 2019, quarter: 2 },
  })
  @IsOptional()
  @IsObject()
  params?: Record<string, unknown>;

  @ApiPropertyOptional({
    description: 'Compute at this ledger position (a decimal string, at most the head)',
    example: '1234',
  })
  @IsOptional()
  @IsPosition()
  position?: string;

  @ApiPropertyOptional({
    description:
      'Compute at what the ledger had recorded by this instant, or by the end of this date ' +
      '(London time); its position is stored. Default, and without position: the head',
    example: '2019-08-15',
  })
  @IsOptional()
  @IsKnownAt()
  asKnownAt?: string;
}
