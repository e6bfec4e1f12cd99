import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { plainToInstance } from 'class-transformer';
import {
  ArrayUnique,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  validateSync,
} from 'class-validator';
import {
  AUTHORITY_TYPES,
  type AuthorityType,
  FISCAL_QUARTERS,
  type FiscalQuarter,
  type IsoDate,
  LGA_MEMBERSHIPS,
  type LgaMembership,
  POLITICAL_CONTROLS,
  REGIONS,
  type Region,
  financialYearBounds,
  quarterBounds,
} from '#domain';
import {
  TAKE_UP_DIMENSIONS,
  type PoliticalControlOrUnknown,
  type TakeUpDimension,
} from '#projections';
import { NoPersonalData } from '../commands/shared/personal-data.js';
import { IsIsoDate } from '../commands/shared/validators.js';
import { InvalidRequest, VALIDATOR_OPTIONS, fieldErrors } from '../http/validation.js';

export const SNAPSHOT_KINDS = ['quarterly-report', 'take-up', 'targets', 'risk-list'] as const;
export type SnapshotKind = (typeof SNAPSHOT_KINDS)[number];

const CONTROLS = [...POLITICAL_CONTROLS, 'unknown'] as const;
const FY = { description: 'Financial year by its first year: 2019 for 2019/20', example: 2019 };
const DATE =
  'The report date: only what happened by then counts. Default the end of the period or ' +
  'today (the asKnownAt date when given), whichever is earlier; stored with the snapshot';

export class QuarterlyReportSnapshotParams {
  @ApiProperty(FY) @IsInt() @Min(2000) @Max(2100) fy!: number;
  @ApiProperty({ enum: FISCAL_QUARTERS }) @IsIn(FISCAL_QUARTERS) quarter!: FiscalQuarter;
  @ApiPropertyOptional({ description: DATE, type: String, format: 'date' })
  @IsOptional()
  @IsIsoDate()
  date?: IsoDate;
}

export class TargetsSnapshotParams {
  @ApiProperty(FY) @IsInt() @Min(2000) @Max(2100) fy!: number;
  @ApiPropertyOptional({ description: DATE, type: String, format: 'date' })
  @IsOptional()
  @IsIsoDate()
  date?: IsoDate;
}

export class RiskListSnapshotParams {
  @ApiPropertyOptional({
    description: 'The date the risk list is as at; default today (or the asKnownAt date)',
    type: String,
    format: 'date',
  })
  @IsOptional()
  @IsIsoDate()
  date?: IsoDate;
}

/** The filters and grouping of GET /take-up, as JSON (groupBy is an array). */
export class TakeUpSnapshotParams {
  @ApiProperty(FY) @IsInt() @Min(2000) @Max(2100) fy!: number;
  @ApiPropertyOptional({ enum: FISCAL_QUARTERS })
  @IsOptional()
  @IsIn(FISCAL_QUARTERS)
  quarter?: FiscalQuarter;
  @ApiPropertyOptional({ description: 'Offer code from the catalogue', maxLength: 64 })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  // Stored for ever in the SnapshotCreated event, like any command's free text.
  @NoPersonalData()
  offer?: string;
  @ApiPropertyOptional({ enum: REGIONS }) @IsOptional() @IsIn(REGIONS) region?: Region;
  @ApiPropertyOptional({ enum: AUTHORITY_TYPES })
  @IsOptional()
  @IsIn(AUTHORITY_TYPES)
  authorityType?: AuthorityType;
  @ApiPropertyOptional({ enum: CONTROLS })
  @IsOptional()
  @IsIn(CONTROLS)
  control?: PoliticalControlOrUnknown;
  @ApiPropertyOptional({ enum: LGA_MEMBERSHIPS })
  @IsOptional()
  @IsIn(LGA_MEMBERSHIPS)
  membership?: LgaMembership;
  @ApiPropertyOptional({ enum: TAKE_UP_DIMENSIONS, isArray: true })
  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @IsIn(TAKE_UP_DIMENSIONS, { each: true })
  groupBy?: TakeUpDimension[];
  @ApiPropertyOptional({ default: 1 }) @IsOptional() @IsInt() @Min(1) @Max(1000) lowBelow?: number;
}

export const SNAPSHOT_PARAMS_CLASSES = [
  QuarterlyReportSnapshotParams,
  TakeUpSnapshotParams,
  TargetsSnapshotParams,
  RiskListSnapshotParams,
] as const;

type Complete<T, K extends keyof T> = Readonly<Omit<T, K> & Required<Pick<T, K>>>;

/**
 * A snapshot's kind and its complete parameters: every default filled in, so the stored
 * parameters alone (never the clock at verify time) reproduce the document.
 */
export type SnapshotSpec =
  | {
      readonly kind: 'quarterly-report';
      readonly params: Complete<QuarterlyReportSnapshotParams, 'date'>;
    }
  | {
      readonly kind: 'take-up';
      readonly params: Complete<TakeUpSnapshotParams, 'groupBy' | 'lowBelow'>;
    }
  | { readonly kind: 'targets'; readonly params: Complete<TargetsSnapshotParams, 'date'> }
  | { readonly kind: 'risk-list'; readonly params: Complete<RiskListSnapshotParams, 'date'> };

const earlier = (a: IsoDate, b: IsoDate): IsoDate => (a <= b ? a : b);

function validated<T extends object>(type: new () => T, raw: unknown): T {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new InvalidRequest([{ field: 'params', reason: 'params must be an object' }]);
  }
  const params = plainToInstance(type, raw);
  const errors = validateSync(params, VALIDATOR_OPTIONS);
  if (errors.length > 0) throw new InvalidRequest(fieldErrors(errors, 'params'));
  return params;
}

/** A plain object without the properties left undefined (class instances do not hash). */
function plain<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

/**
 * Validates a kind's parameters (400 with `params.<field>` errors) and fills the defaults.
 * `today` is the reference day a default date is taken from; stored parameters are
 * already complete, so parsing them again changes nothing.
 */
export function parseSnapshotParams(
  kind: SnapshotKind,
  raw: unknown,
  today: IsoDate,
): SnapshotSpec {
  switch (kind) {
    case 'quarterly-report': {
      const p = validated(QuarterlyReportSnapshotParams, raw);
      const period = quarterBounds(p.fy, p.quarter);
      const date = p.date ?? earlier(period.to, today);
      if (date < period.from) {
        const reason = `the report date ${date} is before the quarter starts (${period.from})`;
        throw new InvalidRequest([{ field: 'params.date', reason }]);
      }
      return { kind, params: plain({ ...p, date }) };
    }
    case 'take-up': {
      const p = validated(TakeUpSnapshotParams, raw);
      const groupBy = TAKE_UP_DIMENSIONS.filter((d) => (p.groupBy ?? []).includes(d));
      return { kind, params: plain({ ...p, groupBy, lowBelow: p.lowBelow ?? 1 }) };
    }
    case 'targets': {
      const p = validated(TargetsSnapshotParams, raw);
      const date = p.date ?? earlier(financialYearBounds(p.fy).to, today);
      return { kind, params: plain({ ...p, date }) };
    }
    case 'risk-list': {
      const p = validated(RiskListSnapshotParams, raw);
      return { kind, params: { date: p.date ?? today } };
    }
    default: {
      const unknownKind: never = kind;
      throw new InvalidRequest([{ field: 'kind', reason: `unknown kind ${String(unknownKind)}` }]);
    }
  }
}
