// The inbox's confirmation dialogs appear and go without a zoom. A confirmation answered while
// it was still zooming in (Ctrl+Enter, then a quick click or Enter) could stay on screen without
// sending, seen in the end-to-end test and the benchmark; and sellers confirm hundreds of these
// a day, where an animation is only a wait.
export const INSTANT_CONFIRM = { transitionName: '', maskTransitionName: '' } as const;
