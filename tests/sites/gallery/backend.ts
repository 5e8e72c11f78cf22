/**
 * The widget galleries' backend: records what each gallery page submits (POST /api/submit/<family>),
 * and serves the remote data galleries need (unit search, lazy regions, grids, uploads), from the
 * same synthetic data as the replica platforms.
 */
import { createHash } from 'node:crypto';
import type { ApiRequest, ApiResponse, PlatformBackend, UploadedFile } from '../serve';
import { GRIDS, regionChildren, searchUnits, submissionLog } from '../shared/data';

const delay = (ms: number) => new Promise((ok) => setTimeout(ok, ms));

export function createBackend(): PlatformBackend {
  const log = submissionLog<{ family: string; body: unknown }>();
  return {
    async handle(req: ApiRequest): Promise<ApiResponse | undefined> {
      const { method, path, query } = req;
      if (path === '/api/submissions' && method === 'GET') {
        const family = query.get('family');
        return { json: { list: log.all(req.testTag).filter((s) => !family || s.payload.family === family).map((s) => ({ at: s.at, payload: s.payload.body })) } };
      }
      if (path === '/api/submissions' && method === 'DELETE') { log.clear(req.testTag); return { json: { code: 0 } }; }
      const submit = /^\/api\/submit\/([\w-]+)$/.exec(path);
      if (submit && method === 'POST') {
        log.add({ family: submit[1]!, body: req.body }, req.testTag);
        return { json: { code: 0, msg: '提交成功' } };
      }
      if (path === '/api/units') {
        await delay(150);
        return { json: { code: 0, data: searchUnits(query.get('q') ?? '').map((u) => ({ name: u.name, creditCode: u.creditCode })) } };
      }
      if (path === '/api/regions') {
        await delay(150);
        return { json: { code: 0, data: regionChildren(query.get('parent') ?? '') } };
      }
      if (path === '/api/grids') return { json: { code: 0, data: GRIDS } };
      if (path === '/api/upload' && method === 'POST') {
        const files = (req.body as { files?: UploadedFile[] } | undefined)?.files ?? [];
        const f = files[0];
        if (!f) return { status: 400, json: { code: 400, msg: '没有文件' } };
        const id = createHash('sha256').update(f.data).digest('hex').slice(0, 16);
        return { json: { code: 0, data: { id, name: f.filename, url: `/api/files/${id}` } } };
      }
      return undefined;
    },
  };
}
