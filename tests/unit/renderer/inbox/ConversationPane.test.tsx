// @vitest-environment jsdom
import { user } from '../setup.js';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { FakeInbox, inquiry, message } from '../fakeApi.js';
import { openFirstInquiry } from '../render.js';
import { dialogTitled } from '../antd.js';

const body = () => screen.getByLabelText<HTMLTextAreaElement>('Message');

describe('conversation pane', () => {
  it('shows the order context, a https product link and the thread oldest first, as text', async () => {
    const fake = new FakeInbox(1).loggedIn();
    fake.threads.set('shop-a:1001', [
      message(1, {
        body: '<img src=x onerror=alert(1)> see http://evil.example and https://ok.example/p',
      }),
      message(2, {
        body: 'Second',
        attachments: [{ id: 'a1', fileName: '<b>photo</b>.png', mime: 'image/png', size: 3 }],
      }),
    ]);
    const pane = await openFirstInquiry(fake);
    expect(within(pane).getByRole('heading', { name: 'Question 1' })).toBeDefined();
    const context = within(pane).getByRole('region', { name: 'Order details' });
    expect(within(context).getByText('319090001')).toBeDefined();
    expect(within(context).getByText('522660001')).toBeDefined();
    const link = within(context).getByRole('link', { name: 'Open the product page' });
    expect(link.getAttribute('href')).toBe('https://www.qoo10.jp/g/522660001');
    expect(link.getAttribute('rel')).toBe('noopener noreferrer');

    const articles = within(pane).getAllByRole('article');
    expect(articles[0]!.textContent).toContain('<img src=x onerror=alert(1)>');
    expect(pane.querySelector('img[src="x"]')).toBeNull();
    expect(within(articles[0]!).queryByRole('link', { name: /evil/ })).toBeNull();
    expect(
      within(articles[0]!)
        .getByRole('link', { name: 'https://ok.example/p' })
        .getAttribute('target'),
    ).toBe('_blank');
    expect(articles[0]!.textContent).toContain('From シヒ / To mamename');
    expect(articles[1]!.textContent).toContain('Second');
    expect(within(articles[1]!).getByRole('button', { name: '<b>photo</b>.png' })).toBeDefined();
  });

  it('re-reads the conversation once per burst of news, not once per event', async () => {
    const fake = new FakeInbox(1).loggedIn();
    await openFirstInquiry(fake);
    const reads = () => fake.callsOf('openThread').length;
    const before = reads();
    let release = (): void => undefined;
    fake.gates.set('openThread', new Promise<void>((r) => (release = r)));
    const news = () =>
      act(() => fake.emit('inquiriesChanged', { shopId: 'shop-a', inquiryIds: ['shop-a:1001'] }));
    news();
    news();
    news();
    // One re-read out; the news after it asks for one more, once.
    expect(reads()).toBe(before + 1);
    fake.gates.delete('openThread');
    act(() => release());
    await waitFor(() => expect(reads()).toBe(before + 2));
    await act(() => new Promise((r) => setTimeout(r, 50)));
    expect(reads()).toBe(before + 2);
  });

  it('loads older messages in pages', async () => {
    const fake = new FakeInbox(1).loggedIn();
    fake.threads.set(
      'shop-a:1001',
      Array.from({ length: 60 }, (_, i) => message(i + 1)),
    );
    const pane = await openFirstInquiry(fake);
    expect(within(pane).getAllByRole('article')).toHaveLength(50);
    await user().click(within(pane).getByRole('button', { name: 'Load older messages' }));
    await waitFor(() => expect(within(pane).getAllByRole('article')).toHaveLength(60));
    expect(within(pane).getAllByRole('article')[0]!.textContent).toContain('Message body 1');
    expect(fake.callsOf('openThread').at(-1)).toMatchObject({ beforeSeq: 11 });
  });

  it('prefills the title, counts characters, warns and highlights personal information', async () => {
    const fake = new FakeInbox(1).loggedIn();
    await openFirstInquiry(fake);
    expect(screen.getByLabelText<HTMLInputElement>('Title').value).toBe('[Re] Question 1');
    expect(screen.getByText(/Do not write personal information/)).toBeDefined();
    fireEvent.change(body(), { target: { value: 'Call me at 090-1234-5678 please' } });
    expect(screen.getByText('31/1000')).toBeDefined();
    const preview = await screen.findByLabelText('Detected personal information');
    expect(preview.querySelector('mark')?.textContent).toBe('090-1234-5678');
    fireEvent.change(body(), { target: { value: 'x'.repeat(1001) } });
    expect(screen.getByText('1001/1000')).toBeDefined();
    expect(screen.getByRole('button', { name: 'Send' }).hasAttribute('disabled')).toBe(true);
  });

  it('does not check a reply sent before the seller paused, nor mark up the composer once it is sent', async () => {
    const fake = new FakeInbox(1).loggedIn();
    await openFirstInquiry(fake);
    const u = user();
    const sendNow = async (): Promise<void> => {
      await u.click(screen.getByRole('button', { name: 'Send' }));
      await u.click(
        within(await dialogTitled('Send this reply?')).getByRole('button', { name: 'Send' }),
      );
      await waitFor(() => expect(body().value).toBe(''));
    };
    // Sent within the pause: its check would only have landed in the queued reply's frame.
    fireEvent.change(body(), { target: { value: 'Call 090-1234-5678' } });
    await sendNow();
    await act(() => new Promise((r) => setTimeout(r, 400)));
    expect(fake.callsOf('checkPii')).toHaveLength(0);

    // Checked, but the answer lands once the reply is queued and the composer is empty.
    let answer: () => void = () => undefined;
    fake.gates.set('checkPii', new Promise<void>((r) => (answer = r)));
    fireEvent.change(body(), { target: { value: 'Call 090-1234-5678 again' } });
    await waitFor(() => expect(fake.callsOf('checkPii')).toHaveLength(1));
    await sendNow();
    act(() => answer());
    await act(() => new Promise((r) => setTimeout(r, 50)));
    expect(screen.queryByLabelText('Detected personal information')).toBeNull();
  });

  it('checks a refused reply at once: it stays in the composer', async () => {
    const fake = new FakeInbox(1).loggedIn();
    await openFirstInquiry(fake);
    const u = user();
    fake.failures.set('reply', 'REPLY_TOO_LONG');
    fireEvent.change(body(), { target: { value: 'Call 090-1234-5678' } });
    await u.click(screen.getByRole('button', { name: 'Send' }));
    await u.click(
      within(await dialogTitled('Send this reply?')).getByRole('button', { name: 'Send' }),
    );
    expect(await screen.findByText(/longer than 1,000 characters/)).toBeDefined();
    const preview = await screen.findByLabelText('Detected personal information');
    expect(preview.querySelector('mark')?.textContent).toBe('090-1234-5678');
  });

  it('preselects Reply complete, never offers Unprocessed, and gates Replying by capability', async () => {
    const fake = new FakeInbox(1).loggedIn();
    fake.capabilities.replyingStatus = false;
    fake.loggedIn();
    await openFirstInquiry(fake);
    const group = screen.getByRole('radiogroup', { name: 'Status' });
    expect(within(group).getByRole('radio', { name: 'Reply complete' })).toHaveProperty(
      'checked',
      true,
    );
    expect(within(group).getByRole('radio', { name: 'Replying' })).toHaveProperty('disabled', true);
    expect(within(group).queryByRole('radio', { name: 'Unprocessed' })).toBeNull();
  });

  it('refuses an empty reply, then sends after confirmation and shows it queued, then failed with retry', async () => {
    const fake = new FakeInbox(1).loggedIn();
    const pane = await openFirstInquiry(fake);
    const u = user();
    await u.click(screen.getByRole('button', { name: 'Send' }));
    expect(await screen.findByText('Write a message before sending.')).toBeDefined();

    fireEvent.change(body(), { target: { value: 'Thank you, shipped today.' } });
    await u.click(screen.getByRole('radio', { name: 'Replying' }));
    await u.click(screen.getByRole('button', { name: 'Send' }));
    const confirm = await dialogTitled('Send this reply?');
    await u.click(within(confirm).getByRole('button', { name: 'Send' }));
    await waitFor(() =>
      expect(fake.callsOf('reply')).toEqual([
        {
          inquiryId: 'shop-a:1001',
          title: '[Re] Question 1',
          body: 'Thank you, shipped today.',
          status: 'S2',
          attachmentIds: [],
        },
      ]),
    );
    const pending = await within(pane).findByRole('article', { name: 'Reply' });
    expect(within(pending).getByText('Queued')).toBeDefined();
    expect(body().value).toBe('');

    const item = fake.outbox[0]!;
    act(() =>
      fake.emit('outboxChanged', {
        ...item,
        state: 'failed',
        error: { code: 'NETWORK', message: 'down' },
      }),
    );
    expect(await within(pane).findByText(/The server cannot be reached/)).toBeDefined();
    await u.click(within(pane).getByRole('button', { name: 'Retry' }));
    await waitFor(() => expect(fake.callsOf('retryOutbox')).toEqual([{ outboxId: item.id }]));
  });

  it('shows a conflict with the other reply', async () => {
    const fake = new FakeInbox(1).loggedIn();
    fake.outbox.push({
      id: 'ob-c',
      requestId: 'r',
      inquiryId: 'shop-a:1001',
      kind: 'reply',
      state: 'conflict',
      title: null,
      body: 'My answer',
      status: 'S3',
      attempts: 1,
      createdAt: '2026-03-01T00:00:00Z',
      updatedAt: '2026-03-01T00:00:00Z',
      error: null,
      conflict: { answeredBy: 'tanaka', answeredAt: '2026-03-01T01:00:00Z', body: 'Their answer' },
    });
    const pane = await openFirstInquiry(fake);
    expect(await within(pane).findByText(/tanaka answered this inquiry first/)).toBeDefined();
    expect(within(pane).getByText('Their answer')).toBeDefined();
    expect(within(pane).getByText('My answer')).toBeDefined();
    expect(within(pane).getByRole('button', { name: 'Send mine anyway' })).toBeDefined();
  });

  it('sends with Ctrl+Enter but never while an IME is composing', async () => {
    const fake = new FakeInbox(1).loggedIn();
    await openFirstInquiry(fake);
    fireEvent.change(body(), { target: { value: 'へんしん' } });
    fireEvent.keyDown(body(), { key: 'Enter', ctrlKey: true, isComposing: true });
    fireEvent.keyDown(body(), { key: 'Enter', ctrlKey: true, keyCode: 229 });
    expect(document.querySelector('.ant-modal-confirm')).toBeNull();
    fireEvent.keyDown(body(), { key: 'Enter', ctrlKey: true });
    expect(await dialogTitled('Send this reply?')).toBeDefined();
  });

  it('saves a draft as the seller types and restores it', async () => {
    const fake = new FakeInbox(1).loggedIn();
    fake.drafts.set('shop-a:1001', {
      inquiryId: 'shop-a:1001',
      title: '[Re] Question 1',
      body: 'Half written',
      status: 'S3',
      updatedAt: 'x',
    });
    await openFirstInquiry(fake);
    expect(body().value).toBe('Half written');
    fireEvent.change(body(), { target: { value: 'Half written, now more' } });
    await waitFor(() =>
      expect(fake.drafts.get('shop-a:1001')?.body).toBe('Half written, now more'),
    );
  });

  it('keeps each conversation its own draft when the seller moves on mid-sentence', async () => {
    const fake = new FakeInbox(2).loggedIn();
    fake.drafts.set('shop-a:1002', {
      inquiryId: 'shop-a:1002',
      title: '[Re] Question 2',
      body: 'Draft of the other one',
      status: 'S2',
      updatedAt: 'x',
    });
    const pane = await openFirstInquiry(fake);
    expect(pane.querySelector('h2')?.textContent).toBe('Question 1');
    fireEvent.change(body(), { target: { value: 'Typed in one' } });
    // Before the draft's debounce: the next conversation's composer starts from its own draft.
    await user().click(document.querySelector<HTMLElement>('[data-inquiry-id="shop-a:1002"]')!);
    await waitFor(() => expect(body().value).toBe('Draft of the other one'));
    expect(screen.getByRole('radio', { name: 'Replying' })).toHaveProperty('checked', true);
    // What was typed in the first one was saved to the first one, and only there.
    await waitFor(() => expect(fake.drafts.get('shop-a:1001')?.body).toBe('Typed in one'));
    expect(fake.drafts.get('shop-a:1002')?.body).toBe('Draft of the other one');
    expect(fake.callsOf('saveDraft')).toEqual([
      { inquiryId: 'shop-a:1001', title: '[Re] Question 1', body: 'Typed in one', status: 'S3' },
    ]);

    await user().click(document.querySelector<HTMLElement>('[data-inquiry-id="shop-a:1001"]')!);
    await waitFor(() => expect(body().value).toBe('Typed in one'));
    expect(screen.getByRole('radio', { name: 'Reply complete' })).toHaveProperty('checked', true);
  });

  it('leaves the next conversation alone when a reply is answered after the seller moved on', async () => {
    const fake = new FakeInbox(2).loggedIn();
    await openFirstInquiry(fake);
    const u = user();
    let release = (): void => undefined;
    fake.gates.set('reply', new Promise<void>((r) => (release = r)));
    fireEvent.change(body(), { target: { value: 'Sent from one' } });
    await u.click(screen.getByRole('button', { name: 'Send' }));
    await u.click(
      within(await dialogTitled('Send this reply?')).getByRole('button', { name: 'Send' }),
    );
    await waitFor(() => expect(fake.callsOf('reply')).toHaveLength(1));

    await u.click(document.querySelector<HTMLElement>('[data-inquiry-id="shop-a:1002"]')!);
    await waitFor(() => expect(body().value).toBe(''));
    fireEvent.change(body(), { target: { value: 'Typing in two' } });
    fake.gates.delete('reply');
    release();
    await waitFor(() => expect(fake.outbox).toHaveLength(1));
    // Two is saved as a draft as the seller types there.
    await waitFor(() => expect(fake.drafts.get('shop-a:1002')?.body).toBe('Typing in two'));
    // The answer for the first one neither clears nor marks up the second one's reply.
    expect(body().value).toBe('Typing in two');
    expect(screen.queryByText(/Reply queued/)).toBeNull();
    expect(fake.callsOf('deleteDraft')).toEqual([]);
  });

  it('inserts a template with its variables filled in and manages the list', async () => {
    const fake = new FakeInbox(1).loggedIn();
    await openFirstInquiry(fake);
    const u = user();
    await u.click(screen.getByRole('button', { name: 'Templates' }));
    const drawer = await dialogTitled('Frequently used replies');
    const item = (await within(drawer).findByText('Shipping')).closest('li')!;
    await u.click(within(item).getByRole('button', { name: 'Insert' }));
    await waitFor(() => expect(body().value).toBe('Dear シヒ1, order 319090001 ships today.'));

    await u.click(screen.getByRole('button', { name: 'Templates' }));
    const again = await dialogTitled('Frequently used replies');
    await u.click(await within(again).findByRole('button', { name: 'New template' }));
    fireEvent.change(within(again).getByLabelText('Name'), { target: { value: 'Thanks' } });
    fireEvent.change(within(again).getByLabelText('Text'), {
      target: { value: 'Thank you, {buyer}.' },
    });
    await u.click(within(again).getByRole('button', { name: 'Save' }));
    expect(await within(again).findByText('Thanks')).toBeDefined();
    expect(fake.callsOf('saveTemplate')).toEqual([{ name: 'Thanks', body: 'Thank you, {buyer}.' }]);
  });

  it('offers auto reply with an explanation, not for MyQoo10 customer questions, gated by capability', async () => {
    const fake = new FakeInbox(1).loggedIn();
    const pane = await openFirstInquiry(fake);
    const u = user();
    await u.click(within(pane).getByRole('button', { name: 'Auto reply' }));
    const dialog = await dialogTitled('Send the standard auto reply?');
    expect(dialog.textContent).toContain('settled by phone or e-mail');
    await u.click(within(dialog).getByRole('button', { name: 'OK' }));
    await waitFor(() =>
      expect(fake.callsOf('autoReply')).toEqual([{ inquiryId: 'shop-a:1001', language: 'ja' }]),
    );
    expect(await within(pane).findByRole('article', { name: 'Auto reply' })).toBeDefined();
  });

  it('does not offer auto reply for a customer question, and disables it without the capability', async () => {
    const fake = new FakeInbox(0).loggedIn();
    fake.inquiries.push(inquiry(1, { questionType: 'customer' }));
    fake.threads.set('shop-a:1001', [message(1)]);
    const pane = await openFirstInquiry(fake);
    expect(within(pane).queryByRole('button', { name: 'Auto reply' })).toBeNull();
    expect(within(pane).queryByRole('button', { name: 'Hide' })).toBeNull();
  });

  it('hides a product question with title and reason required, sender shown, restriction chosen', async () => {
    const fake = new FakeInbox(0).loggedIn();
    fake.capabilities.autoReply = false;
    fake.loggedIn();
    fake.inquiries.push(inquiry(1, { questionType: 'product', status: 'S3' }));
    fake.threads.set('shop-a:1001', [message(1)]);
    const pane = await openFirstInquiry(fake);
    expect(within(pane).getByRole('button', { name: 'Auto reply' })).toHaveProperty(
      'disabled',
      true,
    );
    expect(
      within(pane).getByText('The connected service does not offer auto reply.'),
    ).toBeDefined();
    const u = user();
    await u.click(within(pane).getByRole('button', { name: 'Hide' }));
    const dialog = await dialogTitled('Hide the question on the product page');
    expect(dialog.textContent).toContain('no-reply@qoo10.jp');
    await u.click(within(dialog).getByRole('button', { name: 'Send e-mail & hide' }));
    expect(await within(dialog).findByText(/Enter a title/)).toBeDefined();
    expect(within(dialog).getByText(/Enter the reason/)).toBeDefined();
    expect(fake.callsOf('hide')).toEqual([]);

    fireEvent.change(within(dialog).getByLabelText('Title'), {
      target: { value: 'About your question' },
    });
    fireEvent.change(within(dialog).getByLabelText('Reason'), {
      target: { value: 'It contained your phone number.' },
    });
    await u.click(within(dialog).getByRole('checkbox', { name: /Restrict this buyer/ }));
    await u.click(within(dialog).getByRole('button', { name: 'Send e-mail & hide' }));
    await waitFor(() =>
      expect(fake.callsOf('hide')).toEqual([
        {
          inquiryId: 'shop-a:1001',
          title: 'About your question',
          reason: 'It contained your phone number.',
          restrictBuyer: true,
        },
      ]),
    );
    expect(await within(pane).findByRole('article', { name: 'Hide' })).toBeDefined();
  });
});
