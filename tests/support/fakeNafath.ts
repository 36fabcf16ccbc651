import http from 'node:http';
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey } from 'jose';

type Status = 'WAITING' | 'COMPLETED' | 'REJECTED' | 'EXPIRED';
interface Transaction {
  transId: string;
  nationalId: string;
  random: string;
  status: Status;
  /** How the token the status call returns is made, once COMPLETED. */
  token: 'good' | 'wrong_key' | 'expired' | 'none';
}

export const FAKE_APP_ID = 'tayseer-test';
export const FAKE_APP_KEY = 'fake-nafath-key';

/**
 * A local stand-in for Nafath's MFA API over real HTTP: the request, status and JWKS endpoints, with
 * results signed RS256 by a key it publishes (and, on demand, by one it does not, or already expired).
 */
export async function startFakeNafath() {
  const { publicKey, privateKey } = await generateKeyPair('RS256', { extractable: true });
  const stranger = await generateKeyPair('RS256');
  const jwk = { ...(await exportJWK(publicKey)), kid: 'nafath-test-1', alg: 'RS256', use: 'sig' };
  const transactions = new Map<string, Transaction>();
  const calls: { path: string; appId?: string; body: unknown }[] = [];

  const sign = async (transaction: Transaction, how: 'good' | 'wrong_key' | 'expired', status: Status = transaction.status) => {
    const key: CryptoKey = how === 'wrong_key' ? stranger.privateKey : privateKey;
    const issuedAt = Math.floor(Date.now() / 1000) - (how === 'expired' ? 3_600 : 0);
    return new SignJWT({ status, transId: transaction.transId, nationalId: transaction.nationalId })
      .setProtectedHeader({ alg: 'RS256', kid: jwk.kid })
      .setIssuedAt(issuedAt)
      .setExpirationTime(issuedAt + 300)
      .sign(key);
  };

  const server = http.createServer((req, res) => {
    let raw = '';
    req.on('data', (chunk) => (raw += chunk));
    req.on('end', async () => {
      const url = new URL(req.url ?? '/', 'http://fake');
      const body = raw ? JSON.parse(raw) : {};
      calls.push({ path: url.pathname, appId: req.headers['app-id'] as string | undefined, body });
      const send = (status: number, payload: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(payload));
      };
      if (req.method === 'GET' && url.pathname === '/api/v1/mfa/jwk') return send(200, { keys: [jwk] });
      if (req.headers['app-id'] !== FAKE_APP_ID || req.headers['app-key'] !== FAKE_APP_KEY) return send(401, { message: 'unauthorised' });
      if (req.method === 'POST' && url.pathname === '/api/v1/mfa/request') {
        const transaction: Transaction = { transId: randomUUID(), nationalId: String(body.nationalId), random: String(10 + transactions.size * 7 % 89), status: 'WAITING', token: 'good' };
        transactions.set(transaction.transId, transaction);
        return send(200, { transId: transaction.transId, random: transaction.random });
      }
      if (req.method === 'POST' && url.pathname === '/api/v1/mfa/request/status') {
        const transaction = transactions.get(String(body.transId));
        if (!transaction || transaction.random !== String(body.random) || transaction.nationalId !== String(body.nationalId)) return send(400, { message: 'unknown transaction' });
        const token = transaction.status === 'COMPLETED' && transaction.token !== 'none' ? await sign(transaction, transaction.token) : undefined;
        return send(200, { status: transaction.status, ...(token ? { token } : {}) });
      }
      send(404, { message: 'not found' });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  const find = (transId?: string) => {
    const transaction = transId ? transactions.get(transId) : [...transactions.values()].at(-1);
    if (!transaction) throw new Error('no such Nafath transaction');
    return transaction;
  };

  return {
    url: `http://127.0.0.1:${port}`,
    env: { NAFATH_BASE_URL: `http://127.0.0.1:${port}`, NAFATH_APP_ID: FAKE_APP_ID, NAFATH_APP_KEY: FAKE_APP_KEY },
    calls,
    latest: () => find(),
    /** The person chose the number in the app; `token` says how the result the status call returns is signed. */
    complete: (options: { transId?: string; token?: Transaction['token'] } = {}) => {
      const transaction = find(options.transId);
      transaction.status = 'COMPLETED';
      transaction.token = options.token ?? 'good';
      return transaction;
    },
    reject: (transId?: string) => void (find(transId).status = 'REJECTED'),
    expire: (transId?: string) => void (find(transId).status = 'EXPIRED'),
    /** A result token as Nafath's callback would carry it. */
    callbackToken: (options: { transId?: string; how?: 'good' | 'wrong_key' | 'expired'; status?: Status } = {}) => sign(find(options.transId), options.how ?? 'good', options.status ?? 'COMPLETED'),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
export type FakeNafath = Awaited<ReturnType<typeof startFakeNafath>>;
