import { todayIso, type IsoDate } from './dates.ts';

/** One staff read as a beneficiary may see it: the role and the time, never the person or their address. */
export interface ReadByRole {
  at: Date;
  role: string;
  resource: string;
  requestId: number | null;
}

export interface ReadsOnADay {
  /** The day in Riyadh, as people there count days. */
  day: IsoDate;
  role: string;
  resource: string;
  requestId: number | null;
  reads: number;
  lastReadAt: Date;
}

/**
 * What the "my data" page tells a beneficiary about the access log: one line per day, role, thing
 * read and request, newest day first. Ten page loads by one officer in a morning are one line.
 */
export function groupReadsByDay(reads: readonly ReadByRole[], timeZone: string): ReadsOnADay[] {
  const groups = new Map<string, ReadsOnADay>();
  for (const read of reads) {
    const day = todayIso(read.at, timeZone);
    const key = [day, read.role, read.resource, read.requestId ?? ''].join('|');
    const group = groups.get(key);
    if (!group)
      groups.set(key, {
        day,
        role: read.role,
        resource: read.resource,
        requestId: read.requestId,
        reads: 1,
        lastReadAt: read.at,
      });
    else {
      group.reads += 1;
      if (read.at > group.lastReadAt) group.lastReadAt = read.at;
    }
  }
  return [...groups.values()].sort((a, b) => b.lastReadAt.getTime() - a.lastReadAt.getTime());
}
