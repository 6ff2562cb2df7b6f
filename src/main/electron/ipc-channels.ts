// The two IPC channels between the preload and the main process, shared by both ends.
/** `ipcRenderer.invoke(INBOX_CHANNEL, method, payload)` → `Result`. */
export const INBOX_CHANNEL = 'inbox';
/** Main → renderer: `(eventName, payload)` for every core event. */
export const INBOX_EVENT_CHANNEL = 'inbox:event';
