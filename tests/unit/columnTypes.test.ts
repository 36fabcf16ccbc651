import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MODEL_COLUMN_TYPES } from '../../src/data/columnTypes.ts';

/** Every model's DateTime and Boolean fields, read from the schema itself. */
function typedFieldsInSchema(): Record<string, Record<string, string>> {
  const schema = fs.readFileSync('prisma/schema.prisma', 'utf8');
  const models: Record<string, Record<string, string>> = {};
  for (const [, name, body] of schema.matchAll(/model (\w+) \{([\s\S]*?)\n\}/g)) {
    const fields: Record<string, string> = {};
    for (const line of body!.split('\n')) {
      const [field, type] = line.trim().split(/\s+/);
      if (!field || !type || field.startsWith('//') || field.startsWith('@@')) continue;
      const bare = type.replace(/\?$/, '');
      if (bare === 'DateTime') fields[field] = 'date';
      if (bare === 'Boolean') fields[field] = 'boolean';
    }
    models[name!] = fields;
  }
  return models;
}

describe('column types the SQL readers map', () => {
  it('name every DateTime and Boolean field of every model, and nothing else', () => {
    expect(MODEL_COLUMN_TYPES).toEqual(typedFieldsInSchema());
  });
});
