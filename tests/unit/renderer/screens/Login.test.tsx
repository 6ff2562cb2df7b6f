// @vitest-environment jsdom
import { user } from '../setup.js';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { INBOX_TEXT_STYLES } from '../../../../src/renderer/inbox/textStyles.js';
import { FakeInbox } from '../fakeApi.js';
import { renderApp } from '../render.js';

async function fillAndSubmit(id: string, password: string): Promise<void> {
  const u = user();
  await u.clear(await screen.findByLabelText('ID or e-mail'));
  await u.type(screen.getByLabelText('ID or e-mail'), id);
  await u.type(screen.getByLabelText('Password'), password);
  await u.click(screen.getByRole('button', { name: 'Log in' }));
}

describe('Login screen', () => {
  it('offers every option of the guide with its English name', async () => {
    renderApp(new FakeInbox());
    expect(await screen.findByLabelText('ID or e-mail')).toBeDefined();
    expect(screen.getByLabelText('Password')).toBeDefined();
    const location = screen.getByRole('radiogroup', { name: 'Login location' });
    expect(
      within(location)
        .getAllByRole('radio')
        .map((r) => r.closest('label')?.textContent),
    ).toEqual(['China', 'Other countries', 'Sandbox']);
    expect(screen.getByRole('combobox', { name: 'Language' })).toBeDefined();
    expect(screen.getByRole('checkbox', { name: 'Save login information' })).toBeDefined();
    expect(
      screen.getByRole('checkbox', { name: 'Start automatically when Windows starts' }),
    ).toBeDefined();
  });

  it('asks for the ID and the password before calling the API', async () => {
    const fake = new FakeInbox();
    renderApp(fake);
    await user().click(await screen.findByRole('button', { name: 'Log in' }));
    // antd validates the fields one after another: each message may land in its own render.
    expect(await screen.findByText('Enter your ID or e-mail address.')).toBeDefined();
    expect(await screen.findByText('Enter your password.')).toBeDefined();
    expect(fake.callsOf('login')).toEqual([]);
  });

  it('shows a wrong password in place and keeps the typed ID', async () => {
    const fake = new FakeInbox();
    renderApp(fake);
    await fillAndSubmit('demo', 'wrong');
    expect((await screen.findByRole('alert')).textContent).toContain(
      'The ID or password is wrong.',
    );
    expect(screen.getByLabelText<HTMLInputElement>('ID or e-mail').value).toBe('demo');
    expect(screen.getByLabelText<HTMLInputElement>('Password').value).toBe('');
  });

  it('logs in once when the form is submitted again while the first log-in is out', async () => {
    const fake = new FakeInbox();
    let release = (): void => undefined;
    fake.gates.set('login', new Promise<void>((r) => (release = r)));
    renderApp(fake);
    await fillAndSubmit('demo', 'demo1234');
    await waitFor(() => expect(fake.callsOf('login')).toHaveLength(1));
    // The busy state renders as a transition, so the button may not hold a submit back yet.
    const form = screen.getByLabelText('Password').closest('form');
    if (form === null) throw new Error('no form');
    fireEvent.submit(form);
    release();
    expect(await screen.findByRole('radiogroup', { name: 'Select shop' })).toBeDefined();
    expect(fake.callsOf('login')).toHaveLength(1);
  });

  it.each([
    ['ACCOUNT_LOCKED', 'This account is locked.'],
    ['NETWORK', 'The server cannot be reached.'],
  ] as const)('explains %s', async (code, text) => {
    const fake = new FakeInbox();
    fake.failures.set('login', code);
    renderApp(fake);
    await fillAndSubmit('demo', 'demo1234');
    expect((await screen.findByRole('alert')).textContent).toContain(text);
    expect(screen.getByLabelText<HTMLInputElement>('ID or e-mail').value).toBe('demo');
  });

  it('logs in with the chosen location and options, then asks for the shop', async () => {
    const fake = new FakeInbox();
    renderApp(fake);
    const u = user();
    await u.click(await screen.findByRole('radio', { name: 'China' }));
    await u.click(screen.getByRole('checkbox', { name: 'Save login information' }));
    await u.click(
      screen.getByRole('checkbox', { name: 'Start automatically when Windows starts' }),
    );
    await fillAndSubmit('demo', 'demo1234');
    expect(await screen.findByRole('radiogroup', { name: 'Select shop' })).toBeDefined();
    expect(fake.callsOf('login')).toEqual([
      { user: 'demo', password: 'demo1234', location: 'china', remember: true },
    ]);
    expect(fake.callsOf('updateSettings')).toEqual([{ openAtLogin: true, language: 'en' }]);
    // Preferences are remembered, never the password.
    expect(localStorage.getItem('toiawase.loginPrefs')).not.toContain('demo1234');
  });

  it('lays out the inbox’s text styles, hidden, until the inbox is shown', async () => {
    const fake = new FakeInbox();
    renderApp(fake);
    const warmup = await waitFor(() => {
      const found = document.querySelector<HTMLElement>('.tw-font-warmup');
      expect(found).not.toBeNull();
      return found!;
    });
    expect(warmup.getAttribute('aria-hidden')).toBe('true');
    const styles = [...warmup.children].map((s) => {
      const { fontSize, fontWeight } = (s as HTMLElement).style;
      return [fontSize, fontWeight];
    });
    expect(styles).toContainEqual(['13px', '400']);
    expect(styles).toHaveLength(INBOX_TEXT_STYLES.length);
    await fillAndSubmit('demo', 'demo1234');
    await user().click(await screen.findByRole('radio', { name: 'All shops' }));
    expect(document.querySelector('.tw-font-warmup')).not.toBeNull(); // the shop picker too
    await user().click(screen.getByRole('button', { name: 'Selection complete' }));
    await screen.findByRole('grid');
    expect(document.querySelector('.tw-font-warmup')).toBeNull();
  });

  it('switches the language live and remembers it before login', async () => {
    renderApp(new FakeInbox());
    const u = user();
    await u.click(await screen.findByRole('combobox', { name: 'Language' }));
    await u.click(await screen.findByText('日本語'));
    expect(await screen.findByRole('button', { name: 'ログイン' })).toBeDefined();
    expect(screen.getByLabelText('ID またはメールアドレス')).toBeDefined();
    expect(localStorage.getItem('toiawase.language')).toBe('ja');
    expect(document.documentElement.lang).toBe('ja');
  });

  it('shows that the session expired and keeps the ID', async () => {
    const fake = new FakeInbox().loggedIn();
    renderApp(fake);
    await screen.findByRole('grid');
    fake.emit('sessionExpired', { reason: 'key expired' });
    expect(await screen.findByText('Your session expired. Please log in again.')).toBeDefined();
    expect(screen.getByLabelText<HTMLInputElement>('ID or e-mail').value).toBe('demo');
  });
});
