/**
 * `npm run schemas`: writes docs/schemas/<name>.schema.json from the zod models of the CLI's
 * JSON (shared/models/cli-json.ts). The files are committed so that scripts can validate the
 * CLI's output without this code; scripts/cli-schemas.test.ts fails when they are stale.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cliJsonSchema, CLI_SCHEMA_DIR } from './cli-schema-gen';
import { CLI_JSON_DOCUMENTS, type CliJsonName } from '../shared/models/cli-json';

for (const name of Object.keys(CLI_JSON_DOCUMENTS) as CliJsonName[]) {
  const file = join(CLI_SCHEMA_DIR, `${name}.schema.json`);
  writeFileSync(file, JSON.stringify(cliJsonSchema(name), null, 2) + '\n');
  console.log(`wrote ${file}`);
}
