import { ApiProperty } from '@nestjs/swagger';
import { ValidateIf } from 'class-validator';
import {
  AUTHORITY_TYPES,
  type AuthorityType,
  COMMAND_LIMITS,
  type CommandOf,
  REGIONS,
  type Region,
} from '#domain';
import { DateProperty, IsIsoDate } from '../shared/validators.js';
import { EnumProperty, GssProperty, IsNotBefore, TextProperty } from '../shared/dto-properties.js';

/** null is meaningful for both ends of a life span, so the field is required but nullable. */
const whenNotNull = () => ValidateIf((_object: object, value: unknown) => value !== null);

export class RegisterCouncilDto {
  @GssProperty({
    description: 'ONS/GSS code of the council, the key of its stream',
    example: 'E06000059',
  })
  gss!: string;

  @DateProperty('When the fact was established (usually the day the council came into being)')
  occurredAt!: string;

  @TextProperty(COMMAND_LIMITS.nameMaxLength, {
    description: 'Official name of the council',
    example: 'Dorset Council',
  })
  name!: string;

  @EnumProperty(AUTHORITY_TYPES, { description: 'Kind of authority', example: 'unitary' })
  authorityType!: AuthorityType;

  @EnumProperty(REGIONS, {
    description: 'English region the council lies in',
    example: 'South West',
  })
  region!: Region;

  @ApiProperty({
    type: String,
    format: 'date',
    nullable: true,
    description: 'First day of the council; null when it existed before the ledger’s records start',
    example: '2019-04-01',
  })
  @whenNotNull()
  @IsIsoDate()
  validFrom!: string | null;

  @ApiProperty({
    type: String,
    format: 'date',
    nullable: true,
    description: 'Last day of the council if already known; null while it continues',
    example: null,
  })
  @whenNotNull()
  @IsIsoDate()
  @IsNotBefore('validFrom')
  validTo!: string | null;

  toCommand(): CommandOf<'RegisterCouncil'> {
    return {
      type: 'RegisterCouncil',
      data: {
        gss: this.gss,
        occurredAt: this.occurredAt,
        name: this.name,
        authorityType: this.authorityType,
        region: this.region,
        validFrom: this.validFrom,
        validTo: this.validTo,
      },
    };
  }
}
