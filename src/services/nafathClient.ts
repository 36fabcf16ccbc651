import { randomUUID } from 'node:crypto';
import { createRemoteJWKSet, jwtVerify } from 'jose';
import { NAFATH_PROVIDER_STATUSES, type NafathProviderStatus } from '../domain/nafath.ts';

/** What a verified Nafath result says; only ever built from a token whose signature checked out. */
export interface VerifiedNafathResult {
  transId: string;
  nationalId: string;
  status: string;
}

/** The provider, behind an interface so tests can put a fake server (or a stub) in its place. */
export interface NafathClient {
  startRequest(input: { nationalId: string }): Promise<{ transId: string; random: string }>;
  /** Polled by the waiting page; `token` is the signed result when the provider includes it. */
  status(input: { nationalId: string; transId: string; random: string }): Promise<{ status: NafathProviderStatus; token?: string }>;
  /** Verifies the result's JWT against the provider's published keys (RS256); throws when it does not hold. */
  verifyResult(token: string): Promise<VerifiedNafathResult>;
}

export class NafathUnavailableError extends Error {
  readonly status = 503;
  constructor(message = 'Nafath did not answer') {
    super(message);
    this.name = 'NafathUnavailableError';
  }
}

const TIMEOUT_MS = 10_000;

/**
 * Nafath's MFA API: POST /api/v1/mfa/request (national ID and service; answers a transaction id and the
 * random number), POST /api/v1/mfa/request/status (WAITING, COMPLETED, REJECTED, EXPIRED), the result's
 * keys at GET /api/v1/mfa/jwk. The application is identified by the APP-ID and APP-KEY headers.
 */
export function httpNafathClient(settings: { baseUrl: string; appId: string; appKey: string; service: string }, fetchImpl: typeof fetch = fetch): NafathClient {
  const keys = createRemoteJWKSet(new URL(`${settings.baseUrl}/api/v1/mfa/jwk`), { timeoutDuration: TIMEOUT_MS });
  const post = async (path: string, body: unknown) => {
    let response: Response;
    try {
      response = await fetchImpl(`${settings.baseUrl}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json', 'APP-ID': settings.appId, 'APP-KEY': settings.appKey },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
    } catch (error) {
      throw new NafathUnavailableError((error as Error).message);
    }
    if (!response.ok) throw new NafathUnavailableError(`Nafath answered ${response.status}`);
    return (await response.json()) as Record<string, unknown>;
  };

  return {
    async startRequest({ nationalId }) {
      const answer = await post(`/api/v1/mfa/request?local=ar&requestId=${randomUUID()}`, { nationalId, service: settings.service });
      if (typeof answer.transId !== 'string' || answer.random === undefined) throw new NafathUnavailableError('Nafath sent no transaction');
      return { transId: answer.transId, random: String(answer.random) };
    },
    async status(input) {
      const answer = await post('/api/v1/mfa/request/status', input);
      const status = String(answer.status) as NafathProviderStatus;
      if (!NAFATH_PROVIDER_STATUSES.includes(status)) throw new NafathUnavailableError(`unknown Nafath status ${status}`);
      return { status, token: typeof answer.token === 'string' ? answer.token : undefined };
    },
    async verifyResult(token) {
      const { payload } = await jwtVerify(token, keys, { algorithms: ['RS256'], requiredClaims: ['exp'] });
      const nationalId = payload.nationalId ?? payload.nin;
      if (typeof payload.transId !== 'string' || typeof nationalId !== 'string' || typeof payload.status !== 'string') throw new Error('Nafath result lacks its claims');
      return { transId: payload.transId, nationalId, status: payload.status };
    },
  };
}
