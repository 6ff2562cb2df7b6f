// @vitest-environment jsdom
// A confirmation that is gone in the task of its answer, as the composer and the auto reply use.
import '../setup.js';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { App } from 'antd';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { useConfirm } from '../../../../src/renderer/hooks/useConfirm.js';

function Asker({ onOk, onCancel }: { onOk: () => void; onCancel?: () => void }) {
  const [confirm, holder] = useConfirm();
  const [asked, setAsked] = useState(0);
  return (
    <App>
      <button
        onClick={() => {
          setAsked((n) => n + 1);
          confirm({
            title: 'Send this?',
            content: <p>It goes to the buyer.</p>,
            okText: 'Send',
            cancelText: 'Cancel',
            onOk,
            onCancel,
          });
        }}
      >
        ask {asked}
      </button>
      {holder}
    </App>
  );
}

const dialog = (): HTMLElement | null => document.querySelector('[role="dialog"]');

describe('useConfirm', () => {
  it('is gone from the DOM in the task of the click that confirms it, before onOk runs', () => {
    let inDomAtOk: boolean | undefined;
    const onOk = vi.fn(() => (inDomAtOk = dialog() !== null));
    render(<Asker onOk={onOk} />);
    fireEvent.click(screen.getByRole('button', { name: /ask/ }));
    expect(dialog()?.textContent).toContain('It goes to the buyer.');
    expect(screen.getByRole('dialog', { name: 'Send this?' })).toBeDefined();
    fireEvent.click(screen.getByRole('button', { name: 'Send' }));
    // No waiting: antd's modal.confirm left its dialog in the DOM until a later render.
    expect(dialog()).toBeNull();
    expect(document.querySelector('.ant-modal-root, .ant-modal-wrap')).toBeNull();
    expect(onOk).toHaveBeenCalledTimes(1);
    expect(inDomAtOk).toBe(false);
  });

  it('cancels with the Cancel button and with Esc, without confirming', () => {
    const onOk = vi.fn();
    const onCancel = vi.fn();
    render(<Asker onOk={onOk} onCancel={onCancel} />);
    fireEvent.click(screen.getByRole('button', { name: /ask/ }));
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(dialog()).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: /ask/ }));
    fireEvent.keyDown(dialog()!, { key: 'Escape', code: 'Escape', keyCode: 27 });
    expect(dialog()).toBeNull();
    expect(onCancel).toHaveBeenCalledTimes(2);
    expect(onOk).not.toHaveBeenCalled();
  });

  it('focuses its OK button, so Enter confirms', async () => {
    render(<Asker onOk={() => undefined} />);
    fireEvent.click(screen.getByRole('button', { name: /ask/ }));
    await waitFor(() =>
      expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Send' })),
    );
  });
});
