/**
 * Synthetic reference data shared by the replica platforms: a region tree with plausible
 * administrative codes (GB/T 2260 style: 6 digits to county, 9 digits for 乡镇街道), a unit registry
 * with checksum-valid 统一社会信用代码 (GB 32100-2015), a grid tree whose codes are NOT region codes,
 * and inspectors. Every name is invented ("某某"); no real person or business.
 */

export interface RegionNode {
  code: string;
  name: string;
  children?: RegionNode[];
}

export const REGIONS: RegionNode[] = [
  {
    code: '330000', name: '浙江省', children: [
      {
        code: '330100', name: '杭州市', children: [
          { code: '330102', name: '上城区', children: [
            { code: '330102001', name: '清波街道' }, { code: '330102003', name: '湖滨街道' }, { code: '330102008', name: '小营街道' },
          ] },
          { code: '330105', name: '拱墅区', children: [
            { code: '330105001', name: '米市巷街道' }, { code: '330105004', name: '湖墅街道' }, { code: '330105012', name: '大关街道' },
          ] },
          { code: '330106', name: '西湖区', children: [
            { code: '330106001', name: '北山街道' }, { code: '330106003', name: '西溪街道' }, { code: '330106004', name: '灵隐街道' },
            { code: '330106009', name: '翠苑街道' }, { code: '330106012', name: '文新街道' }, { code: '330106013', name: '古荡街道' },
            { code: '330106105', name: '三墩镇' }, { code: '330106106', name: '蒋村街道' },
          ] },
          { code: '330108', name: '滨江区', children: [
            { code: '330108001', name: '西兴街道' }, { code: '330108002', name: '长河街道' }, { code: '330108003', name: '浦沿街道' },
          ] },
          { code: '330110', name: '余杭区', children: [
            { code: '330110005', name: '五常街道' }, { code: '330110007', name: '仓前街道' }, { code: '330110100', name: '径山镇' },
          ] },
        ],
      },
      {
        code: '330200', name: '宁波市', children: [
          { code: '330203', name: '海曙区', children: [
            { code: '330203001', name: '南门街道' }, { code: '330203003', name: '鼓楼街道' },
          ] },
          { code: '330212', name: '鄞州区', children: [
            { code: '330212001', name: '梅墟街道' }, { code: '330212101', name: '姜山镇' },
          ] },
        ],
      },
      {
        code: '330300', name: '温州市', children: [
          { code: '330302', name: '鹿城区', children: [
            { code: '330302001', name: '五马街道' }, { code: '330302007', name: '南汇街道' },
          ] },
        ],
      },
    ],
  },
  {
    code: '320000', name: '江苏省', children: [
      { code: '320100', name: '南京市', children: [
        { code: '320102', name: '玄武区', children: [{ code: '320102002', name: '梅园新村街道' }, { code: '320102005', name: '新街口街道' }] },
      ] },
    ],
  },
];

/** Children of a region code ('' = provinces), without grandchildren (the way lazy APIs answer). */
export function regionChildren(parent: string): { code: string; name: string; leaf: boolean }[] {
  const list = parent === '' ? REGIONS : findRegion(parent)?.children ?? [];
  return list.map((r) => ({ code: r.code, name: r.name, leaf: !r.children?.length }));
}

export function findRegion(code: string, nodes: RegionNode[] = REGIONS): RegionNode | undefined {
  for (const n of nodes) {
    if (n.code === code) return n;
    const hit = n.children && findRegion(code, n.children);
    if (hit) return hit;
  }
  return undefined;
}

/** The path of names for a list of codes, or undefined when a code is unknown. */
export function regionNames(codes: string[]): string[] | undefined {
  const names = codes.map((c) => findRegion(c)?.name);
  return names.every((n): n is string => !!n) ? names : undefined;
}

const CREDIT_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const CREDIT_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** Appends the GB 32100-2015 check character to a 17-character body. */
export function withCreditCheck(body17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += CREDIT_CHARS.indexOf(body17[i]!) * CREDIT_WEIGHTS[i]!;
  const c = 31 - (sum % 31);
  return body17 + CREDIT_CHARS[c === 31 ? 0 : c];
}

export interface Unit {
  name: string;
  creditCode: string;
  /** Region codes 省/市/区县/乡镇街道. */
  region: [string, string, string, string];
  address: string;
  legalPerson: string;
  phone: string;
  placeType: string;
}

// 92 = 个体工商户, 91 = 企业; body: registrant(2) + region(6) + organisation code(9).
const RAW_UNITS: [string, string, string[], string, string, string, string][] = [
  ['杭州某某小吃店', '92330106MA2CK1E0', ['330000', '330100', '330106', '330106012'], '文三路1号', '张某', '13800000000', '小餐饮场所'],
  ['杭州某某便利店', '92330106MA2CK2F1', ['330000', '330100', '330106', '330106012'], '文二西路18号', '陈某', '13800000001', '小商店'],
  ['杭州某某宾馆', '91330106MA2CK3G2', ['330000', '330100', '330106', '330106009'], '古翠路66号', '刘某', '13800000002', '小旅馆'],
  ['杭州某某网吧', '92330106MA2CK4H3', ['330000', '330100', '330106', '330106013'], '天目山路200号', '赵某', '13800000003', '小网吧'],
  ['杭州某某美容美发店', '92330106MA2CK5J4', ['330000', '330100', '330106', '330106012'], '学院路35号', '孙某', '13800000004', '小美容洗浴场所'],
  ['杭州某某幼儿园', '52330106MA2CK6K5', ['330000', '330100', '330106', '330106003'], '西溪路88号', '周某', '13800000005', '小学校/幼儿园'],
  ['杭州某某诊所', '92330106MA2CK7L6', ['330000', '330100', '330106', '330106105'], '三墩路12号', '吴某', '13800000006', '小医院/诊所'],
  ['杭州某某服装加工厂', '91330106MA2CK8M7', ['330000', '330100', '330106', '330106106'], '蒋村路9号', '郑某', '13800000007', '小生产加工企业'],
  ['杭州某某歌舞厅', '91330106MA2CK9N8', ['330000', '330100', '330106', '330106004'], '灵隐路3号', '冯某', '13800000008', '小歌舞娱乐场所'],
  ['杭州某某五金店', '92330102MA2CKAP9', ['330000', '330100', '330102', '330102001'], '清波街5号', '褚某', '13800000009', '三合一场所'],
  ['杭州某某出租房', '92330105MA2CKBQ0', ['330000', '330100', '330105', '330105004'], '湖墅南路101号', '卫某', '13800000010', '出租房'],
  ['杭州某某面馆', '92330108MA2CKCR1', ['330000', '330100', '330108', '330108002'], '长河路77号', '蒋某', '13800000011', '小餐饮场所'],
  ['杭州某某小超市', '92330110MA2CKDT2', ['330000', '330100', '330110', '330110005'], '五常大道15号', '沈某', '13800000012', '小商店'],
  ['宁波某某快餐店', '92330203MA2CKEU3', ['330000', '330200', '330203', '330203001'], '解放南路8号', '韩某', '13800000013', '小餐饮场所'],
  ['宁波某某旅社', '92330212MA2CKFW4', ['330000', '330200', '330212', '330212101'], '姜山路21号', '杨某', '13800000014', '小旅馆'],
  ['温州某某鞋业作坊', '91330302MA2CKGX5', ['330000', '330300', '330302', '330302007'], '南汇路46号', '朱某', '13800000015', '小生产加工企业'],
  ['杭州某某小吃部', '92330106MA2CKHY6', ['330000', '330100', '330106', '330106001'], '北山路2号', '秦某', '13800000016', '小餐饮场所'],
  ['杭州某某棋牌室', '92330106MA2CKJ07', ['330000', '330100', '330106', '330106012'], '文三路99号', '尤某', '13800000017', '小歌舞娱乐场所'],
];

export const UNITS: Unit[] = RAW_UNITS.map(([name, body, region, address, legalPerson, phone, placeType]) => ({
  name,
  creditCode: withCreditCheck(body.padEnd(17, '0').slice(0, 17)),
  region: region as Unit['region'],
  address,
  legalPerson,
  phone,
  placeType,
}));

export function searchUnits(q: string, limit = 10): Unit[] {
  const s = q.trim();
  if (!s) return [];
  return UNITS.filter((u) => u.name.includes(s) || u.creditCode.includes(s.toUpperCase())).slice(0, limit);
}

/** 网格: 镇街 > 村社 > 网格. Grid codes are the grid system's own, not region codes. */
export interface GridNode {
  code: string;
  name: string;
  children?: GridNode[];
}

function grids(prefix: string, count: number): GridNode[] {
  return Array.from({ length: count }, (_, i) => ({ code: `${prefix}${String(i + 1).padStart(2, '0')}`, name: `第${i + 1}网格` }));
}

export const GRIDS: GridNode[] = [
  { code: 'WG3301060120', name: '文新街道', children: [
    { code: 'WG330106012001', name: '文苑社区', children: grids('WG33010601200100', 5) },
    { code: 'WG330106012002', name: '文鼎苑社区', children: grids('WG33010601200200', 4) },
    { code: 'WG330106012003', name: '益乐村社区', children: grids('WG33010601200300', 3) },
  ] },
  { code: 'WG3301060090', name: '翠苑街道', children: [
    { code: 'WG330106009001', name: '翠苑一区社区', children: grids('WG33010600900100', 3) },
    { code: 'WG330106009002', name: '翠苑二区社区', children: grids('WG33010600900200', 3) },
  ] },
  { code: 'WG3301060130', name: '古荡街道', children: [
    { code: 'WG330106013001', name: '古荡新村社区', children: grids('WG33010601300100', 4) },
    // Two grids with the same name in different communities: a record naming only "第1网格" is ambiguous.
    { code: 'WG330106013002', name: '嘉绿苑社区', children: grids('WG33010601300200', 2) },
  ] },
];

export const INSPECTORS = [
  { name: '李某', certNo: '浙A33010600101' },
  { name: '王某', certNo: '浙A33010600102' },
  { name: '钱某', certNo: '浙A33010600103' },
  { name: '何某', certNo: '浙A33010600104' },
  { name: '吕某', certNo: '浙A33010600105' },
];

/** The 18 checklist rows of 消防监督检查 (platform A). */
export const CHECKLIST_ITEMS = [
  '消防安全制度', '员工消防培训', '防火巡查检查', '灭火和应急疏散预案', '消防演练', '消防车通道', '疏散通道',
  '安全出口', '防火门', '疏散指示标志', '应急照明', '室内消火栓', '灭火器', '建筑消防设施维护保养', '电气线路',
  '燃气管路', '违规住人', '易燃易爆危险品与居住场所同建筑',
];

export const DEFECT_KINDS = ['堵塞', '锁闭', '缺少', '损坏', '失效', '被遮挡'];

/** A submission log a backend keeps; tests read it through GET /api/submissions. */
export function submissionLog<T>() {
  let list: { at: string; payload: T; test?: string }[] = [];
  let seq = 0;
  /** With a test tag: that test's entries only. Without: every entry (a person reading the log). */
  const mine = (test?: string) => (e: { test?: string }) => test === undefined || e.test === test;
  return {
    /** Records a submission with the `x-ylt-test` tag of the request that made it; returns its running number. */
    add(payload: T, test?: string) { list.push({ at: new Date().toISOString(), payload, ...(test ? { test } : {}) }); return ++seq; },
    all(test?: string) { return list.filter(mine(test)); },
    clear(test?: string) {
      list = list.filter((e) => !mine(test)(e));
      if (!list.length) seq = 0;
    },
  };
}
