import type { DataAccess } from '../data/index.ts';
import {
  fromProviderStatus,
  nafathRequestExpiresAt,
  nafathRequestState,
  resultProves,
  type NafathPurpose,
  type NafathRequestStatus,
} from '../domain/nafath.ts';
import type { Clock } from './clock.ts';
import { NafathUnavailableError, type NafathClient } from './nafathClient.ts';

export type NafathCheck = NafathRequestStatus | 'used' | 'unknown';
export type NafathConsumed =
  | { ok: true; nationalId: string; purpose: NafathPurpose; beneficiaryId: number | null }
  | { ok: false; state: NafathCheck };

/**
 * Requests to Nafath and their outcomes, kept in the database so the callback, the polling page and a
 * second server agree. A COMPLETED is believed only with a result token that verifies against Nafath's
 * keys and names this transaction and ID; a rejection or expiry from the status call only loses access.
 */
export function nafathService(data: DataAccess, clock: Clock, client: NafathClient | null) {
  const requests = data.repositories.nafath;

  /** Settles a waiting request from a verified token; false when the token proves nothing for it. */
  async function settleFromToken(token: string): Promise<{ ok: boolean; transId?: string }> {
    let claims;
    try {
      claims = await (client as NafathClient).verifyResult(token);
    } catch {
      return { ok: false };
    }
    const request = await requests.findByTransId(claims.transId);
    if (!request) return { ok: false };
    const now = clock.now();
    if (nafathRequestState({ ...request, status: request.status as NafathRequestStatus }, now) !== 'waiting') return { ok: false, transId: request.transId };
    if (claims.status === 'COMPLETED' && !resultProves(claims, request)) return { ok: false, transId: request.transId };
    const status = claims.status === 'COMPLETED' ? 'completed' : claims.status === 'REJECTED' ? 'rejected' : 'expired';
    return { ok: await requests.settle(request.transId, status, now), transId: request.transId };
  }

  return {
    enabled: client !== null,

    async start(input: { nationalId: string; purpose: NafathPurpose; beneficiaryId?: number | null }): Promise<{ transId: string; random: string }> {
      if (!client) throw new Error('Nafath is not configured');
      const started = await client.startRequest({ nationalId: input.nationalId });
      const now = clock.now();
      await requests.create({
        transId: started.transId,
        nationalId: input.nationalId,
        randomNumber: started.random,
        purpose: input.purpose,
        beneficiaryId: input.beneficiaryId ?? null,
        createdAt: now,
        expiresAt: nafathRequestExpiresAt(now),
      });
      return started;
    },

    /** Where the request stands; while it waits, asks Nafath once. */
    async check(transId: string): Promise<NafathCheck> {
      const request = await requests.findByTransId(transId);
      if (!request || !client) return 'unknown';
      const state = nafathRequestState({ ...request, status: request.status as NafathRequestStatus }, clock.now());
      if (state !== 'waiting') return state;
      let answer;
      try {
        answer = await client.status({ nationalId: request.nationalId, transId, random: request.randomNumber });
      } catch (error) {
        // A missed poll is not an answer: the next one, the callback or the time limit settles it.
        if (error instanceof NafathUnavailableError) return 'waiting';
        throw error;
      }
      if (answer.status === 'WAITING') return 'waiting';
      if (answer.status === 'COMPLETED') {
        // Without a signed result (it may still come by the callback) the request keeps waiting.
        if (answer.token) await settleFromToken(answer.token);
      } else {
        await requests.settle(transId, fromProviderStatus(answer.status), clock.now());
      }
      const after = await requests.findByTransId(transId);
      return after ? nafathRequestState({ ...after, status: after.status as NafathRequestStatus }, clock.now()) : 'unknown';
    },

    /** Nafath's callback: the token is the only thing believed, and only once per request. */
    async acceptCallback(token: string): Promise<boolean> {
      if (!client) return false;
      return (await settleFromToken(token)).ok;
    },

    /** Uses a completed request once; a second use (a replay) is refused. */
    async consume(transId: string): Promise<NafathConsumed> {
      const request = await requests.findByTransId(transId);
      if (!request) return { ok: false, state: 'unknown' };
      const state = nafathRequestState({ ...request, status: request.status as NafathRequestStatus }, clock.now());
      if (state !== 'completed' || !(await requests.consume(transId, clock.now()))) return { ok: false, state: state === 'completed' ? 'used' : state };
      return { ok: true, nationalId: request.nationalId, purpose: request.purpose as NafathPurpose, beneficiaryId: request.beneficiaryId };
    },

    async randomNumberOf(transId: string): Promise<string | null> {
      return (await requests.findByTransId(transId))?.randomNumber ?? null;
    },
  };
}
export type NafathService = ReturnType<typeof nafathService>;
