/**
 * Backend of platform A (浙政钉·掌上执法, 行政检查记录). Answers the page's dictionaries, the unit
 * registry search, the lazy region levels and uploads, and records every inspection it receives.
 * Search and region answers are delayed a little, as a real server is, so widgets must wait for them.
 */
import { createHash } from 'node:crypto';
import type { ApiRequest, ApiResponse, BackendOptions, PlatformBackend, UploadedFile } from '../serve';
import { CHECKLIST_ITEMS, DEFECT_KINDS, INSPECTORS, regionChildren, searchUnits, submissionLog } from '../shared/data';

const SEARCH_DELAY_MS = 150;
const REGION_DELAY_MS = 150;

const ok = (data: unknown): ApiResponse => ({ json: { code: 200, msg: '操作成功', data } });
const fail = (status: number, msg: string): ApiResponse => ({ status, json: { code: status, msg } });
const delay = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The ids the platform hands out for uploaded files: the first 16 hex digits of the content's sha256. */
export function fileIdOf(data: Buffer): string {
  return createHash('sha256').update(data).digest('hex').slice(0, 16);
}

/** 字典: codes as the platform's own backend defines them (two digits, RuoYi-style dict values). */
function dicts() {
  return {
    // 执法人员: the user id is the platform's, the 执法证号 is typed separately on the form.
    inspectors: INSPECTORS.map((p, i) => ({ userId: String(1001 + i), nickName: p.name, dept: '西湖区消防救援大队' })),
    checklist: CHECKLIST_ITEMS.map((name, i) => ({ xh: String(i + 1).padStart(2, '0'), xmmc: name })),
    defectKinds: DEFECT_KINDS.map((label, i) => ({ value: String(i + 1).padStart(2, '0'), label })),
  };
}

export function createBackend(opts: BackendOptions): PlatformBackend {
  const log = submissionLog<unknown>();
  const files = new Map<string, { name: string; type: string; size: number }>();

  return {
    async handle(req: ApiRequest): Promise<ApiResponse | undefined> {
      const { method, path, query } = req;
      if (method === 'GET' && path === '/api/session') {
        return ok({ user: { userId: '1001', nickName: '李某', dept: '西湖区消防救援大队' }, idleMs: opts.sessionIdleMs });
      }
      if (method === 'GET' && path === '/api/dicts') return ok(dicts());
      if (method === 'GET' && path === '/api/units') {
        await delay(SEARCH_DELAY_MS);
        const q = query.get('q') ?? '';
        return ok(searchUnits(q).map((u) => ({ dwmc: u.name, tyshxydm: u.creditCode })));
      }
      if (method === 'GET' && path === '/api/regions') {
        await delay(REGION_DELAY_MS);
        return ok(regionChildren(query.get('parent') ?? ''));
      }
      if (method === 'POST' && path === '/api/upload') {
        const body = req.body as { files?: UploadedFile[] } | undefined;
        const file = body?.files?.[0];
        if (!file || !file.data.length) return fail(400, '未收到文件');
        if (!/^image\//.test(file.type)) return fail(400, '只能上传图片文件');
        const id = fileIdOf(file.data);
        files.set(id, { name: file.filename, type: file.type, size: file.data.length });
        return ok({ wjid: id, wjmc: file.filename, size: file.data.length });
      }
      if (method === 'POST' && path === '/api/inspections') {
        if (!req.body || typeof req.body !== 'object') return fail(400, '请求数据格式错误');
        const n = log.add(req.body, req.testTag);
        return ok({ jlbh: `XZJC-${String(n).padStart(6, '0')}` });
      }
      if (path === '/api/submissions') {
        if (method === 'GET') return { json: { list: log.all(req.testTag) } };
        if (method === 'DELETE') { log.clear(req.testTag); return ok(null); }
      }
      return undefined;
    },
  };
}
