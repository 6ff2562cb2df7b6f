// The admin API (--admin, loopback only): what tests and demos need to play the buyer and
// Qoo10's back office. JSON in, the QAPI envelope out (HTTP 200), so one client helper reads both.
import type { FastifyError, FastifyInstance } from 'fastify';
import { z } from 'zod';
import { CATEGORIES, INQ_TYPES } from '../shared/domain.js';
import { changePassword } from './auth.js';
import type { Clock } from './clock.js';
import type { Db } from './db/schema.js';
import { ownShopAny } from './db/admin-queries.js';
import { countRequestDeliveries, listMails, rawInquiry } from './db/admin-queries.js';
import { QapiError, errorBody, success } from './envelope.js';
import { formatFaults, parseFaults, type Faults } from './faults.js';
import { postFollowUp, postNewInquiry } from './actions/buyer.js';
import type { DatasetInfo, DatasetOptions } from './dataset.js';

export const ADMIN_PREFIX = '/__admin';

export interface AdminDeps {
  db: Db;
  clock: Clock;
  faults: Faults;
  reset(opts: Partial<DatasetOptions> & { accounts?: boolean }): DatasetInfo;
  state(): Record<string, unknown>;
}

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

const buyerPost = z.strictObject({
  shop_id: z.string().min(1),
  question_no: z.number().int().positive().optional(),
  contents: z.string(),
  title: z.string().min(1).max(200).default('お問い合わせ'),
  inq_type: z.enum(INQ_TYPES).default('MSG'),
  via_myqoo10: z.boolean().default(false),
  category: z.enum(CATEGORIES).default('other'),
  cust_id: z
    .string()
    .regex(/^[A-Za-z0-9._-]{1,40}$/)
    .default('qbadmin0001'),
  cust_nm: z.string().min(1).max(50).default('テスト購入者'),
  item_no: z.string().min(1).max(20).nullable().default(null),
  item_nm: z.string().min(1).max(200).nullable().default(null),
  order_no: z.string().min(1).max(20).nullable().default(null),
});

const resetBody = z.strictObject({
  seed: z.number().int().nonnegative().optional(),
  inquiries: z.number().int().min(0).max(1_000_000).optional(),
  now: z.number().int().positive().optional(),
  accounts: z.boolean().optional(),
});

function parse<T extends z.ZodType>(schema: T, body: unknown): z.infer<T> {
  const r = schema.safeParse(body ?? {});
  if (!r.success) {
    throw new QapiError('VALIDATION', z.prettifyError(r.error));
  }
  return r.data;
}

export function adminRoutes(app: FastifyInstance, deps: AdminDeps): void {
  app.addHook('onRequest', async (request, reply) => {
    if (!LOOPBACK.has(request.ip)) {
      await reply
        .code(403)
        .send({ ErrorCode: -1, ErrorMsg: 'the admin API answers loopback only' });
    }
  });
  app.setErrorHandler((error: FastifyError, _request, reply) => {
    const wire = error instanceof QapiError ? error : new QapiError('VALIDATION', error.message);
    return reply
      .code(error instanceof QapiError ? 200 : (error.statusCode ?? 400))
      .send(errorBody(wire));
  });

  app.post('/buyer-message', (request) => {
    const b = parse(buyerPost, request.body);
    const shop = ownShopAny(deps.db, b.shop_id);
    if (b.question_no !== undefined) {
      return success(postFollowUp(deps.db, deps.clock, shop, b.question_no, b.contents));
    }
    return success(
      postNewInquiry(
        deps.db,
        deps.clock,
        shop,
        {
          inqType: b.inq_type,
          viaMyqoo10: b.via_myqoo10,
          category: b.category,
          title: b.title,
          custId: b.inq_type === 'HELP' ? 'qoo10cs' : b.cust_id,
          custNm: b.inq_type === 'HELP' ? 'Qoo10' : b.cust_nm,
          itemNo: b.item_no,
          itemNm: b.item_nm ?? (b.item_no === null ? null : `商品 ${b.item_no}`),
          itemCategory: null,
          sellerCode: null,
          orderNo: b.order_no,
          cartNo: null,
        },
        b.contents,
      ),
    );
  });

  app.get<{ Querystring: { shop_id?: string; question_no?: string } }>('/mails', (request) =>
    success(
      listMails(
        deps.db,
        request.query.shop_id,
        Number(request.query.question_no ?? 0) || undefined,
      ),
    ),
  );

  app.get<{ Params: { questionNo: string }; Querystring: { request_id?: string } }>(
    '/inquiries/:questionNo',
    (request) =>
      success(rawInquiry(deps.db, Number(request.params.questionNo), request.query.request_id)),
  );

  app.get<{ Params: { requestId: string } }>('/requests/:requestId', (request) =>
    success(countRequestDeliveries(deps.db, request.params.requestId)),
  );

  app.get('/faults', () =>
    success({ spec: formatFaults(deps.faults.current), ...deps.faults.current }),
  );
  app.put('/faults', (request) => {
    const { spec } = parse(z.strictObject({ spec: z.string().max(200) }), request.body);
    try {
      deps.faults.set(parseFaults(spec));
    } catch (e) {
      throw new QapiError('VALIDATION', (e as Error).message);
    }
    return success({ spec: formatFaults(deps.faults.current), ...deps.faults.current });
  });

  app.post('/password', (request) => {
    const b = parse(
      z.strictObject({ user_id: z.string().min(1), pwd: z.string().min(8).max(200) }),
      request.body,
    );
    if (!changePassword(deps.db, b.user_id, b.pwd))
      throw new QapiError('LOGIN_FAILED', 'no such account');
    return success({ USER_ID: b.user_id, KEYS_REVOKED: true });
  });

  app.post('/clock', (request) => {
    const b = parse(z.strictObject({ offset_ms: z.number().int() }), request.body);
    deps.clock.setOffset(b.offset_ms);
    return success({ OFFSET_MS: b.offset_ms, NOW: deps.clock.now() });
  });

  app.post('/reset', (request) => success(deps.reset(parse(resetBody, request.body))));
  app.get('/state', () => success(deps.state()));
}
