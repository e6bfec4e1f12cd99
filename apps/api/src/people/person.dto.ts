import { ApiProperty } from '@nestjs/swagger';
import { IsEmail, IsString, Length, Matches, MaxLength, ValidateIf } from 'class-validator';
import { ENTITY_ID_PATTERN } from '#domain';
import { IsEntityId, type PersonDetails } from '#ledger';

/** Left out is fine, null is not: PUT replaces the record, so leaving a field out clears it. */
const Optional = () => ValidateIf((_object: object, value: unknown) => value !== undefined);
const TEXT_MAX = 200;

export class PersonParams {
  @ApiProperty({
    description:
      'The opaque id events use for this person (adviserId, menteeId, leaderId, expertId)',
    example: 'person-9',
    pattern: ENTITY_ID_PATTERN,
  })
  @IsEntityId()
  id!: string;
}

export class PutPersonDto {
  @ApiProperty({
    description: 'How the person is shown',
    example: 'Alex Example',
    maxLength: TEXT_MAX,
  })
  @IsString()
  @Length(1, TEXT_MAX)
  @Matches(/\S/, { message: 'name must not be blank' })
  name!: string;

  @ApiProperty({ required: false, example: 'alex@example.org', maxLength: 254 })
  @Optional()
  @IsString()
  @MaxLength(254)
  @IsEmail({}, { message: 'email must be an email address' })
  email?: string;

  @ApiProperty({ required: false, example: '020 7946 0000', pattern: '^\\+?[0-9][0-9 ()-]{5,29}$' })
  @Optional()
  @IsString()
  @Matches(/^\+?[0-9][0-9 ()-]{5,29}$/, {
    message:
      'phone must be a telephone number: digits, spaces, brackets and hyphens, optionally after +',
  })
  phone?: string;

  @ApiProperty({ required: false, example: 'Example Borough Council', maxLength: TEXT_MAX })
  @Optional()
  @IsString()
  @Length(1, TEXT_MAX)
  organisation?: string;

  @ApiProperty({ required: false, example: 'Chief executive', maxLength: TEXT_MAX })
  @Optional()
  @IsString()
  @Length(1, TEXT_MAX)
  role?: string;

  toDetails(): PersonDetails {
    return {
      name: this.name,
      ...(this.email === undefined ? {} : { email: this.email }),
      ...(this.phone === undefined ? {} : { phone: this.phone }),
      ...(this.organisation === undefined ? {} : { organisation: this.organisation }),
      ...(this.role === undefined ? {} : { role: this.role }),
    };
  }
}
