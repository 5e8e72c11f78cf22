/**
 * Backend of platform B (基层智治综合应用, 事件上报). Answers the login session, the grid tree, the
 * event-type levels (lazily, one level per request, delayed like a real server so the Cascader's
 * loadData has to be waited for) and uploads, and records every 事件 it receives.
 */
import { createHash } from 'node:crypto';
import type { ApiRequest, ApiResponse, PlatformBackend, UploadedFile } from '../serve';
import { GRIDS, submissionLog } from '../shared/data';
import { eventTypeChildren } from './event-types';

const EVENT_TYPE_DELAY_MS = 150;
const GRID_DELAY_MS = 80;

const ok = (data: unknown): ApiResponse => ({ json: { code: 0, message: 'success', data } });
const fail = (status: number, message: string): ApiResponse => ({ status, json: { code: status, message } });
const delay = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Attachment ids: the first 16 hex digits of the content's sha256, so expected payloads can be hand-written. */
export function attachmentIdOf(data: Buffer): string {
  return createHash('sha256').update(data).digest('hex').slice(0, 16);
}

/** The logged-in 网格员 (synthetic). */
const SESSION_USER = {
  userId: 'WGY3301060120010003',
  userName: '某某',
  roleName: '网格员',
  orgName: '西湖区文新街道文苑社区',
};

export function createBackend(): PlatformBackend {
  const log = submissionLog<unknown>();
  const files = new Map<string, { name: string; type: string; size: number }>();

  return {
    async handle(req: ApiRequest): Promise<ApiResponse | undefined> {
      const { method, path, query } = req;
      if (method === 'GET' && path === '/api/session') return ok({ user: SESSION_USER, serverTime: Date.now() });
      if (method === 'GET' && path === '/api/grids') {
        await delay(GRID_DELAY_MS);
        return ok(GRIDS);
      }
      if (method === 'GET' && path === '/api/event-types') {
        await delay(EVENT_TYPE_DELAY_MS);
        return ok(eventTypeChildren(query.get('parent') ?? ''));
      }
      if (method === 'POST' && path === '/api/upload') {
        const body = req.body as { files?: UploadedFile[] } | undefined;
        const file = body?.files?.[0];
        if (!file || !file.data.length) return fail(400, '未收到文件');
        if (!/^image\//.test(file.type)) return fail(400, '仅支持上传图片');
        const id = attachmentIdOf(file.data);
        files.set(id, { name: file.filename, type: file.type, size: file.data.length });
        return ok({ id, name: file.filename, size: file.data.length });
      }
      if (method === 'POST' && path === '/api/events') {
        if (!req.body || typeof req.body !== 'object' || Array.isArray(req.body)) return fail(400, '请求数据格式错误');
        const unknownIds = ((req.body as { attachmentIds?: unknown }).attachmentIds as unknown[] | undefined ?? [])
          .filter((id) => typeof id !== 'string' || !files.has(id));
        if (unknownIds.length) return fail(400, `附件不存在：${unknownIds.join('、')}`);
        const n = log.add(req.body, req.testTag);
        return ok({ eventNo: `SJ${String(n).padStart(8, '0')}` });
      }
      if (path === '/api/submissions') {
        if (method === 'GET') return { json: { list: log.all(req.testTag) } };
        if (method === 'DELETE') { log.clear(req.testTag); return ok(null); }
      }
      return undefined;
    },
  };
}
