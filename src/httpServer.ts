import http from 'node:http';
import type { RequestListener } from 'node:http';

export interface ServerTimeouts {
  /** Whole request, body included: a client holding a request open is answered 408 and disconnected. */
  requestTimeoutMs: number;
  /** Until the last header line. */
  headersTimeoutMs: number;
  /** An idle kept-alive connection between two requests. */
  keepAliveTimeoutMs: number;
}

/**
 * The portal's HTTP server. Node checks the request and header timeouts on a timer (30 s by default), so the
 * timer follows the shortest timeout; otherwise a held-open request could last far longer than configured.
 */
export function createHttpServer(app: RequestListener, timeouts: ServerTimeouts): http.Server {
  const server = http.createServer(
    {
      requestTimeout: timeouts.requestTimeoutMs,
      headersTimeout: timeouts.headersTimeoutMs,
      connectionsCheckingInterval: Math.max(10, Math.min(1000, Math.floor(timeouts.headersTimeoutMs / 4))),
    },
    app,
  );
  server.keepAliveTimeout = timeouts.keepAliveTimeoutMs;
  return server;
}
