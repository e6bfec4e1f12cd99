import { ApiProperty } from '@nestjs/swagger';
import { Matches } from 'class-validator';
import { GSS_CODE_PATTERN } from '#domain';
import { IsEntityId } from './validators.js';

export class CouncilParams {
  @ApiProperty({
    description: 'ONS/GSS code of the council',
    example: 'E06000023',
    pattern: GSS_CODE_PATTERN,
  })
  @Matches(new RegExp(GSS_CODE_PATTERN), {
    message: 'gss must be an English GSS code: E followed by 8 digits',
  })
  gss!: string;
}

/** Path parameters naming one engagement of a council, e.g. /councils/{gss}/peer-challenges/{id}. */
export class EngagementParams extends CouncilParams {
  @ApiProperty({
    description: 'The engagement id chosen when it was first recorded',
    example: 'pc-2019-017',
  })
  @IsEntityId()
  id!: string;
}
