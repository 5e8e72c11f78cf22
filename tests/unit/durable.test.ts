import { describe, expect, it } from 'vitest';
import { sendDurably } from '@/lib/messaging/durable';

describe('messages that must survive a stopping service worker', () => {
  const noSleep = { sleep: async () => undefined };
  it('sends again after a failure or a missing answer, and returns the first answer', async () => {
    const tries: unknown[] = [];
    const answers = [new Error('Could not establish connection. Receiving end does not exist.'), undefined, { ok: true }];
    const send = async (m: unknown) => {
      tries.push(m);
      const a = answers.shift();
      if (a instanceof Error) throw a;
      return a;
    };
    expect(await sendDurably(send, { type: 'capture', captureId: 'c1' }, noSleep)).toEqual({ ok: true });
    expect(tries).toEqual([{ type: 'capture', captureId: 'c1' }, { type: 'capture', captureId: 'c1' }, { type: 'capture', captureId: 'c1' }]);
  });
  it('gives up after its tries with the last error, pausing longer each time', async () => {
    const pauses: number[] = [];
    await expect(sendDurably(async () => { throw new Error('gone'); }, {}, { tries: 3, pauseMs: 100, sleep: async (ms) => { pauses.push(ms); } })).rejects.toThrow('gone');
    expect(pauses).toEqual([100, 200]);
  });
});
