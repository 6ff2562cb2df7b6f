// @vitest-environment jsdom
// The composer across several sends on one inquiry: a seller replies "Replying", then follows up
// with a template and "Reply complete" without leaving the conversation.
//
// jsdom has no TransitionEvent, so Ant Design's CSS motions normally switch themselves off here.
// Declaring it turns them on, and as jsdom never ends a transition this stands for a browser
// whose transitionend does not arrive (Chromium under load did exactly that): a button whose
// loading spinner waits for the end of a collapse transition keeps it — and keeps "loading"
// in its accessible name — for good.
import { vi } from 'vitest';
vi.hoisted(() => {
  const w = window as unknown as Record<string, unknown>;
  w.TransitionEvent ??= class TransitionEvent extends Event {};
  w.AnimationEvent ??= class AnimationEvent extends Event {};
});
import { user } from '../setup.js';
import { fireEvent, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { FakeInbox } from '../fakeApi.js';
import { openFirstInquiry } from '../render.js';

/** The open confirmation (a closed one may linger in the DOM while it animates out). */
function openConfirm(): Promise<HTMLElement> {
  return waitFor(() => {
    const open = [...document.querySelectorAll<HTMLElement>('.ant-modal-confirm')].filter(
      (m) =>
        m.closest('.ant-modal-wrap')?.getAttribute('style')?.includes('display: none') !== true,
    );
    const box = open.at(-1);
    expect(box?.textContent).toContain('Send this reply?');
    return box!;
  });
}

/** The composer's Send button whatever its state (busy, its accessible name gains "loading"). */
const composerSend = (pane: HTMLElement): HTMLElement => {
  const button = [...pane.querySelectorAll<HTMLElement>('button.ant-btn-primary')].find(
    (b) => b.textContent === 'Send',
  );
  expect(button).toBeTruthy();
  return button!;
};

async function sendOnce(pane: HTMLElement, text: string, status: string): Promise<void> {
  const u = user();
  fireEvent.change(within(pane).getByLabelText('Message'), { target: { value: text } });
  await u.click(within(pane).getByRole('radio', { name: status }));
  await u.click(within(pane).getByRole('button', { name: 'Send' }));
  const confirm = await openConfirm();
  await u.click(within(confirm).getByRole('button', { name: 'Send' }));
}

describe('composer', () => {
  it('sends twice in a row: the Send button is ready again after the first reply is queued', async () => {
    const fake = new FakeInbox(1).loggedIn();
    const pane = await openFirstInquiry(fake);

    // Hold the first answer so the Send button really shows its busy state.
    let release = (): void => undefined;
    fake.gates.set('reply', new Promise<void>((r) => (release = r)));
    await sendOnce(pane, 'Checking, one moment.', 'Replying');
    await waitFor(() => expect(fake.callsOf('reply')).toHaveLength(1));
    await waitFor(() =>
      expect(composerSend(pane).querySelector('.anticon-loading')).not.toBeNull(),
    );
    fake.gates.delete('reply');
    release();
    await within(pane).findByRole('article', { name: 'Reply' });
    await waitFor(() => {
      expect(composerSend(pane).classList.contains('ant-btn-loading')).toBe(false);
      expect(composerSend(pane).querySelector('.anticon-loading')).toBeNull();
    });
    expect(within(pane).getByRole('button', { name: 'Send' }).textContent).toBe('Send');

    await sendOnce(pane, 'Shipped today, tracking attached.', 'Reply complete');
    await waitFor(() =>
      expect(fake.callsOf('reply')).toMatchObject([
        { body: 'Checking, one moment.', status: 'S2' },
        { body: 'Shipped today, tracking attached.', status: 'S3' },
      ]),
    );
    await waitFor(() =>
      expect(within(pane).getAllByRole('article', { name: 'Reply' })).toHaveLength(2),
    );
    await waitFor(() => expect(composerSend(pane).querySelector('.anticon-loading')).toBeNull());
  });
});
