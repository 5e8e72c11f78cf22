/**
 * Serves the replica platforms, each on its own 127.0.0.1 origin (its own port), the way the real
 * platforms are different sites. Pages load their UI libraries' browser builds from /vendor/, as many
 * government pages load them from a static path, so no bundler sits between us and the library.
 *
 * Each platform folder holds static files and a `backend.ts` exporting `createBackend()`, which
 * answers that platform's /api/ routes and records every submission so a test can read back exactly
 * what the platform received (GET /api/submissions).
 *
 * Tests tag their browser contexts with an `x-ylt-test` request header (tests/helpers/test.ts). A
 * backend stores the tag with each submission; GET and DELETE /api/submissions with the header act on
 * that test's submissions only (without it, on all of them, for a person looking at the log).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AddressInfo } from 'node:net';

export interface UploadedFile {
  field: string;
  filename: string;
  type: string;
  data: Buffer;
}
export interface ApiRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  /** JSON and urlencoded bodies parsed; multipart bodies as `{ fields, files }`. */
  body: unknown;
  /** The `x-ylt-test` header: which test sent the request (undefined for a person's browser). */
  testTag?: string;
}

/** The request header carrying the sending test's tag. Real pages never send it; only test contexts do. */
export const TEST_HEADER = 'x-ylt-test';
export interface ApiResponse {
  status?: number;
  json: unknown;
}
export interface PlatformBackend {
  /** Returns undefined for routes it does not know (404). */
  handle(req: ApiRequest): Promise<ApiResponse | undefined> | ApiResponse | undefined;
}
export interface BackendOptions {
  /** Platform A's session idle limit, milliseconds. */
  sessionIdleMs: number;
}

const here = fileURLToPath(new URL('.', import.meta.url));
const nodeModules = resolve(here, '../../node_modules');

/** Only these packages are reachable under /vendor/, so a page cannot pull arbitrary files. */
const VENDOR_PACKAGES = new Set([
  'vue', 'element-plus', '@element-plus/icons-vue', 'react', 'react-dom', 'antd', 'dayjs', 'layui', 'htm',
  'vue2', 'element-ui', 'antd4', 'moment', 'ant-design-vue', 'vant', '@shoelace-style/shoelace',
  'tdesign-vue-next', 'view-design', '@alifd/next', 'naive-ui',
]);

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.map': 'application/json',
};

/** The three replica platforms, then the widget galleries (one page per UI-library family). */
export const PLATFORMS = ['platform-a', 'platform-b', 'platform-c', 'gallery'] as const;
export type PlatformId = (typeof PLATFORMS)[number];

export interface SitesOptions {
  /** First port; platforms take consecutive ports. 0 picks free ports. */
  basePort?: number;
  sessionIdleMs?: number;
  host?: string;
}
export interface RunningSites {
  urls: Record<PlatformId, string>;
  close(): Promise<void>;
}

async function readBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > 50 * 1024 * 1024) throw new Error('body too large');
    chunks.push(chunk as Buffer);
  }
  const raw = Buffer.concat(chunks);
  const type = req.headers['content-type'] ?? '';
  const boundary = /multipart\/form-data;.*boundary=(?:"([^"]+)"|([^;]+))/i.exec(type);
  if (boundary) return parseMultipart(raw, boundary[1] ?? boundary[2] ?? '');
  const text = raw.toString('utf8');
  if (!text) return undefined;
  if (type.includes('application/json')) return JSON.parse(text);
  if (type.includes('application/x-www-form-urlencoded')) {
    const params = new URLSearchParams(text);
    const out: Record<string, string | string[]> = {};
    for (const [k, v] of params) {
      const prev = out[k];
      out[k] = prev === undefined ? v : Array.isArray(prev) ? [...prev, v] : [prev, v];
    }
    return out;
  }
  return text;
}

/** Minimal multipart/form-data parser: enough for upload widgets posting files and a few fields. */
export function parseMultipart(raw: Buffer, boundary: string): { fields: Record<string, string>; files: UploadedFile[] } {
  const fields: Record<string, string> = {};
  const files: UploadedFile[] = [];
  const delim = Buffer.from(`--${boundary}`);
  let pos = raw.indexOf(delim);
  while (pos !== -1) {
    const next = raw.indexOf(delim, pos + delim.length);
    if (next === -1) break;
    const part = raw.subarray(pos + delim.length + 2, next - 2); // skip CRLF after delimiter and before next
    const headEnd = part.indexOf('\r\n\r\n');
    if (headEnd !== -1) {
      const head = part.subarray(0, headEnd).toString('utf8');
      const data = part.subarray(headEnd + 4);
      const name = /name="([^"]*)"/i.exec(head)?.[1] ?? '';
      const filename = /filename="([^"]*)"/i.exec(head)?.[1];
      const ctype = /content-type:\s*([^\r\n]+)/i.exec(head)?.[1] ?? 'application/octet-stream';
      if (filename !== undefined) files.push({ field: name, filename, type: ctype.trim(), data: Buffer.from(data) });
      else fields[name] = data.toString('utf8');
    }
    pos = next;
  }
  return { fields, files };
}

async function sendFile(res: ServerResponse, file: string): Promise<boolean> {
  try {
    const info = await stat(file);
    if (!info.isFile()) return false;
    const data = await readFile(file);
    res.writeHead(200, {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'cache-control': 'no-store',
    });
    res.end(data);
    return true;
  } catch {
    return false;
  }
}

function safeJoin(root: string, rel: string): string | undefined {
  const full = normalize(join(root, rel));
  return full === root || full.startsWith(root + sep) ? full : undefined;
}

async function startPlatform(id: PlatformId, port: number, host: string, opts: BackendOptions): Promise<Server> {
  const root = resolve(here, id);
  const sharedRoot = resolve(here, 'shared');
  const mod = (await import(`./${id}/backend.ts`)) as { createBackend(o: BackendOptions): PlatformBackend };
  const backend = mod.createBackend(opts);
  const server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', `http://${host}`);
      const path = decodeURIComponent(url.pathname);
      try {
        if (path.startsWith('/api/')) {
          const body = req.method === 'GET' ? undefined : await readBody(req);
          const tag = req.headers[TEST_HEADER];
          const testTag = (Array.isArray(tag) ? tag[0] : tag) || undefined;
          const out = await backend.handle({ method: req.method ?? 'GET', path, query: url.searchParams, body, testTag });
          // Says which test's submissions the list holds, so a test helper can tell this server from an
          // older one that ignored the tag (tests/helpers/sites.ts refuses such an answer).
          if (out && path === '/api/submissions' && out.json && typeof out.json === 'object') {
            out.json = { ...(out.json as object), test: testTag ?? null };
          }
          if (!out) {
            res.writeHead(404, { 'content-type': 'application/json; charset=utf-8' });
            res.end(JSON.stringify({ code: 404, msg: '接口不存在' }));
            return;
          }
          res.writeHead(out.status ?? 200, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
          res.end(JSON.stringify(out.json));
          return;
        }
        if (path.startsWith('/vendor/')) {
          const rel = path.slice('/vendor/'.length);
          const pkg = rel.startsWith('@') ? rel.split('/').slice(0, 2).join('/') : rel.split('/')[0];
          const file = pkg && VENDOR_PACKAGES.has(pkg) ? safeJoin(nodeModules, rel) : undefined;
          if (file && (await sendFile(res, file))) return;
        } else if (path.startsWith('/shared/')) {
          const file = safeJoin(sharedRoot, path.slice('/shared/'.length));
          if (file && (await sendFile(res, file))) return;
        } else {
          const file = safeJoin(root, path.endsWith('/') ? path + 'index.html' : path);
          if (file && (await sendFile(res, file))) return;
        }
        res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
        res.end('404 页面不存在');
      } catch (err) {
        res.writeHead(500, { 'content-type': 'application/json; charset=utf-8' });
        res.end(JSON.stringify({ code: 500, msg: String(err) }));
      }
    })();
  });
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(port, host, () => ok());
  });
  return server;
}

export async function startSites(options: SitesOptions = {}): Promise<RunningSites> {
  const host = options.host ?? '127.0.0.1';
  const base = options.basePort ?? 5101;
  const opts: BackendOptions = { sessionIdleMs: options.sessionIdleMs ?? 15 * 60 * 1000 };
  const servers: Server[] = [];
  const urls = {} as Record<PlatformId, string>;
  for (const [i, id] of PLATFORMS.entries()) {
    const server = await startPlatform(id, base === 0 ? 0 : base + i, host, opts);
    servers.push(server);
    urls[id] = `http://${host}:${(server.address() as AddressInfo).port}/`;
  }
  return {
    urls,
    close: async () => {
      await Promise.all(
        servers.map((s) => new Promise<void>((ok) => { s.closeAllConnections(); s.close(() => ok()); })),
      );
    },
  };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const sites = await startSites({
    basePort: Number(process.env.SITES_PORT ?? 5101),
    sessionIdleMs: Number(process.env.SESSION_IDLE_MS ?? 15 * 60 * 1000),
  });
  console.log('Replica platforms are up:');
  console.log(`  A 浙政钉·掌上执法        ${sites.urls['platform-a']}`);
  console.log(`  B 基层智治综合应用        ${sites.urls['platform-b']}`);
  console.log(`  C 消防监督管理系统(旧版)  ${sites.urls['platform-c']}`);
  console.log(`  控件样例 (widget galleries) ${sites.urls.gallery}`);
  const stop = () => void sites.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
