import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import { buildOpenApiJson, openApiFilePath } from './openapi-document.js';

/**
 * `npm run openapi`: regenerates docs/openapi.json from the application's controllers and
 * DTOs. tests/e2e/openapi-drift.e2e.spec.ts fails when the committed file differs.
 */
const file = openApiFilePath();
const json = await buildOpenApiJson();
writeFileSync(file, json);
console.log(`wrote ${relative(process.cwd(), file) || file} (${Buffer.byteLength(json)} bytes)`);
