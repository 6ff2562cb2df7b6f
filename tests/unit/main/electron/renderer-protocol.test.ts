import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  createRendererHandler,
  resolveRendererFile,
} from '../../../../src/main/electron/renderer-protocol.js';

const root = mkdtempSync(join(tmpdir(), 'toiawase-renderer-'));
mkdirSync(join(root, 'assets'));
writeFileSync(join(root, 'index.html'), '<!doctype html><title>Toiawase</title>');
writeFileSync(join(root, 'assets', 'app.js'), 'console.log(1)');
writeFileSync(join(tmpdir(), 'toiawase-secret.txt'), 'outside');
afterAll(() => rmSync(root, { recursive: true, force: true }));

const handler = createRendererHandler(root, "default-src 'none'; script-src 'self'");

describe('app:// renderer protocol', () => {
  it('serves the bundle with the CSP on every response', async () => {
    const res = await handler(new Request('app://toiawase/index.html'));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('content-security-policy')).toBe(
      "default-src 'none'; script-src 'self'",
    );
    expect(await res.text()).toContain('<title>Toiawase</title>');
    const js = await handler(new Request('app://toiawase/assets/app.js'));
    expect(js.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect((await handler(new Request('app://toiawase/'))).status).toBe(200);
  });

  it('refuses paths outside the bundle, other hosts, other methods and missing files', async () => {
    for (const url of [
      'app://toiawase/../toiawase-secret.txt',
      'app://toiawase/%2e%2e/toiawase-secret.txt',
      'app://toiawase/assets/%2e%2e%2f%2e%2e%2ftoiawase-secret.txt',
      'app://other/index.html',
      'app://toiawase/missing.js',
      'app://toiawase/%E0%A4%A',
    ]) {
      const res = await handler(new Request(url));
      expect(res.status, url).toBe(404);
      expect(res.headers.get('content-security-policy')).not.toBeNull();
    }
    const post = await handler(
      new Request('app://toiawase/index.html', { method: 'POST', body: 'x' }),
    );
    expect(post.status).toBe(404);
  });

  it('resolves only inside the root', () => {
    expect(resolveRendererFile(root, 'app://toiawase/assets/app.js')).toBe(
      join(root, 'assets', 'app.js'),
    );
    expect(resolveRendererFile(root, 'app://toiawase/a%00b')).toBeNull();
    expect(resolveRendererFile(root, 'https://toiawase/index.html')).toBeNull();
  });
});
