import net from 'node:net';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpServer } from '../../../src/httpServer.ts';
import { createTestApp, type TestApp } from '../../support/testApp.ts';

/** Sends `head` and then nothing more; resolves with what the server answered when it closed the connection. */
function holdOpen(server: Server, head: string): Promise<string> {
  const { port } = server.address() as AddressInfo;
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1', () => socket.write(head));
    let answer = '';
    socket.on('data', (chunk) => (answer += chunk.toString('latin1')));
    socket.on('close', () => resolve(answer));
    socket.on('error', reject);
  });
}

describe('a client that never finishes its request', () => {
  let testApp: TestApp;
  let server: Server;
  beforeAll(async () => {
    testApp = await createTestApp();
    // Small timeouts keep the test quick; production uses REQUEST_TIMEOUT_SECONDS and HEADERS_TIMEOUT_SECONDS.
    server = createHttpServer(testApp.app, { requestTimeoutMs: 400, headersTimeoutMs: 200, keepAliveTimeoutMs: 100 });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    await testApp.close();
  });

  it('is answered 408 and disconnected when its body never arrives', async () => {
    const answer = await holdOpen(
      server,
      'POST /staff/login HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 1000\r\n\r\nemail=a',
    );
    expect(answer).toMatch(/^HTTP\/1\.1 408/);
  });

  it('is answered 408 and disconnected when its headers never end', async () => {
    const answer = await holdOpen(server, 'GET / HTTP/1.1\r\nHost: localhost\r\nX-Slow: ');
    expect(answer).toMatch(/^HTTP\/1\.1 408/);
  });

  it('still serves a normal request', async () => {
    const answer = await holdOpen(server, 'GET /healthz HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n');
    expect(answer).toMatch(/^HTTP\/1\.1 200/);
  });
});

describe('server timeouts from the configuration', () => {
  it('are read from the environment, with safe defaults', async () => {
    const { loadConfig } = await import('../../../src/config.ts');
    expect(loadConfig({}).serverTimeouts).toEqual({ requestTimeoutMs: 60_000, headersTimeoutMs: 15_000, keepAliveTimeoutMs: 5_000 });
    expect(loadConfig({ REQUEST_TIMEOUT_SECONDS: '30', HEADERS_TIMEOUT_SECONDS: '10' }).serverTimeouts.requestTimeoutMs).toBe(30_000);
    expect(() => loadConfig({ REQUEST_TIMEOUT_SECONDS: '10', HEADERS_TIMEOUT_SECONDS: '20' })).toThrow(/HEADERS_TIMEOUT_SECONDS/);
  });
});
