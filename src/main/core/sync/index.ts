export { createSyncEngine, type SyncEngine, type SyncEngineOptions } from './engine.js';
export { createConnectivity, type Connectivity } from './connectivity.js';
export { noEmit, yieldToLoop, type Emit } from './events.js';
export type { ShopSyncResult } from './feed-sync.js';
export { readSyncState, type ShopSyncState } from './state.js';
