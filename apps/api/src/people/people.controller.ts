import { Body, Controller, Delete, Get, HttpCode, Param, Put, Res } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiServiceUnavailableResponse,
  ApiTags,
} from '@nestjs/swagger';
import { type Actor, Clock, CurrentActor, People, type PersonView, Roles } from '#ledger';
import { PersonParams, PutPersonDto } from './person.dto.js';

/**
 * The erasable people store. Events only ever carry a person's opaque id; the name and
 * contact details are kept here, and erasing them leaves every event, view and snapshot
 * intact, showing the person as erased.
 */
@ApiTags('people')
@ApiServiceUnavailableResponse({ description: 'The people store did not answer' })
@Controller('people')
export class PeopleController {
  constructor(
    private readonly people: People,
    private readonly clock: Clock,
  ) {}

  @Put(':id')
  @Roles('adviser', 'manager', 'admin')
  @ApiOperation({
    summary: 'Record or replace a person’s details (advisers: new people, or those they recorded)',
  })
  @ApiCreatedResponse({ description: 'Recorded for the first time' })
  @ApiOkResponse({ description: 'Replaced' })
  @ApiForbiddenResponse({ description: 'An adviser changing someone another caller recorded' })
  @ApiConflictResponse({ description: 'person_erased: an erased id is never reused' })
  async put(
    @Param() { id }: PersonParams,
    @Body() body: PutPersonDto,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) reply: { status(code: number): unknown },
  ): Promise<PersonView> {
    const { created, person } = await this.people.record(
      id,
      body.toDetails(),
      actor,
      this.clock.now(),
    );
    reply.status(created ? 201 : 200);
    return person;
  }

  @Get(':id')
  @Roles('adviser', 'manager', 'admin')
  @ApiOperation({
    summary: 'A person’s details, or their tombstone once erased (advisers: those they recorded)',
  })
  @ApiOkResponse({ description: 'status present with the details, or status erased' })
  @ApiNotFoundResponse({ description: 'No person was ever recorded under this id' })
  get(@Param() { id }: PersonParams, @CurrentActor() actor: Actor): Promise<PersonView> {
    return this.people.read(id, actor);
  }

  @Delete(':id')
  @Roles('admin')
  @HttpCode(204)
  @ApiOperation({
    summary:
      'Erase a person: their details are deleted for good, a tombstone (id, when, by whom) remains; idempotent',
  })
  @ApiNoContentResponse({ description: 'Erased (or already erased)' })
  @ApiNotFoundResponse({ description: 'No person was ever recorded under this id' })
  async erase(@Param() { id }: PersonParams, @CurrentActor() actor: Actor): Promise<void> {
    await this.people.erase(id, actor, this.clock.now());
  }
}
