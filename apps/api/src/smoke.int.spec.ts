import { describe, it, expect } from '@jest/globals';
import { Module, Controller, Get } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { START } from '#event-store';

@Controller('ping')
class PingController {
  @Get()
  ping(): { start: string } {
    return { start: START.toString() };
  }
}
@Module({ controllers: [PingController] })
class M {}

describe('nest on fastify under jest ESM', () => {
  it('answers', async () => {
    const ref = await Test.createTestingModule({ imports: [M] }).compile();
    const app = ref.createNestApplication<NestFastifyApplication>(new FastifyAdapter());
    await app.init();
    await app.listen(0, '127.0.0.1');
    const res = await fetch(`${await app.getUrl()}/ping`);
    expect(await res.json()).toEqual({ start: '0' });
    await app.close();
  });
});
