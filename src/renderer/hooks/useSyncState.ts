// Header state: online/offline from connectivity events, syncing from progress events, and the
// core's own sync status for the last sync time and errors.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { SyncStatus } from '../../shared/api.js';
import { call, callAfterFirstPaint } from '../api.js';
import { useBridgeEvent } from './useBridgeEvent.js';

export interface SyncView {
  status: SyncStatus | null;
  online: boolean;
  syncing: boolean;
  fetched: number;
}

export function useSyncState() {
  const [view, setView] = useState<SyncView>({
    status: null,
    online: true,
    syncing: false,
    fetched: 0,
  });

  const read = useCallback(async () => {
    const res = await callAfterFirstPaint('syncStatus', {});
    if (res.ok) {
      const status = res.value;
      setView((v) => ({
        ...v,
        status,
        syncing: status.state === 'syncing',
        online: status.state === 'offline' ? false : v.online,
      }));
    }
  }, []);

  useEffect(() => {
    void read();
  }, [read]);

  // Each shop reports how much its pass has fetched so far; shops sync side by side.
  const fetchedByShop = useRef(new Map<string, number>());
  useBridgeEvent('syncProgress', (p) => {
    const shops = fetchedByShop.current;
    if (p.done) shops.delete(p.shopId);
    else shops.set(p.shopId, p.fetched);
    let fetched = 0;
    for (const n of shops.values()) fetched += n;
    setView((v) => ({ ...v, syncing: shops.size > 0, fetched }));
    if (p.done) void read();
  });
  useBridgeEvent('connectivity', ({ online }) => {
    setView((v) => ({ ...v, online }));
    void read();
  });

  const syncNow = useCallback(async () => {
    setView((v) => ({ ...v, syncing: true }));
    const res = await call('syncNow', {});
    if (res.ok) {
      const status = res.value;
      setView((v) => ({ ...v, status, syncing: status.state === 'syncing' }));
    } else {
      setView((v) => ({ ...v, syncing: false }));
    }
    return res;
  }, []);

  return { ...view, syncNow };
}
