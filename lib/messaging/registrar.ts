/**
 * Registering the content script on the pages of mappings installed at runtime, in the way each
 * browser allows (host access for those pages was granted when the mapping was installed):
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
        handle = matches.length ? await api.contentScripts.register({ matches, js: [{ file: FILE }], allFrames: true, runAt: 'document_idle' }) : undefined;
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

/** The county IT's policy (managed storage), or nothing where the browser or the policy has none. */
export async function readManagedPolicy(): Promise<{ mappingSources?: string[]; retentionDays?: number }> {
  // Chromium's own promise API where there is one (the polyfill's callback wrapper was seen to stall on
  // managed storage right after start); Firefox's `browser` otherwise.
  const managed = ((globalThis as AnyApi).chrome?.storage?.managed ?? (browser as unknown as AnyApi).storage?.managed) as AnyApi | undefined;
  if (!managed?.get) return {};
  // Bounded: right after the browser starts, Chromium can hold a managed-storage read until its policy
  // service is up; a read that does not answer in 3 s counts as "no policy yet" and is retried on the next check.
  const got = (await Promise.race([
    managed.get(['mappingSources', 'retentionDays']).catch(() => ({})),
    new Promise((ok) => setTimeout(() => ok({}), 3000)),
  ])) as Record<string, unknown>;
  const sources = Array.isArray(got.mappingSources) ? got.mappingSources.filter((s): s is string => typeof s === 'string' && /^https?:\/\//.test(s)) : undefined;
  const days = typeof got.retentionDays === 'number' && Number.isInteger(got.retentionDays) && got.retentionDays >= 0 ? got.retentionDays : undefined;
  return { mappingSources: sources, retentionDays: days };
}
