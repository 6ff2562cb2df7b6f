import { useRef, useState, type RefObject } from 'react';

/**
 * For a component that stays mounted from one inquiry to the next (a remount of its fields cost
 * every open): runs `startOver` in the render where `scope` changes (React re-renders before
 * committing, so the old state is never shown with the new scope), and returns the scope on
 * screen, for answers that arrive after the seller moved on.
 */
export function useStartOver(scope: string, startOver: () => void): RefObject<string> {
  const current = useRef(scope);
  current.current = scope;
  const [shownFor, setShownFor] = useState(scope);
  if (shownFor !== scope) {
    setShownFor(scope);
    startOver();
  }
  return current;
}
