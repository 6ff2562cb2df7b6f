// Which server a login location talks to. One table, so the choice is reviewable in one place.
//
// Evidence (../shared/research/qoo10_api.md §1.1): the only QAPI host with public, working
// client code for the `ebayjapan.qapi` path this app speaks is https://api.qoo10.jp [V-3p:
// qiita Mikeinu, yosida001/qoo10-sdk, Syu0/crawler-pipeline]. Qpost's "China / other countries"
// choice picks where the *seller* is, not another marketplace: Chinese and other overseas
// sellers sell on Qoo10 Japan with the same QSM account, so they reach the same QAPI host [INF —
// no public source names a separate host for them; api.qoo10.sg serves the Singapore
// marketplace under another path (`Giosis.qapi`), so it is not a substitute]. Should a regional
// host ever be documented, only this table changes.
import type { LoginLocation } from '../../../shared/domain.js';
import { AppFailure } from '../../../shared/errors.js';

export const QOO10_JP_HOST = 'https://api.qoo10.jp';
/** Where the sandbox listens when the host configured none (`npm run sandbox` default port). */
export const DEFAULT_SANDBOX_URL = 'http://127.0.0.1:8787';

export const REMOTE_ENDPOINTS: Readonly<Record<'japan' | 'china' | 'other', string>> = {
  japan: QOO10_JP_HOST,
  china: QOO10_JP_HOST,
  other: QOO10_JP_HOST,
};

export interface EndpointOptions {
  /** The configured sandbox URL (CoreOptions.sandboxUrl). */
  sandboxUrl?: string | undefined;
  /** Only for location "custom". */
  serverUrl?: string | undefined;
}

function normalize(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new AppFailure('VALIDATION', `not a URL: ${url.slice(0, 80)}`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new AppFailure('VALIDATION', 'server URL must be http or https');
  }
  return `${parsed.origin}${parsed.pathname}`.replace(/\/+$/, '');
}

/** The base URL for a login location; throws VALIDATION for a missing or malformed custom URL. */
export function resolveEndpoint(location: LoginLocation, opts: EndpointOptions = {}): string {
  switch (location) {
    case 'japan':
    case 'china':
    case 'other':
      return REMOTE_ENDPOINTS[location];
    case 'sandbox':
      return normalize(opts.sandboxUrl ?? DEFAULT_SANDBOX_URL);
    case 'custom':
      if (opts.serverUrl === undefined || opts.serverUrl === '') {
        throw new AppFailure('VALIDATION', 'a custom login location needs a server URL');
      }
      return normalize(opts.serverUrl);
  }
}
