// How an answer's state update is rendered: what the seller asked for at once, a quiet re-read
// (prompted by news from the core) as a transition, behind urgent work (see useBridgeEvent).
import { startTransition } from 'react';

export type Render = (update: () => void) => void;

const atOnce: Render = (update) => update();

export const renderFor = (quiet: boolean): Render => (quiet ? startTransition : atOnce);
