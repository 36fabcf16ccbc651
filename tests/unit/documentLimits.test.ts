import { describe, expect, it } from 'vitest';
import { documentLimitRefusal } from '../../src/domain/documentLimits.ts';

const MB = 1024 * 1024;
const limits = { maxCount: 3, maxTotalMegabytes: 2 };

describe('documents a request may hold', () => {
  it('accepts a document while the request stays within both limits', () => {
    expect(documentLimitRefusal([], 2 * MB, limits)).toBeNull();
    expect(documentLimitRefusal([MB / 2, MB / 2], MB, limits)).toBeNull();
  });

  it('refuses one document more than the count allows', () => {
    expect(documentLimitRefusal([1, 1, 1], 1, limits)).toEqual({ code: 'apply:errors.documentCountLimit', params: { max: 3 } });
  });

  it('refuses a document that would take the total over the bytes allowed', () => {
    expect(documentLimitRefusal([MB], MB + 1, limits)).toEqual({ code: 'apply:errors.documentTotalLimit', params: { max: 2 } });
  });
});
