// A real HTTP proxy on 127.0.0.1 in front of the sandbox that can hold requests: a server that
// has not answered yet, for as long as a test needs, without timers. Records what went through.
import { createServer, request, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface HoldingProxy {
  readonly url: string;
  /** Request paths in arrival order (the QAPI method is the last segment). */
  readonly seen: string[];
  /** How many requests were answered (forwarded and their answer sent back). */
  answered(): number;
  /** How many requests are waiting for `release`. */
  waiting(): number;
  hold(): void;
  release(): void;
  close(): Promise<void>;
}

export async function startHoldingProxy(target: string): Promise<HoldingProxy> {
  const to = new URL(target);
  const seen: string[] = [];
  const queue: (() => void)[] = [];
  let held = false;
  let answered = 0;

  const forward = (req: IncomingMessage, res: ServerResponse): void => {
    const upstream = request(
      {
        hostname: to.hostname,
        port: to.port,
        method: req.method,
        path: req.url,
        headers: { ...req.headers, host: to.host },
      },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
        answer.on('end', () => (answered += 1));
      },
    );
    upstream.on('error', () => res.destroy());
    req.pipe(upstream);
  };

  const server = createServer((req, res) => {
    seen.push(req.url ?? '');
    if (held) queue.push(() => forward(req, res));
    else forward(req, res);
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${String(port)}`,
    seen,
    answered: () => answered,
    waiting: () => queue.length,
    hold() {
      held = true;
    },
    release() {
      held = false;
      for (const next of queue.splice(0)) next();
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((ok) => server.close(() => ok()));
    },
  };
}
