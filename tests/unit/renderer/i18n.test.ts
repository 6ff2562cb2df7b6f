import { describe, expect, it, vi } from 'vitest';
import { createI18n } from '../../../src/renderer/i18n.js';

/** i18next's own lookup, which the remembered labels spare. */
const translator = (i18n: ReturnType<typeof createI18n>) =>
  (i18n as unknown as { translator: { translate: (...a: unknown[]) => unknown } }).translator;

describe('translations handed to components', () => {
  it('looks a plain label up once per language, and still interpolates the rest', async () => {
    const i18n = createI18n('en');
    const lookups = vi.spyOn(translator(i18n), 'translate');
    const t = i18n.getFixedT('en');
    expect(t('status.S1')).toBe('Unprocessed');
    expect(t('status.S1')).toBe('Unprocessed');
    expect(i18n.getFixedT('en')('status.S1')).toBe('Unprocessed');
    expect(lookups).toHaveBeenCalledTimes(1);
    expect(t('list.pending', { n: 2 })).toBe('Queued: 2');
    expect(t('list.pending', { n: 3 })).toBe('Queued: 3');

    await i18n.changeLanguage('ja');
    expect(i18n.getFixedT('ja')('status.S1')).toBe('未処理');
    expect(t('status.S1')).toBe('Unprocessed'); // a t fixed to English stays English
  });

  it('forgets remembered labels when the resources change', () => {
    const i18n = createI18n('en');
    const t = i18n.getFixedT('en');
    expect(t('status.S1')).toBe('Unprocessed');
    i18n.addResource('en', 'translation', 'status.S1', 'Open');
    expect(t('status.S1')).toBe('Open');
  });
});
