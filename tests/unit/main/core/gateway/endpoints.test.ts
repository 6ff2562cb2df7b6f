import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SANDBOX_URL,
  REMOTE_ENDPOINTS,
  resolveEndpoint,
} from '../../../../../src/main/core/gateway/endpoints.js';
import { AppFailure } from '../../../../../src/shared/errors.js';

describe('resolveEndpoint', () => {
  it('maps the Qoo10 login locations to the QAPI host of the table', () => {
    for (const loc of ['japan', 'china', 'other'] as const) {
      expect(resolveEndpoint(loc)).toBe(REMOTE_ENDPOINTS[loc]);
      expect(resolveEndpoint(loc)).toMatch(/^https:\/\/api\.qoo10\.jp$/);
    }
  });

  it('uses the configured sandbox, or the default one', () => {
    expect(resolveEndpoint('sandbox', { sandboxUrl: 'http://127.0.0.1:9999/' })).toBe(
      'http://127.0.0.1:9999',
    );
    expect(resolveEndpoint('sandbox')).toBe(DEFAULT_SANDBOX_URL);
  });

  it('accepts a custom http(s) URL and refuses anything else', () => {
    expect(resolveEndpoint('custom', { serverUrl: 'https://qapi.example.com/base/' })).toBe(
      'https://qapi.example.com/base',
    );
    for (const bad of [undefined, '', 'ftp://x', 'not a url', 'javascript:alert(1)']) {
      expect(() => resolveEndpoint('custom', { serverUrl: bad })).toThrow(AppFailure);
    }
  });
});
