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

/** Second-level labels under .cn that many unrelated sites share (com.cn, gov.cn…; 2-letter ones are provinces: zj.cn). */
const CN_SHARED = new Set(['com', 'net', 'org', 'gov', 'edu', 'ac', 'mil']);

/**
 * Why a match pattern reaches more than one site, in Chinese for the mapping's maintainer; undefined
 * when it names one site. A mapping's patterns become the extension's host permissions, so `*` and
 * wildcards over a public suffix (`*.gov.cn`, `*.com.cn`, `*.zj.cn`, `*.cn`) are refused. "One site"
 * is what browsers call a site: a registrable domain (public suffix + one label), so a wildcard may
 * cover one site's own subdomains (`*.zjzwfw.gov.cn`) and no more.
 */
export function patternTooBroad(pattern: string): string | undefined {
  if (pattern.trim() === '<all_urls>') return '不能使用 <all_urls>：映射只能写它所适用的那个平台的地址';
  const m = /^[^:]+:\/\/([^/]*)\//.exec(pattern);
  if (!m) return undefined; // the pattern's form is checked by the schema's regex
  const host = m[1]!.replace(/:(\d+|\*)$/, '').toLowerCase();
  if (host === '*' || host === '') return `“${pattern}”匹配所有网站：请写出平台的域名，如 https://zfjc.example.gov.cn/*`;
  if (!host.startsWith('*.')) return undefined;
  const labels = host.slice(2).split('.');
  let needed = 2; // example.com
  if (labels[labels.length - 1] === 'cn' && labels.length >= 2 && (CN_SHARED.has(labels[labels.length - 2]!) || labels[labels.length - 2]!.length === 2)) needed = 3; // example.com.cn, example.zj.cn
  if (labels.every((l) => /^\d+$/.test(l)) || labels.length < needed) {
    return `“${pattern}”的通配符 *.${labels.join('.')} 覆盖了不止一个网站：通配符只能用于一个网站自己的子域名（如 *.zjzwfw.gov.cn），或直接写出完整域名`;
  }
  return undefined;
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

/**
 * Where the content script is injected: each mapping URL pattern as a browser match pattern, path
 * included, so a page on a mapped platform's host that no mapping matches gets nothing injected.
 * Mapping patterns use the match-pattern grammar, so each carries over as it is, with two exceptions:
 * - the port: Chromium match patterns take one (`http://127.0.0.1:5101/*`), Firefox's do not
 *   (`ports: false` drops it, so the pattern covers every port of the host there);
 * - a path with `#`: browsers match the path and query only, never the fragment; such a pattern falls
 *   back to its host (`scheme://host/*`), and the mapping's own match still decides in the page.
 */
export function contentScriptPatterns(mappings: readonly Mapping[], opts: { ports?: boolean } = {}): string[] {
  return Array.from(new Set(mappings.flatMap((m) => m.match.urls.map((p) => {
    const mm = /^(https?|\*):\/\/([^/]+)(\/.*)$/.exec(p);
    if (!mm) return p;
    const [, scheme, hostPort, path] = mm as unknown as [string, string, string, string];
    const host = opts.ports === false || /:\*$/.test(hostPort) ? hostPort.replace(/:(\d+|\*)$/, '') : hostPort;
    return path.includes('#') ? `${scheme}://${host}/*` : `${scheme}://${host}${path}`;
  }))));
}

/** Files in mappings/ that are platform mappings (not the schemas or the vocabulary). */
export function isMappingFile(name: string): boolean {
  return name.endsWith('.json') && !['schema.json', 'vocabulary.json', 'vocabulary.schema.json'].includes(name);
}
