export {
  createSession,
  SANDBOX_API_KEY,
  VAULT_ENTRY,
  type Session,
  type SessionOptions,
} from './session.js';
