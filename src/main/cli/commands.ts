// The CLI's commands, each a thin layer over InboxApi: parse flags → call → print.
import { readFile, writeFile } from 'node:fs/promises';
import type { SearchInput, SessionInfo } from '../../shared/api.js';
import type { LocalCore } from '../core/index.js';
import { UsageError, pick, positiveInt, type Flags } from './args.js';
import { unwrap } from './connect.js';
import { render, type Format, type Row } from './format.js';
import { INQUIRY_COLUMNS, inquiryRow, messageBlock, outboxRow, OUTBOX_COLUMNS } from './rows.js';

export interface CommandContext {
  core: LocalCore;
  session: SessionInfo;
  flags: Flags;
  positionals: string[];
  /** Logged in with a password: actions are delivered now, not just queued. */
  online: boolean;
  out: (text: string) => void;
}

const STATUS_WORDS = { unprocessed: 'S1', replying: 'S2', complete: 'S3' } as const;
const REPLY_STATUS_WORDS = { replying: 'S2', complete: 'S3' } as const;
const TYPE_WORDS = { general: 'general', customer: 'customer', product: 'product' } as const;
const SOURCE_WORDS = { customer: 'customer', qoo10: 'qoo10' } as const;
const CATEGORY_WORDS = {
  shipping: 'shipping',
  product: 'product',
  payment: 'payment',
  return: 'return',
  cancel: 'cancel',
  other: 'other',
} as const;
const DATE_FIELD_WORDS = { received: 'received', answered: 'answered' } as const;
const SORT_WORDS = { newest: 'newest', oldest: 'oldest' } as const;
const FORMAT_WORDS = { table: 'table', json: 'json', csv: 'csv' } as const;
const LANG_WORDS = { ja: 'ja', 'zh-CN': 'zh-CN', en: 'en' } as const;

const formatOf = (f: Flags): Format => pick('format', f.format, FORMAT_WORDS) ?? 'table';
const DELIVERY_DEADLINE_MS = 60_000;

export function searchQuery(f: Flags): SearchInput {
  const q: SearchInput = {};
  if (f.shop !== undefined) q.shopId = f.shop;
  const source = pick('source', f.source, SOURCE_WORDS);
  if (source) q.source = source;
  const type = pick('type', f.type, TYPE_WORDS);
  if (type) q.questionType = type;
  const status = pick('status', f.status, STATUS_WORDS);
  if (status) q.status = status;
  const category = pick('category', f.category, CATEGORY_WORDS);
  if (category) q.category = category;
  const dateField = pick('date-field', f['date-field'], DATE_FIELD_WORDS);
  if (dateField) q.dateField = dateField;
  if (f.from !== undefined) q.from = f.from;
  if (f.to !== undefined) q.to = f.to;
  if (f.item !== undefined) q.itemNo = f.item;
  if (f.order !== undefined) q.orderNo = f.order;
  if (f.text !== undefined) q.text = f.text;
  const sort = pick('sort', f.sort, SORT_WORDS);
  if (sort) q.sort = sort;
  const limit = positiveInt('--limit', f.limit);
  if (limit !== undefined) q.limit = limit;
  return q;
}

/** `<no>` is a question number (in --shop, or the one shop that has it) or "<shop>:<no>". */
async function resolveInquiry(c: CommandContext): Promise<string> {
  const word = c.positionals[0];
  if (word === undefined) throw new UsageError('which inquiry? give its number');
  if (/^[^:\s]+:\d+$/.test(word)) return word;
  if (!/^\d+$/.test(word)) throw new UsageError(`not an inquiry number: ${word}`);
  const shops =
    c.flags.shop !== undefined && c.flags.shop !== 'all'
      ? [c.flags.shop]
      : c.session.shops.map((s) => s.id);
  const found: string[] = [];
  for (const shop of shops) {
    const r = await c.core.api.openThread({ inquiryId: `${shop}:${word}`, limit: 1 });
    if (r.ok) found.push(`${shop}:${word}`);
  }
  if (found.length === 1 && found[0] !== undefined) return found[0];
  if (found.length > 1)
    throw new UsageError(`inquiry ${word} exists in several shops: pass --shop`);
  return `${shops[0] ?? ''}:${word}`; // let the API answer INQUIRY_NOT_FOUND
}

async function deliverAndReport(c: CommandContext, outboxId: string): Promise<void> {
  if (c.online) await c.core.outbox.deliverAll(Date.now() + DELIVERY_DEADLINE_MS);
  const item = c.core.outbox.get(outboxId);
  if (item === null) return;
  c.out(render([outboxRow(item)], OUTBOX_COLUMNS, formatOf(c.flags)));
  if (!c.online && item.state === 'queued') {
    c.out('queued: it is delivered by the next run with a password (e.g. `toiawase sync`)\n');
  }
  if (item.state === 'failed' || item.state === 'conflict') {
    const message = item.error?.message ?? item.conflict?.body ?? item.state;
    throw Object.assign(new Error(message), { exitCode: item.state === 'conflict' ? 7 : 6 });
  }
}

async function textOf(f: Flags): Promise<string> {
  if (f.text !== undefined && f.file !== undefined)
    throw new UsageError('--text and --file are exclusive');
  if (f.text !== undefined) return f.text;
  if (f.file !== undefined) return readFile(f.file, 'utf8');
  throw new UsageError('give the message with --text or --file');
}

function printShops(c: CommandContext): void {
  const rows: Row[] = c.session.shops.map((s) => ({ id: s.id, name: s.name }));
  c.out(render(rows, ['id', 'name'], formatOf(c.flags)));
}

export const commands: Record<string, (c: CommandContext) => Promise<void>> = {
  login(c) {
    c.out(`logged in as ${c.session.user} (${c.session.capabilities.adapter})\n`);
    printShops(c);
    return Promise.resolve();
  },

  shops(c) {
    printShops(c);
    return Promise.resolve();
  },

  async sync(c) {
    const status = unwrap(await c.core.api.syncNow({}));
    const counts = unwrap(await c.core.api.counts({ shopId: c.flags.shop ?? 'all' }));
    c.out(
      render(
        [{ state: status.state, lastSyncAt: status.lastSyncAt, ...counts }],
        [
          'state',
          'lastSyncAt',
          'customerUnanswered',
          'customerReplying',
          'qoo10Unanswered',
          'qoo10Unconfirmed',
        ],
        formatOf(c.flags),
      ),
    );
    if (status.state === 'error')
      throw Object.assign(new Error(status.error ?? 'sync failed'), { exitCode: 6 });
  },

  async search(c) {
    const page = unwrap(await c.core.api.search(searchQuery(c.flags)));
    c.out(
      render(
        page.rows.map((r) => inquiryRow(r)),
        INQUIRY_COLUMNS,
        formatOf(c.flags),
      ),
    );
    if (formatOf(c.flags) === 'table') c.out(`${page.rows.length} of ${page.total}\n`);
  },

  async show(c) {
    const view = unwrap(
      await c.core.api.openThread({ inquiryId: await resolveInquiry(c), limit: 200 }),
    );
    if (formatOf(c.flags) === 'json') {
      c.out(`${JSON.stringify(view, null, 2)}\n`);
      return;
    }
    c.out(render([inquiryRow(view.inquiry)], INQUIRY_COLUMNS, 'table'));
    for (const m of view.messages) c.out(messageBlock(m));
    for (const p of view.pending) c.out(`\n[${p.state}] ${p.kind}: ${p.body ?? p.title ?? ''}\n`);
  },

  async reply(c) {
    const status = pick('status', c.flags.status, REPLY_STATUS_WORDS);
    if (status === undefined) throw new UsageError('--status replying|complete is required');
    const item = unwrap(
      await c.core.api.reply({
        inquiryId: await resolveInquiry(c),
        body: await textOf(c.flags),
        status,
        ...(c.flags.title === undefined ? {} : { title: c.flags.title }),
      }),
    );
    await deliverAndReport(c, item.id);
  },

  async 'auto-reply'(c) {
    const language = pick('lang', c.flags.lang, LANG_WORDS) ?? 'ja';
    const item = unwrap(
      await c.core.api.autoReply({ inquiryId: await resolveInquiry(c), language }),
    );
    await deliverAndReport(c, item.id);
  },

  async hide(c) {
    const item = unwrap(
      await c.core.api.hide({
        inquiryId: await resolveInquiry(c),
        title: c.flags.title ?? '',
        reason: c.flags.reason ?? '',
        restrictBuyer: c.flags.restrict === true,
      }),
    );
    await deliverAndReport(c, item.id);
  },

  async outbox(c) {
    if (c.flags.retry !== undefined && c.flags.cancel !== undefined) {
      throw new UsageError('--retry and --cancel are exclusive');
    }
    if (c.flags.retry !== undefined) {
      const item = unwrap(await c.core.api.retryOutbox({ outboxId: c.flags.retry }));
      await deliverAndReport(c, item.id);
      return;
    }
    if (c.flags.cancel !== undefined) {
      const item = unwrap(await c.core.api.cancelOutbox({ outboxId: c.flags.cancel }));
      c.out(render([outboxRow(item)], OUTBOX_COLUMNS, formatOf(c.flags)));
      return;
    }
    if (c.online) await c.core.outbox.deliverAll(Date.now() + DELIVERY_DEADLINE_MS);
    const items = unwrap(await c.core.api.listOutbox({}));
    c.out(render(items.map(outboxRow), OUTBOX_COLUMNS, formatOf(c.flags)));
  },

  async templates(c) {
    const list = unwrap(await c.core.api.listTemplates({}));
    const rows: Row[] = list.map((t) => ({
      id: t.id,
      name: t.name,
      builtIn: t.builtIn,
      body: t.body,
    }));
    c.out(render(rows, ['id', 'name', 'builtIn', 'body'], formatOf(c.flags)));
  },

  async export(c) {
    const file = c.flags.csv;
    if (file === undefined) throw new UsageError('--csv FILE is required');
    const query = { ...searchQuery(c.flags), limit: 500 };
    const rows: Row[] = [];
    let cursor: string | undefined;
    do {
      const page = unwrap(
        await c.core.api.search({ ...query, ...(cursor === undefined ? {} : { cursor }) }),
      );
      rows.push(...page.rows.map((r) => inquiryRow(r)));
      cursor = page.nextCursor ?? undefined;
    } while (cursor !== undefined);
    await writeFile(file, `\uFEFF${render(rows, INQUIRY_COLUMNS, 'csv')}`);
    c.out(`${rows.length} inquiries written to ${file}\n`);
  },
};
