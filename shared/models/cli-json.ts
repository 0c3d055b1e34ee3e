/**
 * The CLI's JSON documents (`mail-doctor diagnose|discover|lookup --json`): a public contract
 * that helpdesk scripts parse. Fields are only ever added; `schemaVersion` changes only if a
 * field ever had to change meaning. The committed JSON Schemas in docs/schemas/ are generated
 * from these (`npm run schemas`) and a test fails when a field of the frozen first version is
 * renamed or removed.
 */
import { z } from 'zod';
import { DiagnoseReport } from './probe';
import { DiscoveryResult } from './discovery';
import { LookupMatch } from './lookup';

export const CLI_JSON_SCHEMA_VERSION = 1;
const SchemaVersion = z.literal(CLI_JSON_SCHEMA_VERSION);

const Source = z.enum(['logged-in', 'connected', 'catalog', 'discovered', 'typed', 'guess']);
const Server = z.object({ host: z.string(), port: z.number(), security: z.enum(['tls', 'starttls', 'none']), source: Source });
/** `diagnose --device … --json`: the composed answer (the same one the app shows). */
export const DiagnosisJson = z.object({
  headline: z.enum(['ok', 'problem', 'unverified']),
  headlineText: z.string(),
  causes: z.array(
    z.object({
      id: z.string(),
      kind: z.enum(['finding', 'triage', 'lookup']),
      likelihood: z.enum(['high', 'medium', 'low']),
      codes: z.array(z.string()),
      title: z.string(),
      steps: z.array(z.object({ text: z.string(), path: z.array(z.string()).optional(), setting: z.object({ label: z.string(), value: z.string() }).optional() })),
    }),
  ),
  correctSettings: z.object({ imap: Server.optional(), pop3: Server.optional(), smtp: Server.optional(), user: z.object({ value: z.string(), source: Source }).optional() }),
});

/** `diagnose --json`: the probe report as the engine returned it, plus `diagnosis` with --device. */
export const DiagnoseJson = z.object({ schemaVersion: SchemaVersion, diagnosis: DiagnosisJson.optional() }).extend(DiagnoseReport.shape);
export type DiagnoseJson = z.infer<typeof DiagnoseJson>;

/** `discover --json`: the discovery result unchanged. */
export const DiscoverJson = z.object({ schemaVersion: SchemaVersion }).extend(DiscoveryResult.shape);
export type DiscoverJson = z.infer<typeof DiscoverJson>;

/** `lookup --json`: the matches, with the generic checks already in the asked language. */
export const LookupJson = z.object({
  schemaVersion: SchemaVersion,
  recognised: z.boolean(),
  matches: z.array(LookupMatch),
  genericChecks: z.array(z.string()),
});
export type LookupJson = z.infer<typeof LookupJson>;

/** Every CLI JSON document by the name of its schema file (docs/schemas/<name>.schema.json). */
export const CLI_JSON_DOCUMENTS = { diagnose: DiagnoseJson, discover: DiscoverJson, lookup: LookupJson } as const;
export type CliJsonName = keyof typeof CLI_JSON_DOCUMENTS;

/** What a command prints for --json: the version first, then the document. */
export function withSchemaVersion<T extends object>(doc: T): { schemaVersion: typeof CLI_JSON_SCHEMA_VERSION } & T {
  return { schemaVersion: CLI_JSON_SCHEMA_VERSION, ...doc };
}
