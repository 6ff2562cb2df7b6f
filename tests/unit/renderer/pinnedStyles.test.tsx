// @vitest-environment jsdom
// Ant Design's run-time <style> elements stay once made (src/renderer/pinnedStyles.ts): a screen
// whose last button goes away must not take the button's CSS variables with it, for the next
// screen's first button to insert again.
import './setup.js';
import { createCache, StyleProvider } from '@ant-design/cssinjs';
import { act, render } from '@testing-library/react';
import { Button, ConfigProvider } from 'antd';
import { describe, expect, it } from 'vitest';
import { pinnedStyleCache } from '../../../src/renderer/pinnedStyles.js';

const THEME = { zeroRuntime: true, token: { borderRadius: 4 } };

function Page({ cache, button }: { cache: ReturnType<typeof createCache>; button: boolean }) {
  return (
    <StyleProvider cache={cache}>
      <ConfigProvider theme={THEME}>{button && <Button>OK</Button>}</ConfigProvider>
    </StyleProvider>
  );
}

/** The <style> elements holding the button's CSS variables. */
const buttonStyles = (): HTMLStyleElement[] =>
  [...document.querySelectorAll('style')].filter((s) => s.textContent.includes('--ant-button-'));

/** Shows a button, takes it away, shows one again; what the head held at each step. */
function swapButtons(cache: ReturnType<typeof createCache>): HTMLStyleElement[][] {
  const seen: HTMLStyleElement[][] = [];
  const { rerender, unmount } = render(<Page cache={cache} button />);
  seen.push(buttonStyles());
  act(() => rerender(<Page cache={cache} button={false} />));
  seen.push(buttonStyles());
  act(() => rerender(<Page cache={cache} button />));
  seen.push(buttonStyles());
  unmount();
  return seen;
}

describe('pinnedStyleCache', () => {
  it('keeps a component type’s style element when its last instance goes, and reuses it', () => {
    const [first, gone, again] = swapButtons(pinnedStyleCache());
    expect(first).toHaveLength(1);
    expect(gone).toEqual(first);
    expect(again).toEqual(first); // the same element: nothing inserted
  });

  it('is needed: antd’s own cache removes the element and inserts a new one', () => {
    for (const s of document.querySelectorAll('style')) s.remove();
    const [first, gone, again] = swapButtons(createCache());
    expect(first).toHaveLength(1);
    expect(gone).toHaveLength(0);
    expect(again).toHaveLength(1);
    expect(again?.[0]).not.toBe(first?.[0]);
  });
});
