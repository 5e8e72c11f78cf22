/**
 * URL matching for mappings. Patterns follow WebExtension match patterns (`scheme://host/path`),
 * with one addition real deployments need: an explicit port (`http://127.0.0.1:5101/*`). A pattern
 * without a port matches any port, as browsers do.
 */
import type { Mapping } from './schema';

function globToRegex(glob: string): string {
  return glob.split('*').map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*');
}

export function urlMatches(pattern: string, url: string): boolean {
  const m = /^(https?|\*):\/\/([^/]+)(\/.*)$/.exec(pattern);
  if (!m) return false;
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  const [, scheme, hostPort, path] = m as unknown as [string, string, string, string];
  const scheme_ = u.protocol.slice(0, -1);
  if (scheme === '*' ? !['http', 'https'].includes(scheme_) : scheme !== scheme_) return false;
  const [host, port] = hostPort.split(/:(?=[^:]*$)/) as [string, string | undefined];
  if (host !== '*') {
    if (host.startsWith('*.')) {
      const base = host.slice(2);
      if (u.hostname !== base && !u.hostname.endsWith('.' + base)) return false;
    } else if (u.hostname !== host) return false;
  }
  if (port && port !== '*') {
    const actual = u.port || (scheme_ === 'https' ? '443' : '80');
    if (actual !== port) return false;
  }
  return new RegExp(`^${globToRegex(path)}$`).test(u.pathname + u.search);
}

export function mappingForUrl(mappings: readonly Mapping[], url: string): Mapping | undefined {
  return mappings.find((m) => m.match.urls.some((p) => urlMatches(p, url)));
}

/** Browser match patterns (no ports) for the manifest: host access only for mapped platforms. */
export function hostPatterns(mappings: readonly Mapping[]): string[] {
  return Array.from(new Set(mappings.flatMap((m) => m.match.urls.map((p) => {
    const mm = /^([^:]+):\/\/([^/]+)\//.exec(p);
    return mm ? `${mm[1]}://${mm[2]!.replace(/:(\d+|\*)$/, '')}/*` : p;
  }))));
}

/** Files in mappings/ that are platform mappings (not the schemas or the vocabulary). */
export function isMappingFile(name: string): boolean {
  return name.endsWith('.json') && !['schema.json', 'vocabulary.json', 'vocabulary.schema.json'].includes(name);
}
