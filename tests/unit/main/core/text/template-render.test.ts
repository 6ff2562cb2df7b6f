import { describe, expect, it } from 'vitest';
import {
  renderTemplate,
  templateVariablesOf,
  templateVarsFor,
} from '../../../../../src/main/core/text/template-render.js';
import { AppFailure } from '../../../../../src/shared/errors.js';

function failure(fn: () => unknown): AppFailure {
  try {
    fn();
  } catch (e) {
    if (e instanceof AppFailure) return e;
    throw e;
  }
  throw new Error('expected an AppFailure');
}

describe('renderTemplate', () => {
  const vars = {
    buyer: '山田様',
    order_no: '500000001',
    item_no: '1000001',
    item_name: '保湿クリーム',
    shop: 'Shop A',
    title: '配送',
  };

  it('fills every variable', () => {
    expect(
      renderTemplate(
        '{buyer}、ご注文{order_no}（{item_no} {item_name}）の件。{shop} / {title}',
        vars,
      ),
    ).toBe('山田様、ご注文500000001（1000001 保湿クリーム）の件。Shop A / 配送');
  });

  it('renders missing values as empty strings', () => {
    expect(renderTemplate('[{order_no}][{item_name}]', { order_no: null })).toBe('[][]');
  });

  it('keeps escaped and unpaired braces as text', () => {
    expect(renderTemplate('{{buyer}} is literal; x } y { z', vars)).toBe(
      '{buyer} is literal; x } y { z',
    );
  });

  it('does not re-expand variables inside values', () => {
    expect(renderTemplate('{buyer}', { buyer: '{shop}' })).toBe('{shop}');
  });

  it.each(['{Buyer}', '{order}', '{}', '{buyer }', '{名前}'])(
    'rejects unknown variable %s',
    (body) => {
      const e = failure(() => renderTemplate(`Hello ${body}`, vars));
      expect(e.code).toBe('TEMPLATE_UNKNOWN_VARIABLE');
      expect(e.details).toEqual({ name: body.slice(1, -1) });
    },
  );

  it('rejects a result longer than a reply may be', () => {
    expect(renderTemplate('x'.repeat(990) + '{buyer}', { buyer: '1234567890' })).toHaveLength(1000);
    const e = failure(() => renderTemplate('x'.repeat(990) + '{buyer}', { buyer: '12345678901' }));
    expect(e.code).toBe('REPLY_TOO_LONG');
    expect(e.details).toEqual({ max: 1000, length: 1001 });
  });

  it('lists the variables a body uses', () => {
    expect(templateVariablesOf('{buyer} {shop} {buyer} {{x}}')).toEqual(['buyer', 'shop']);
  });

  it('maps an inquiry to variables', () => {
    expect(
      templateVarsFor({
        buyerName: 'b',
        orderNo: null,
        itemNo: 'i',
        itemName: 'n',
        shopName: 's',
        title: 't',
      }),
    ).toEqual({ buyer: 'b', order_no: null, item_no: 'i', item_name: 'n', shop: 's', title: 't' });
  });
});
