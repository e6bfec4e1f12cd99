import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID, Matches } from 'class-validator';
import { BadRequest, type RequestHeaders } from '#ledger';

export class SnapshotIdParams {
  @ApiProperty({ format: 'uuid', description: 'The id POST /snapshots answered with' })
  @IsUUID('all', { message: 'id must be a snapshot id (a UUID)' })
  id!: string;
}

export class SnapshotFormatQuery {
  @ApiPropertyOptional({ enum: ['json', 'csv'], default: 'json' })
  @IsOptional()
  @IsIn(['json', 'csv'], { message: 'format must be json or csv' })
  format?: 'json' | 'csv';

  @ApiPropertyOptional({
    description:
      'With format=csv: only this table, with its own columns. Without: every table in one CSV ' +
      'whose first column, table, names the table of each row',
    example: 'targets',
  })
  @IsOptional()
  @Matches(/^[a-z][a-z0-9-]{0,79}$/, { message: 'table must be a table name' })
  table?: string;
}

const TOKEN = /^[\x21-\x7e]{1,200}$/;

/** An optional single-valued header of visible ASCII, as the council writes take it. */
export function headerToken(headers: RequestHeaders, name: string): string | undefined {
  const value = headers[name];
  if (value === undefined) return undefined;
  if (Array.isArray(value)) throw new BadRequest(name, 'must be sent once');
  if (!TOKEN.test(value)) throw new BadRequest(name, 'must be 1-200 visible ASCII characters');
  return value;
}
