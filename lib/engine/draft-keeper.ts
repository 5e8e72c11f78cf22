/**
 * Saves what the cadre types as a draft of the inspection, a few seconds after the last keystroke or
 * click (debounced), through the ordinary capture path with status `draft`.
 *
 * A page that throws its form away (a session expiry) must not take the draft with it: when a capture
 * lacks values the last draft had, the form lost content; `onLost` is told (the page then offers the
 * draft and saves the next one under a new id, so the fuller draft stays restorable). A capture with
 * no values saves nothing.
 */
export interface DraftCapture {
  values: Record<string, unknown>;
  raw: Record<string, unknown>;
}

export interface DraftKeeperOptions {
  /** Quiet time after the last edit before the draft is saved. */
  delayMs: number;
  capture: () => DraftCapture;
  save: (draft: DraftCapture) => void;
  /** The form lost values the last saved draft had (before anything newer is saved). */
  onLost: () => void;
  setTimer?: (f: () => void, ms: number) => unknown;
  clearTimer?: (t: unknown) => void;
}

export interface DraftKeeper {
  /** The cadre edited something: (re)start the quiet period. */
  touch(): void;
  /** Save now if an edit is pending (e.g. the page is being left). */
  flush(): void;
  /** The form was submitted or filled: drop the pending save and start afresh. */
  reset(): void;
}

export function createDraftKeeper(opts: DraftKeeperOptions): DraftKeeper {
  const setTimer = opts.setTimer ?? ((f, ms) => setTimeout(f, ms));
  const clearTimer = opts.clearTimer ?? ((t) => clearTimeout(t as ReturnType<typeof setTimeout>));
  let timer: unknown;
  let lastKeys: string[] = [];
  const save = () => {
    timer = undefined;
    const draft = opts.capture();
    const keys = Object.keys(draft.values);
    const lost = lastKeys.some((k) => !keys.includes(k));
    lastKeys = keys;
    if (lost) opts.onLost();
    if (keys.length) opts.save(draft);
  };
  return {
    touch() {
      if (timer !== undefined) clearTimer(timer);
      timer = setTimer(save, opts.delayMs);
    },
    flush() {
      if (timer === undefined) return;
      clearTimer(timer);
      save();
    },
    reset() {
      if (timer !== undefined) clearTimer(timer);
      timer = undefined;
      lastKeys = [];
    },
  };
}
