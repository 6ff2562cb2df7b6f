import { describe, expect, it } from 'vitest';
import { parseFrame, resultFrame } from '../../../../src/main/web/frames.js';
import { MAX_FRAME_BYTES } from '../../../../src/main/web/protocol.js';

const parse = (text: string) => parseFrame(text, Buffer.byteLength(text));

describe('parseFrame', () => {
  it('accepts a call frame', () => {
    expect(parse('{"id":3,"method":"search","payload":{"limit":5}}')).toEqual({
      ok: true,
      frame: { id: 3, method: 'search', payload: { limit: 5 } },
    });
    expect(parse('{"id":0,"method":"getSession"}')).toMatchObject({
      ok: true,
      frame: { payload: undefined },
    });
  });

  it.each([
    ['not json', null],
    ['[1]', null],
    ['"text"', null],
    ['null', null],
    ['{"method":"x"}', null],
    ['{"id":1.5,"method":"x"}', null],
    ['{"id":-1,"method":"x"}', null],
    ['{"id":"1","method":"x"}', null],
    ['{"id":9007199254740993,"method":"x"}', null],
    ['{"id":4,"method":""}', 4],
    ['{"id":5,"method":42}', 5],
    [`{"id":6,"method":"${'m'.repeat(65)}"}`, 6],
    ['{"id":7, "method": "x"', 7],
  ])('answers %s with VALIDATION (id %s)', (text, id) => {
    const r = parse(text);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.id).toBe(id);
      expect(r.error.code).toBe('VALIDATION');
    }
  });

  it('answers an oversized frame by the id at its head without parsing it', () => {
    const r = parseFrame('{"id":12,"method":"uploadAttachment","payload":{}}', MAX_FRAME_BYTES + 1);
    expect(r).toMatchObject({ ok: false, id: 12, error: { code: 'VALIDATION' } });
  });
});

describe('resultFrame', () => {
  it('encodes results and turns unencodable values into INTERNAL errors', () => {
    expect(JSON.parse(resultFrame(1, { ok: true, value: [1] }))).toEqual({
      id: 1,
      result: { ok: true, value: [1] },
    });
    const r = JSON.parse(resultFrame(2, { ok: true, value: 10n })) as {
      result: { error: { code: string } };
    };
    expect(r.result.error.code).toBe('INTERNAL');
  });
});
