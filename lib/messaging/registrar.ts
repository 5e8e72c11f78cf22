/**
 * Registering the content script on the pages of mappings installed at runtime (their URL patterns,
 * path included, so other pages of the same host get nothing), in the way each browser allows (host access for those pages was granted when the mapping was installed):
 * - Chrome MV3: `scripting.registerContentScripts` (persists across restarts; replaced on refresh);
 * - Firefox: `contentScripts.register` (lives as long as the background page; redone at start);
 * - Chrome MV2 (Chromium 86: 360, 信创 browsers), which has neither: injected with
 *   `tabs.executeScript` when a tab in a granted origin finishes loading.
 * The content script itself ignores a second injection into the same frame.
 */
import { browser } from 'wxt/browser';
import type { ScriptRegistrar } from '../mapping/registry';
import { urlMatches } from '../mapping/match';

const ID = 'ylt-installed-mappings';
const FILE = 'content-scripts/platform.js';

type AnyApi = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- APIs differ per browser

export function browserRegistrar(): ScriptRegistrar {
  const api = browser as unknown as AnyApi;
  if (api.scripting?.registerContentScripts) {
    return {
      async set(matches) {
        const existing = (await api.scripting.getRegisteredContentScripts({ ids: [ID] }).catch(() => [])) as unknown[];
        if (existing.length) await api.scripting.unregisterContentScripts({ ids: [ID] });
        if (matches.length) {
          await api.scripting.registerContentScripts([{ id: ID, matches, js: [FILE], allFrames: true, runAt: 'document_idle', persistAcrossSessions: true }]);
        }
      },
    };
  }
  if (api.contentScripts?.register) {
    let handle: { unregister(): Promise<void> } | undefined;
    return {
      async set(matches) {
        await handle?.unregister();
        // Firefox's match patterns take no port: the pattern covers the host's every port there.
        const noPorts = Array.from(new Set(matches.map((m) => m.replace(/^([^:]+:\/\/[^/]+?):(\d+|\*)\//, '$1/'))));
        handle = matches.length ? await api.contentScripts.register({ matches: noPorts, js: [{ file: FILE }], allFrames: true, runAt: 'document_idle' }) : undefined;
      },
    };
  }
  // Chrome MV2: inject on navigation.
  let patterns: string[] = [];
  api.tabs?.onUpdated?.addListener((tabId: number, info: { status?: string }, tab: { url?: string }) => {
    if (info.status !== 'complete' || !tab.url || !patterns.some((p) => urlMatches(p, tab.url!))) return;
    void api.tabs.executeScript(tabId, { file: `/${FILE}`, allFrames: true, runAt: 'document_idle' }).catch(() => undefined);
  });
  return { async set(matches) { patterns = matches; } };
}

type ManagedPolicy = { mappingSources?: string[]; retentionDays?: number };

/**
 * The county IT's policy (managed storage) as the browser answers it, however long that takes; nothing
 * where the browser has no managed storage.
 *
 * Chromium holds every storage.managed read until its policy service has loaded the policy for
 * extensions, and answers them all at that moment. On Linux the policy directory is read by a
 * best-effort task, which Chromium runs only once the browser has finished starting (a visible tab
 * loaded and idle, else after a 3-minute failsafe): seconds after a normal start, but for as long as
 * the only visible tab keeps reloading. The background therefore never gives up on this read: it
 * checks the policy's sources when it answers (entrypoints/background.ts).
 */
export async function waitForManagedPolicy(): Promise<ManagedPolicy> {
  // Chromium's own promise API where there is one; Firefox's `browser` otherwise.
  const managed = ((globalThis as AnyApi).chrome?.storage?.managed ?? (browser as unknown as AnyApi).storage?.managed) as AnyApi | undefined;
  if (!managed?.get) return {};
  let got: Record<string, unknown>;
  try {
    got = ((await managed.get(['mappingSources', 'retentionDays'])) ?? {}) as Record<string, unknown>;
  } catch {
    got = {}; // no policy (Firefox rejects then), or a browser without the promise form
  }
  const sources = Array.isArray(got.mappingSources) ? got.mappingSources.filter((s): s is string => typeof s === 'string' && /^https?:\/\//.test(s)) : undefined;
  const days = typeof got.retentionDays === 'number' && Number.isInteger(got.retentionDays) && got.retentionDays >= 0 ? got.retentionDays : undefined;
  return { mappingSources: sources, retentionDays: days };
}

/**
 * The policy for one source check: a read the browser is still holding (see waitForManagedPolicy)
 * counts as "no policy yet" after 3 s, so the cadre's own subscriptions are not held up by it.
 */
export function readManagedPolicy(): Promise<ManagedPolicy> {
  return Promise.race([waitForManagedPolicy(), new Promise<ManagedPolicy>((ok) => setTimeout(() => ok({}), 3000))]);
}
