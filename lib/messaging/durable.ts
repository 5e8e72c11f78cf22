/**
 * Messages from a content script that must not be lost (a capture, the log of a fill). An MV3
 * service worker can be stopped at any moment; a message that meets it stopping fails ("Receiving end
 * does not exist", "message channel closed") or gets no answer. Such a message is sent again, a few
 * times with growing pauses; the first answer wins. A capture repeats under its captureId, which the
 * store treats as the same contribution, so a repeat never makes a second record.
 */
export interface DurableOptions {
  tries?: number;
  /** First pause in ms; doubles after each failed try. */
  pauseMs?: number;
  sleep?: (ms: number) => Promise<void>;
}

export async function sendDurably(send: (msg: unknown) => Promise<unknown>, msg: unknown, options: DurableOptions = {}): Promise<unknown> {
  const { tries = 5, pauseMs = 200, sleep = (ms) => new Promise<void>((r) => setTimeout(r, ms)) } = options;
  let lastError: unknown;
  for (let i = 0; i < tries; i++) {
    try {
      const answer = await send(msg);
      if (answer !== undefined) return answer;
      lastError = new Error('扩展后台没有应答');
    } catch (e) {
      lastError = e;
    }
    if (i < tries - 1) await sleep(pauseMs * 2 ** i);
  }
  throw lastError;
}
