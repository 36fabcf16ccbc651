import type { Db } from './prismaClient.ts';

export function nafathRepository(db: Db) {
  return {
    create: (input: { transId: string; nationalId: string; randomNumber: string; purpose: string; beneficiaryId: number | null; createdAt: Date; expiresAt: Date }) =>
      db.nafathRequest.create({ data: { ...input, status: 'waiting' } }),
    findByTransId: (transId: string) => db.nafathRequest.findUnique({ where: { transId } }),
    /** Only a request still waiting takes an outcome: a second answer (a replayed callback) changes nothing. */
    settle: async (transId: string, status: string, at: Date) =>
      (await db.nafathRequest.updateMany({ where: { transId, status: 'waiting', consumedAt: null }, data: { status, completedAt: at } })).count === 1,
    /** True once, for the first caller: the same verified result never signs in twice, even on two servers. */
    consume: async (transId: string, at: Date) =>
      (await db.nafathRequest.updateMany({ where: { transId, status: 'completed', consumedAt: null }, data: { consumedAt: at } })).count === 1,
  };
}
