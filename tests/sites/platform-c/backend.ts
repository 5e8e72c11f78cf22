/**
 * Platform C backend (消防监督管理系统, legacy): the region dictionary the linked 省/市/区/街道 selects
 * load level by level, and the 九小场所检查登记 save endpoint. The page posts layui's `data.field`
 * urlencoded (jQuery's default), so every value arrives as a string and checked checkboxes arrive as
 * their own indexed keys (`wtx[6]`), exactly as layui's form.getValue() names them.
 */
import type { ApiRequest, ApiResponse, BackendOptions, PlatformBackend } from '../serve';
import { regionChildren, submissionLog } from '../shared/data';

/** Region levels answer after a short delay, like the real dictionary service. */
const REGION_DELAY_MS = 150;

/** Fields the server insists on, in addition to the page's own lay-verify checks. */
const REQUIRED = ['dwmc', 'tyshxydm', 'sheng', 'shi', 'qu', 'jd', 'xxdz', 'fzr', 'lxdh', 'cslx', 'jcrq', 'jcr', 'yhqk', 'zgqx', 'sffc'];

const sleep = (ms: number) => new Promise((ok) => setTimeout(ok, ms));

export function createBackend(_opts: BackendOptions): PlatformBackend {
  const log = submissionLog<unknown>();
  let seq = 0;

  return {
    async handle(req: ApiRequest): Promise<ApiResponse | undefined> {
      if (req.path === '/api/submissions') {
        if (req.method === 'GET') return { json: { list: log.all(req.testTag) } };
        if (req.method === 'DELETE') { log.clear(req.testTag); return { json: { code: 0 } }; }
        return undefined;
      }
      if (req.path === '/api/regions' && req.method === 'GET') {
        await sleep(REGION_DELAY_MS);
        const parent = req.query.get('parent') ?? '';
        return { json: { code: 0, msg: '', data: regionChildren(parent).map(({ code, name }) => ({ code, name })) } };
      }
      if (req.path === '/api/checks' && req.method === 'POST') {
        const body = (req.body ?? {}) as Record<string, unknown>;
        log.add(body, req.testTag);
        const missing = REQUIRED.filter((k) => typeof body[k] !== 'string' || !(body[k] as string).trim());
        if (missing.length) return { json: { code: 1, msg: `保存失败：缺少必填项 ${missing.join(',')}` } };
        seq += 1;
        return { json: { code: 0, msg: '保存成功', data: { id: `JX2026${String(seq).padStart(6, '0')}` } } };
      }
      if (req.path === '/api/user' && req.method === 'GET') {
        return { json: { code: 0, data: { name: '李某', dept: '杭州市西湖区消防救援大队' } } };
      }
      return undefined;
    },
  };
}
