import { describe, expect, it } from 'vitest';
import { classifySearch } from '../../src/services/receptionService.ts';
import { parseMissingItems } from '../../src/services/verificationService.ts';

describe('classifySearch', () => {
  it('reads references, IDs, mobiles and names', () => {
    expect(classifySearch(' mzl-2026-٠٠٠٠١٢ ')).toEqual({ by: 'reference', value: 'MZL-2026-000012' });
    expect(classifySearch('١٠٠٠٠٠٠٠٠٢')).toMatchObject({ by: 'nationalId' });
    expect(classifySearch('+966 50 123 4567')).toEqual({ by: 'mobile', value: '+966501234567' });
    expect(classifySearch('فاطمة')).toEqual({ by: 'name', value: 'فاطمة' });
  });
  it('rejects empty, one-letter and stray-number input', () => {
    expect(classifySearch('')).toBeNull();
    expect(classifySearch('ف')).toBeNull();
    expect(classifySearch('12345')).toBeNull();
  });
});

describe('parseMissingItems', () => {
  it('keeps one item a line, without blanks or duplicates', () => {
    expect(parseMissingItems('عقد الإيجار\r\n\n  تعريف   بالراتب \nعقد الإيجار')).toEqual(['عقد الإيجار', 'تعريف بالراتب']);
    expect(parseMissingItems(undefined)).toEqual([]);
  });
});
