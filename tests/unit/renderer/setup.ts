// jsdom lacks a few browser APIs that Ant Design and the virtualized list use.
import { cleanup, configure } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import * as Scheduler from 'scheduler';
import { afterAll, afterEach, vi } from 'vitest';

// This machine is shared and loaded; Ant Design in jsdom is slow. Generous, not a timing check.
vi.setConfig({ testTimeout: 120_000 });
configure({ asyncUtilTimeout: 20_000 });

/** userEvent without artificial delays between keystrokes. */
export const user = () => userEvent.setup({ delay: null });

if (typeof (window as { matchMedia?: unknown }).matchMedia !== 'function') {
  Object.defineProperty(window, 'matchMedia', {
    writable: true,
    value: (query: string) => ({
      matches: false,
      media: query,
      onchange: null,
      addListener: () => undefined,
      removeListener: () => undefined,
      addEventListener: () => undefined,
      removeEventListener: () => undefined,
      dispatchEvent: () => false,
    }),
  });
}

class ResizeObserverStub {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}
if (typeof (window as { ResizeObserver?: unknown }).ResizeObserver !== 'function') {
  Object.defineProperty(window, 'ResizeObserver', { writable: true, value: ResizeObserverStub });
}

// jsdom's getComputedStyle cascades every stylesheet Ant Design's CSS-in-JS injected, on every
// call (testing-library calls it for each element it inspects): tens of seconds per test. The
// inline style is what these tests need (antd hides and shows popups with inline styles), and
// pseudo elements, which jsdom rejects, get the same answer.
window.getComputedStyle = (elt: Element) => (elt as HTMLElement).style;

// jsdom has no layout: give elements a size so the virtualizer renders a viewport of rows.
Object.defineProperty(HTMLElement.prototype, 'offsetHeight', {
  configurable: true,
  get: () => 720,
});
Object.defineProperty(HTMLElement.prototype, 'offsetWidth', {
  configurable: true,
  get: () => 1200,
});
Object.defineProperty(Element.prototype, 'clientHeight', { configurable: true, get: () => 720 });
Object.defineProperty(Element.prototype, 'clientWidth', { configurable: true, get: () => 1200 });
Element.prototype.scrollTo = function scrollTo() {};
Element.prototype.scrollIntoView = function scrollIntoView() {};

// Under vitest's jsdom environment React's scheduler sometimes loses its host callback after an
// update that arrives outside act() (an API answer), and the render waits until the next task is
// scheduled. Scheduling an idle no-op now and then keeps it moving, as real browser events would.
const tick = setInterval(() => {
  Scheduler.unstable_scheduleCallback(Scheduler.unstable_IdlePriority, () => undefined);
}, 20);
afterAll(() => clearInterval(tick));

afterEach(() => {
  cleanup();
  localStorage.clear();
  vi.useRealTimers();
});
