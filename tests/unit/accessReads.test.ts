import { describe, expect, it } from 'vitest';
import { groupReadsByDay } from '../../src/domain/accessReads.ts';

const read = (
  at: string,
  role = 'relations_officer',
  resource = 'request_file',
  requestId: number | null = 7,
) => ({ at: new Date(at), role, resource, requestId });

describe('the reads a beneficiary is told about', () => {
  it('makes one line per Riyadh day, role, thing read and request, counting the reads', () => {
    const groups = groupReadsByDay([
      read('2026-03-02T10:00:00Z'),
      read('2026-03-01T22:30:00Z'), // 01:30 on 2 March in Riyadh
      read('2026-03-01T20:00:00Z'), // 23:00 on 1 March in Riyadh
      read('2026-03-01T09:00:00Z', 'manager'),
      read('2026-03-01T08:00:00Z', 'relations_officer', 'beneficiary_file', null),
      read('2026-03-01T07:00:00Z', 'relations_officer', 'request_file', 8),
    ], 'Asia/Riyadh');
    expect(groups).toEqual([
      {
        day: '2026-03-02',
        role: 'relations_officer',
        resource: 'request_file',
        requestId: 7,
        reads: 2,
        lastReadAt: new Date('2026-03-02T10:00:00Z'),
      },
      {
        day: '2026-03-01',
        role: 'relations_officer',
        resource: 'request_file',
        requestId: 7,
        reads: 1,
        lastReadAt: new Date('2026-03-01T20:00:00Z'),
      },
      {
        day: '2026-03-01',
        role: 'manager',
        resource: 'request_file',
        requestId: 7,
        reads: 1,
        lastReadAt: new Date('2026-03-01T09:00:00Z'),
      },
      {
        day: '2026-03-01',
        role: 'relations_officer',
        resource: 'beneficiary_file',
        requestId: null,
        reads: 1,
        lastReadAt: new Date('2026-03-01T08:00:00Z'),
      },
      {
        day: '2026-03-01',
        role: 'relations_officer',
        resource: 'request_file',
        requestId: 8,
        reads: 1,
        lastReadAt: new Date('2026-03-01T07:00:00Z'),
      },
    ]);
  });

  it('says nothing when no one has read the file', () => {
    expect(groupReadsByDay([], 'Asia/Riyadh')).toEqual([]);
  });
});
