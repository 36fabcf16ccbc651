import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PROCESSING_RECORD } from '../../src/domain/processingRecord.ts';
import { RETENTION_CATEGORIES } from '../../src/domain/retention.ts';

const schema = readFileSync(new URL('../../prisma/schema.prisma', import.meta.url), 'utf8');
const fieldsOf = (model: string) => {
  const block = new RegExp(`model ${model} \\{([\\s\\S]*?)\\n\\}`).exec(schema)?.[1] ?? '';
  return block.split('\n').map((line) => line.trim().split(/\s+/)[0]).filter(Boolean);
};

describe('record of processing', () => {
  it('names only fields that exist in the schema', () => {
    for (const category of PROCESSING_RECORD) {
      for (const field of category.fields) {
        const [model, name] = field.split('.') as [string, string];
        expect(fieldsOf(model), field).toContain(name);
      }
    }
  });

  it('gives every retention category a home in some category of data', () => {
    const covered = new Set(PROCESSING_RECORD.flatMap((category) => category.retention));
    expect([...RETENTION_CATEGORIES].filter((category) => !covered.has(category))).toEqual([]);
  });
});
