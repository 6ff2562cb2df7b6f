// Single-key shortcuts for the inbox. They never fire while the seller types (inputs, text
// areas, editable content, open dialogs) or while an IME is composing.
import { useEffect, useRef } from 'react';

export interface ShortcutHandlers {
  next: () => void;
  prev: () => void;
  open: () => void;
  focusReply: () => void;
  autoReply: () => void;
  focusSearch: () => void;
  help: () => void;
}

export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof Element)) return false;
  if (target.closest('input, textarea, select, [contenteditable=""], [contenteditable="true"]')) {
    return true;
  }
  return target.closest('[role="dialog"], [role="combobox"], [role="listbox"]') !== null;
}

/** True while an input method editor is composing (Japanese/Chinese conversion). */
export function isComposing(e: { isComposing?: boolean; keyCode?: number }): boolean {
  // keyCode 229 is how some engines flag keydowns that belong to an IME composition.
  return e.isComposing === true || e.keyCode === 229;
}

export function useShortcuts(handlers: ShortcutHandlers): void {
  const ref = useRef(handlers);
  ref.current = handlers;
  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      if (e.defaultPrevented || isComposing(e) || e.ctrlKey || e.metaKey || e.altKey) return;
      if (isTypingTarget(e.target)) return;
      const h = ref.current;
      const action: (() => void) | undefined = {
        j: h.next,
        k: h.prev,
        Enter: h.open,
        r: h.focusReply,
        a: h.autoReply,
        '/': h.focusSearch,
        '?': h.help,
      }[e.key];
      if (!action) return;
      // Enter on a focused button or link keeps its own meaning.
      if (e.key === 'Enter' && e.target instanceof Element && e.target.closest('button, a')) return;
      e.preventDefault();
      action();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);
}
