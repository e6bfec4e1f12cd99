import { ApiProperty } from '@nestjs/swagger';
import { SNAPSHOT_KINDS, type SnapshotKind } from './snapshot-params.js';

/** A snapshot in the listing: everything but the document. */
export class SnapshotSummary {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: SNAPSHOT_KINDS }) kind!: SnapshotKind;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'The parameters with every default filled in',
    example: { fy: 2019, quarter: 2, date: '2019-09-30' },
  })
  params!: Record<string, unknown>;
  @ApiProperty({ description: 'Ledger position the document was computed at', example: '1234' })
  position!: string;
  @ApiProperty({ description: 'Token subject of the creator', example: 'manager-1' })
  createdBy!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ description: 'Hex SHA-256 of the canonical JSON of the document' })
  sha256!: string;
}

export class SnapshotResponse extends SnapshotSummary {
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'The document, as hashed: its canonical JSON gives sha256',
  })
  document!: unknown;
}

export class SnapshotVerification {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ description: 'The hash stored when the snapshot was created' }) sha256!: string;
  @ApiProperty({
    description: 'Hash of the document recomputed from the events up to its position',
  })
  recomputedSha256!: string;
  @ApiProperty({ description: 'Hash of the stored document as read back now' })
  storedDocumentSha256!: string;
  @ApiProperty({ description: 'True when all three hashes are equal' }) matches!: boolean;
}
