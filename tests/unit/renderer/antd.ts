// Helpers for Ant Design widgets whose accessible structure is awkward to query in jsdom.
import { screen, waitFor } from '@testing-library/react';
import { expect } from 'vitest';
import { user } from './setup.js';

/**
 * Choose in an antd Select: open it, click the option (its visible item carries the title). The
 * inbox's filter selects mount just after its first paint: this waits for them.
 */
export async function pick(label: string, option: string): Promise<void> {
  const u = user();
  await u.click(await screen.findByRole('combobox', { name: label }));
  const item = await waitFor(() => {
    const found = [...document.querySelectorAll<HTMLElement>('.ant-select-item-option')].filter(
      (e) => e.getAttribute('title') === option,
    );
    expect(found.length).toBeGreaterThan(0);
    return found[found.length - 1]!;
  });
  await u.click(item);
}

/** An antd Modal or Drawer by its title text. */
export async function dialogTitled(title: string): Promise<HTMLElement> {
  return waitFor(() => {
    const t = [
      ...document.querySelectorAll<HTMLElement>('.ant-modal-title, .ant-drawer-title'),
    ].find((e) => e.textContent === title);
    const box = t?.closest<HTMLElement>('.ant-modal, .ant-drawer');
    expect(box).toBeTruthy();
    return box!;
  });
}
