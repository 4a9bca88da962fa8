// Puts the keys of a parsed value in the order its zod schema declares them, so output never
// depends on the order in which the pipeline happened to build an object.
import type { $ZodType, $ZodTypes } from 'zod/v4/core';

export function orderBySchema(value: unknown, schema: $ZodType): unknown {
  if (value === null || typeof value !== 'object') return value;
  const def = (schema as $ZodTypes)._zod.def;
  switch (def.type) {
    case 'nullable':
    case 'optional':
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'nonoptional':
    case 'catch':
      return orderBySchema(value, def.innerType);
    case 'pipe':
      return orderBySchema(value, def.out);
    case 'lazy':
      return orderBySchema(value, def.getter());
    case 'array':
      return Array.isArray(value) ? value.map((v) => orderBySchema(v, def.element)) : value;
    case 'tuple':
      return Array.isArray(value) ? value.map((v, i) => orderBySchema(v, def.items[i] ?? def.rest ?? def.items[0]!)) : value;
    case 'object':
      return orderKeys(value as Record<string, unknown>, Object.keys(def.shape), (key) => def.shape[key] ?? def.catchall);
    case 'record': {
      const keyDef = (def.keyType as $ZodTypes)._zod.def;
      const known = keyDef.type === 'enum' ? Object.values(keyDef.entries).map(String) : [];
      return orderKeys(value as Record<string, unknown>, known, () => def.valueType);
    }
    default:
      return value;
  }
}

/** Known keys first in declared order, then any others sorted, so the result is always deterministic. */
function orderKeys(
  value: Record<string, unknown>,
  declared: readonly string[],
  schemaOf: (key: string) => $ZodType | undefined,
): Record<string, unknown> {
  const present = new Set(Object.keys(value));
  const keys = declared.filter((k) => present.has(k));
  const rest = [...present].filter((k) => !declared.includes(k)).sort();
  const out: Record<string, unknown> = {};
  for (const key of [...keys, ...rest]) {
    const child = schemaOf(key);
    out[key] = child ? orderBySchema(value[key], child) : orderPlain(value[key]);
  }
  return out;
}

function orderPlain(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(orderPlain);
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) out[key] = orderPlain((value as Record<string, unknown>)[key]);
  return out;
}

