/** JSON Schema of one CLI JSON document, generated from its zod model. */
import { join } from 'node:path';
import { z } from 'zod';
import { CLI_JSON_DOCUMENTS, type CliJsonName } from '../shared/models/cli-json';

export const CLI_SCHEMA_DIR = join(__dirname, '..', 'docs', 'schemas');

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

/**
 * Consumers must accept fields added later, so no object is closed: zod's output schemas say
 * `additionalProperties: false` for its stripping objects, which would break every script the
 * day a field is added. The drift test keeps the committed schema complete instead.
 */
function openObjects(node: Json): Json {
  if (Array.isArray(node)) return node.map(openObjects);
  if (node && typeof node === 'object') {
    const out: { [k: string]: Json } = {};
    for (const [k, v] of Object.entries(node)) {
      if (k === 'additionalProperties' && v === false) continue;
      out[k] = openObjects(v);
    }
    return out;
  }
  return node;
}

export function cliJsonSchema(name: CliJsonName): Json {
  const schema = z.toJSONSchema(CLI_JSON_DOCUMENTS[name], { io: 'output', unrepresentable: 'any' }) as Json;
  return openObjects({ ...(schema as object), $id: `https://mail-doctor.invalid/schemas/${name}.schema.json`, title: `mail-doctor ${name} --json` } as Json);
}

/** Every property path in a schema ("probes[].steps[].name"), for the no-rename/no-removal check. */
export function propertyPaths(schema: Json, prefix = ''): string[] {
  if (!schema || typeof schema !== 'object' || Array.isArray(schema)) return [];
  const s = schema as { [k: string]: Json };
  const out: string[] = [];
  const props = s.properties;
  if (props && typeof props === 'object' && !Array.isArray(props)) {
    for (const [k, v] of Object.entries(props)) {
      const p = prefix ? `${prefix}.${k}` : k;
      out.push(p, ...propertyPaths(v, p));
    }
  }
  if (s.items) out.push(...propertyPaths(s.items, `${prefix}[]`));
  for (const key of ['anyOf', 'oneOf', 'allOf'] as const) {
    const alts = s[key];
    if (Array.isArray(alts)) for (const alt of alts) out.push(...propertyPaths(alt, prefix));
  }
  return [...new Set(out)];
}
