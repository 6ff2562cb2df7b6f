// A scripted HTTP server on 127.0.0.1 for transport tests: each request takes the next step
// (an answer, a 5xx, a dropped socket, a stall) and is recorded for assertions.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Step =
  | { json: unknown; status?: number; headers?: Record<string, string> }
  | { text: string; status?: number; headers?: Record<string, string> }
  | { drop: true }
  | { stallMs: number };

export interface Recorded {
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}

export interface ScriptServer {
  url: string;
  requests: Recorded[];
  push(...steps: Step[]): void;
  close(): Promise<void>;
}

export async function startScriptServer(): Promise<ScriptServer> {
  const steps: Step[] = [];
  const requests: Recorded[] = [];
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (c: string) => (body += c));
    req.on('end', () => {
      requests.push({ url: req.url ?? '', headers: req.headers, body });
      const step = steps.shift() ?? { json: { ErrorCode: -1, ErrorMsg: 'script exhausted' } };
      if ('drop' in step) {
        req.socket.destroy();
        return;
      }
      if ('stallMs' in step) {
        setTimeout(() => res.destroy(), step.stallMs);
        return;
      }
      const payload = 'json' in step ? JSON.stringify(step.json) : step.text;
      res.writeHead(step.status ?? 200, {
        'content-type': 'json' in step ? 'application/json' : 'text/html',
        ...step.headers,
      });
      res.end(payload);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    push: (...s) => steps.push(...s),
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export const ok = (result: unknown): Step => ({
  json: { ResultCode: 0, ResultMsg: 'SUCCESS', ResultObject: result },
});
export const wireError = (code: number, extra: Record<string, unknown> = {}): Step => ({
  json: { ErrorCode: code, ErrorMsg: 'scripted', ...extra },
});
