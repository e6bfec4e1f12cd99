import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { type LedgerModuleOptions, ledgerValidationPipe } from '#ledger';
import { ApiModule } from './api.module.js';
import { registerJsonBodyParser } from './json-body-parser.js';

export interface ApiAppOptions extends LedgerModuleOptions {
  readonly logger?: false;
}

/** The HTTP application, configured the same way for `npm start`, the api process and the tests. */
export async function createApiApp(options: ApiAppOptions): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    bodyLimit: options.config.bodyLimitBytes,
    trustProxy: true,
  });
  // Nest's own JSON parser is replaced by one with a depth limit (json-body-parser.ts).
  const app = await NestFactory.create<NestFastifyApplication>(
    ApiModule.forRoot(options),
    adapter,
    {
      bodyParser: false,
      logger: options.logger === false ? false : ['log', 'warn', 'error'],
    },
  );
  registerJsonBodyParser(app.getHttpAdapter().getInstance());
  app.useGlobalPipes(ledgerValidationPipe());
  app.enableShutdownHooks();
  SwaggerModule.setup('docs', app, openApiDocument(app), { jsonDocumentUrl: 'docs/openapi.json' });
  return app;
}

export function openApiDocument(app: NestFastifyApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Council engagement ledger')
    .setDescription(
      'Every support interaction with an English council, recorded as an immutable event in that ' +
        "council's stream. Writes answer with the stream revision as an ETag; send it back as If-Match " +
        'to write only if nothing changed, and an Idempotency-Key to make a retry safe.',
    )
    .setVersion('1')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' })
    .addSecurityRequirements('bearer')
    .build();
  return SwaggerModule.createDocument(app, config);
}
