import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayUnique,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Max,
  Min,
  ValidateBy,
} from 'class-validator';
import {
  AUTHORITY_TYPES,
  FISCAL_QUARTERS,
  LGA_MEMBERSHIPS,
  POLITICAL_CONTROLS,
  REGIONS,
  isIsoDate,
} from '#domain';
import { TAKE_UP_DIMENSIONS } from '#projections';
import { IsLedgerCut, LEDGER_CUT_DESCRIPTION } from '#ledger';

const IsIsoDateQuery = () =>
  ValidateBy({
    name: 'isIsoDate',
    validator: {
      validate: (value) => isIsoDate(value),
      defaultMessage: () => '$property must be a date written YYYY-MM-DD',
    },
  });

export class FyQuery {
  @ApiPropertyOptional({
    description: 'Financial year by its first year: 2019 for 2019/20; default the current one',
    example: 2019,
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(2100)
  fy?: number;
}

export class YearQuery extends FyQuery {
  @ApiPropertyOptional({
    description: 'Count only what happened by this date; default today',
    example: '2019-09-30',
  })
  @IsOptional()
  @IsIsoDateQuery()
  date?: string;
}

export class DateQuery {
  @ApiPropertyOptional({
    description: 'The date the view is as at; default today',
    example: '2020-03-31',
  })
  @IsOptional()
  @IsIsoDateQuery()
  date?: string;
}

const AS_OF = {
  description:
    `Answer from the ledger cut here instead of the live read models: ${LEDGER_CUT_DESCRIPTION}. ` +
    'X-Ledger-Position is then the cut. With a date or instant, the view date defaults to that day',
  example: '2019-08-15',
};

export class TargetsQuery extends YearQuery {
  @ApiPropertyOptional(AS_OF)
  @IsOptional()
  @IsLedgerCut()
  asOf?: string;
}

export class RiskQuery extends DateQuery {
  @ApiPropertyOptional(AS_OF)
  @IsOptional()
  @IsLedgerCut()
  asOf?: string;
}

const list = ({ value }: { value: unknown }) =>
  typeof value === 'string'
    ? value
        .split(',')
        .map((item) => item.trim())
        .filter(Boolean)
    : value;

export class TakeUpQuery {
  @ApiPropertyOptional({ example: 2019 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(2100)
  fy?: number;

  @ApiPropertyOptional({ enum: FISCAL_QUARTERS })
  @IsOptional()
  @Type(() => Number)
  @IsIn(FISCAL_QUARTERS, { message: `quarter must be one of ${FISCAL_QUARTERS.join(', ')}` })
  quarter?: (typeof FISCAL_QUARTERS)[number];

  @ApiPropertyOptional({
    description: 'Offer code from the catalogue',
    example: 'peer-challenge-corporate',
  })
  @IsOptional()
  @IsString()
  offer?: string;

  @ApiPropertyOptional({ enum: REGIONS })
  @IsOptional()
  @IsIn(REGIONS, { message: `region must be one of ${REGIONS.join(', ')}` })
  region?: (typeof REGIONS)[number];

  @ApiPropertyOptional({ enum: AUTHORITY_TYPES })
  @IsOptional()
  @IsIn(AUTHORITY_TYPES, { message: `authorityType must be one of ${AUTHORITY_TYPES.join(', ')}` })
  authorityType?: (typeof AUTHORITY_TYPES)[number];

  @ApiPropertyOptional({
    enum: [...POLITICAL_CONTROLS, 'unknown'],
    description: 'Control at the time of the interaction',
  })
  @IsOptional()
  @IsIn([...POLITICAL_CONTROLS, 'unknown'], {
    message: `control must be one of ${[...POLITICAL_CONTROLS, 'unknown'].join(', ')}`,
  })
  control?: (typeof POLITICAL_CONTROLS)[number] | 'unknown';

  @ApiPropertyOptional({
    enum: LGA_MEMBERSHIPS,
    description: 'LGA membership at the time of the interaction',
  })
  @IsOptional()
  @IsIn(LGA_MEMBERSHIPS, { message: `membership must be one of ${LGA_MEMBERSHIPS.join(', ')}` })
  membership?: (typeof LGA_MEMBERSHIPS)[number];

  @ApiPropertyOptional({
    description: `Comma-separated: ${TAKE_UP_DIMENSIONS.join(', ')}`,
    example: 'region,control',
  })
  @IsOptional()
  @Transform(list)
  @ArrayUnique()
  @IsIn(TAKE_UP_DIMENSIONS, {
    each: true,
    message: `groupBy entries must be among ${TAKE_UP_DIMENSIONS.join(', ')}`,
  })
  groupBy?: (typeof TAKE_UP_DIMENSIONS)[number][];

  @ApiPropertyOptional({
    description: 'Reached councils with fewer engagements than this are listed as low take-up',
    default: 1,
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1000)
  lowBelow?: number;

  @ApiPropertyOptional(AS_OF)
  @IsOptional()
  @IsLedgerCut()
  asOf?: string;
}
