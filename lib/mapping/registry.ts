/**
 * The mappings in force, for the background: bundled ones, plus those installed at runtime, minus
 * retired and switched-off ones; re-read from the database whenever the options page changes them.
 * Also keeps the content script registered on the installed mappings' pages (host access for them
 * is granted at install time) and checks subscribed sources at start and once a day.
 */
import type { Mapping } from './schema';
import { activeMappings } from './installed';
import { checkDue, checkSource, type FetchText } from './subscription';
import { contentScriptPatterns } from './match';
import { getSettings, putSettings } from '../store/retention';
import type { YltDb } from '../store/db';

/** What the browser offers to register content scripts at runtime (MV3 `scripting`, Firefox `contentScripts`). */
export interface ScriptRegistrar {
  /** Replaces the dynamic registration with one covering `matches` (none: unregister). */
  set(matches: string[]): Promise<void>;
}

/** Policy set by the county's IT through managed storage (see docs/deployment.md). */
export interface ManagedPolicy {
  mappingSources?: string[];
  retentionDays?: number;
}

export interface Registry {
  current(): readonly Mapping[];
  refresh(): Promise<readonly Mapping[]>;
  /** Checks subscribed (and policy-set) sources if a day has passed, or now when `force`. */
  checkSources(force?: boolean): Promise<void>;
}

export function createRegistry(deps: {
  db: YltDb;
  bundled: readonly Mapping[];
  registrar?: ScriptRegistrar;
  policy?: () => Promise<ManagedPolicy>;
  fetchText?: FetchText;
  now?: () => number;
}): Registry {
  let active: readonly Mapping[] = deps.bundled;
  const bundledPages = new Set(contentScriptPatterns(deps.bundled));
  // Undefined until the first refresh: MV3 registrations outlive a restart, so the first one always sets them.
  let registered: string | undefined;

  const refresh = async () => {
    const [rows, settings] = await Promise.all([deps.db.installedMappings.toArray(), getSettings(deps.db)]);
    active = activeMappings(deps.bundled, rows, settings.disabledMappings);
    // Bundled mappings' pages are in the manifest already; only the installed mappings' pages (their
    // URL patterns, path included: lib/mapping/match.ts contentScriptPatterns) are registered.
    const extra = contentScriptPatterns(active).filter((h) => !bundledPages.has(h));
    const key = extra.join('\n');
    if (deps.registrar && key !== registered) {
      await deps.registrar.set(extra).catch((e: unknown) => console.error('一录通：注册内容脚本失败', e));
      registered = key;
    }
    return active;
  };

  let checking: Promise<void> | undefined;
  // At most one more check queued behind the running one; requests made meanwhile share it.
  let next: { force: boolean; done: Promise<void> } | undefined;
  let retryAt = 0;
  const checkSources = (force = false): Promise<void> => {
    if (!checking) {
      checking = runCheck(force).finally(() => { checking = undefined; });
      return checking;
    }
    // The running check read the policy and settings when it began; a request made since (the unit's
    // policy arriving, a changed policy) must not be folded into it, or what it brought is lost.
    if (next) {
      next.force ||= force;
      return next.done;
    }
    const queued = { force, done: Promise.resolve() };
    queued.done = checking.catch(() => undefined).then(() => {
      next = undefined;
      return checkSources(queued.force);
    });
    next = queued;
    return queued.done;
  };
  const runCheck = async (force: boolean) => {
    const policy: ManagedPolicy = (await deps.policy?.().catch(() => ({}))) ?? {};
    const settings = await getSettings(deps.db);
    const now = deps.now?.() ?? Date.now();
    if (policy.retentionDays !== undefined && policy.retentionDays !== settings.retentionDays) {
      await putSettings(deps.db, { retentionDays: policy.retentionDays });
    }
    const sources = [...new Set([...(policy.mappingSources ?? []), ...settings.subscriptions])];
    if (!sources.length || (!force && (!checkDue(settings.lastSourceCheck, now) || now < retryAt))) return;
    let unread = false;
    const errors: string[] = [];
    let installed = 0;
    for (const s of sources) {
      const r = await checkSource(deps.db, s, deps.bundled, deps.fetchText, now);
      errors.push(...r.errors);
      installed += r.installed.length;
      if (r.errors.some((e) => e.startsWith('无法读取映射目录'))) unread = true;
    }
    await putSettings(deps.db, { sourceStatus: { at: now, sources, installed, errors } });
    // A source that could not be read (network not up yet at browser start, server down) is tried again
    // a minute later on the next message, instead of a day later.
    if (unread) retryAt = now + 60_000;
    else await putSettings(deps.db, { lastSourceCheck: now });
    await refresh();
  };

  return { current: () => active, refresh, checkSources };
}
