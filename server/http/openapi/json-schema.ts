/**
 * zod → JSON Schema 2020-12 (OpenAPI 3.1's dialect) with `z.toJSONSchema`:
 * request schemas as their input (what a client sends: defaults optional),
 * response schemas as their output. Every named schema becomes a component,
 * and a named schema used inside another becomes a `$ref` to it.
 */
import { z } from 'zod';
import { ruleSchema } from '../../../protocol/index.js';
import type { Named } from './route-doc.js';
import { RuleDoc } from './models/shared.js';

export type JsonSchema = Record<string, unknown>;

export const schemaRef = (name: string) => `#/components/schemas/${name}`;

/**
 * `ruleSchema` is a pipe from `unknown` (its size is checked on the raw JSON
 * first), so its input would document as `{}`: point it at the Rule component.
 */
function pointRulesAtComponent(ctx: { zodSchema: unknown; jsonSchema: JsonSchema }): void {
  if (ctx.zodSchema !== ruleSchema) return;
  for (const key of Object.keys(ctx.jsonSchema)) delete ctx.jsonSchema[key];
  ctx.jsonSchema.$ref = schemaRef(RuleDoc.name);
}

const OPTIONS = { target: 'draft-2020-12', unrepresentable: 'any', override: pointRulesAtComponent } as const;

/** Each named schema and the ones it includes, by name; one name is one schema. */
function collect(roots: readonly Named[], into = new Map<string, Named>()): Map<string, Named> {
  for (const item of roots) {
    const known = into.get(item.name);
    if (known && known.schema !== item.schema) throw new Error(`OpenAPI: two different schemas are named ${item.name}`);
    if (known) continue;
    into.set(item.name, item);
    collect(item.includes ?? [], into);
  }
  return into;
}

function convert(items: Map<string, Named>, io: 'input' | 'output'): Record<string, JsonSchema> {
  const registry = z.registry<{ id: string }>();
  const seen = new Map<z.ZodType, string>();
  for (const { name, schema } of items.values()) {
    const other = seen.get(schema);
    if (other !== undefined) throw new Error(`OpenAPI: one schema is named both ${other} and ${name}`);
    seen.set(schema, name);
    registry.add(schema, { id: name });
  }
  const { schemas } = z.toJSONSchema(registry, { ...OPTIONS, io, uri: schemaRef });
  const out: Record<string, JsonSchema> = {};
  for (const [name, schema] of Object.entries(schemas)) {
    const { $schema: _dialect, $id: _id, ...rest } = schema as JsonSchema;
    out[name] = io === 'output' ? openObjects(rest) : rest;
  }
  return out;
}

/**
 * Answers may grow keys (clients must ignore keys they do not know; a search
 * adds `match`), so response objects are open: zod's output mode closes them.
 */
function openObjects<T>(node: T): T {
  if (Array.isArray(node)) return node.map(openObjects) as T;
  if (typeof node !== 'object' || node === null) return node;
  const copy: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === 'additionalProperties' && value === false) continue;
    copy[key] = openObjects(value);
  }
  return copy as T;
}

/**
 * The `components.schemas` of the document. The Rule component is in both
 * sets (its input and output are the same), so both can refer to it.
 */
export function schemaComponents(requests: readonly Named[], responses: readonly Named[]): Record<string, JsonSchema> {
  const input = collect([RuleDoc, ...requests]);
  const output = collect([RuleDoc, ...responses]);
  for (const [name, item] of input) {
    const clash = output.get(name);
    if (clash && clash.schema !== item.schema) throw new Error(`OpenAPI: ${name} names both a request and a response schema`);
  }
  return { ...convert(output, 'output'), ...convert(input, 'input') };
}

/** An object schema's properties as OpenAPI query parameters. */
export function queryParameters(schema: z.ZodType): JsonSchema[] {
  const json = z.toJSONSchema(schema, { ...OPTIONS, io: 'input' }) as JsonSchema;
  const properties = json.properties as Record<string, JsonSchema> | undefined;
  if (json.type !== 'object' || !properties) throw new Error('OpenAPI: a query schema must be an object');
  if (json.$defs) throw new Error('OpenAPI: a query schema must not need $defs');
  const required = new Set((json.required as string[] | undefined) ?? []);
  return Object.entries(properties).map(([name, property]) => {
    const { description, ...rest } = property;
    return { name, in: 'query', required: required.has(name), ...(description ? { description } : {}), schema: rest };
  });
}
