import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { type LedgerModuleOptions, ledgerValidationPipe } from '#ledger';
import { ApiModule } from './api.module.js';
import { registerJsonBodyParser } from './json-body-parser.js';
import { clientErrorHandler } from './security/client-error-handler.js';
import { installSecurity } from './security/install-security.js';
import {
  installOperations,
  logsEnabled,
  type OperationsOptions,
} from './operations/operations.module.js';

export interface ApiAppOptions extends LedgerModuleOptions, OperationsOptions {}

/** The HTTP application, configured the same way for `npm start`, the api process and the tests. */
export async function createApiApp(options: ApiAppOptions): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    bodyLimit: options.config.bodyLimitBytes,
    trustProxy: true,
    clientErrorHandler,
  });
  // Nest's own JSON parser is replaced by one with a depth limit (json-body-parser.ts).
  const app = await NestFactory.create<NestFastifyApplication>(
    ApiModule.forRoot(options),
    adapter,
    {
      bodyParser: false,
      // JSON logs through pino once installOperations has run; quiet in tests unless asked.
      ...(logsEnabled(options) ? { bufferLogs: true } : { logger: false as const }),
    },
  );
  installOperations(app);
  await installSecurity(app, options.config);
  registerJsonBodyParser(app.getHttpAdapter().getInstance());
  app.useGlobalPipes(ledgerValidationPipe());
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
