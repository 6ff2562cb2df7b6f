// Qoo10 speaks Japan Standard Time on the wire ("yyyy-MM-dd HH:mm:ss", yyyyMMdd, yyyyMMddHHmmss).
// The app keeps ISO-8601 with an explicit offset. JST has no daylight saving, so plain offset
// arithmetic is exact and needs no time-zone database.
const JST_OFFSET_MS = 9 * 60 * 60 * 1000;

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

function jstParts(ms: number): [number, number, number, number, number, number] {
  const d = new Date(ms + JST_OFFSET_MS);
  return [
    d.getUTCFullYear(),
    d.getUTCMonth() + 1,
    d.getUTCDate(),
    d.getUTCHours(),
    d.getUTCMinutes(),
    d.getUTCSeconds(),
  ];
}

/** Epoch ms → "yyyy-MM-dd HH:mm:ss" in JST (Qoo10's wire format for dates in rows). */
export function toWireDate(ms: number): string {
  const [y, mo, d, h, mi, s] = jstParts(ms);
  return `${y}-${pad(mo)}-${pad(d)} ${pad(h)}:${pad(mi)}:${pad(s)}`;
}

/** Epoch ms → "yyyy-MM-ddTHH:mm:ss+09:00". */
export function toIsoJst(ms: number): string {
  return `${toWireDate(ms).replace(' ', 'T')}+09:00`;
}

/** Epoch ms → yyyyMMdd or yyyyMMddHHmmss in JST (query parameters). */
export function toQueryDate(ms: number, withTime = false): string {
  const [y, mo, d, h, mi, s] = jstParts(ms);
  const day = `${y}${pad(mo)}${pad(d)}`;
  return withTime ? `${day}${pad(h)}${pad(mi)}${pad(s)}` : day;
}

function fromJstFields(
  y: number,
  mo: number,
  d: number,
  h: number,
  mi: number,
  s: number,
): number | null {
  const ms = Date.UTC(y, mo - 1, d, h, mi, s);
  const back = new Date(ms);
  // Date.UTC rolls 2026-02-30 over to March; a real calendar date survives the round trip.
  if (
    back.getUTCFullYear() !== y ||
    back.getUTCMonth() !== mo - 1 ||
    back.getUTCDate() !== d ||
    h > 23 ||
    mi > 59 ||
    s > 59
  ) {
    return null;
  }
  return ms - JST_OFFSET_MS;
}

/** "yyyy-MM-dd HH:mm:ss" (JST) → epoch ms, or null when malformed. */
export function parseWireDate(text: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/.exec(text);
  if (!m) return null;
  const n = m.slice(1).map(Number);
  return fromJstFields(n[0] ?? 0, n[1] ?? 0, n[2] ?? 0, n[3] ?? 0, n[4] ?? 0, n[5] ?? 0);
}

/**
 * yyyyMMdd or yyyyMMddHHmmss (JST) → epoch ms, or null when malformed. A bare day means its
 * first second when `end` is false, its last second when `end` is true.
 */
export function parseQueryDate(text: string, end = false): number | null {
  const m = /^(\d{4})(\d{2})(\d{2})(?:(\d{2})(\d{2})(\d{2}))?$/.exec(text);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (m[4] === undefined) {
    return end ? fromJstFields(y, mo, d, 23, 59, 59) : fromJstFields(y, mo, d, 0, 0, 0);
  }
  return fromJstFields(y, mo, d, Number(m[4]), Number(m[5]), Number(m[6]));
}

/** "yyyy-MM-dd" calendar day in JST → [start, end] epoch ms of that JST day. */
export function jstDayBounds(day: string): [number, number] | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!m) return null;
  const start = fromJstFields(Number(m[1]), Number(m[2]), Number(m[3]), 0, 0, 0);
  return start === null ? null : [start, start + 24 * 60 * 60 * 1000 - 1];
}
