// The gallery form's dictionaries and remote calls, shared by the three Ant Design galleries
// (antd 5, antd 4, Ant Design Vue 4): the same fields, codes and backend in three libraries.

export const CHECK_MODES = [
  { value: '01', label: '双随机抽查' }, { value: '02', label: '专项检查' }, { value: '03', label: '举报投诉核查' },
  { value: '04', label: '营业前检查' }, { value: '05', label: '复查' },
];

/** 14 people: the list shows 8 rows, so the last ones are rendered only after scrolling. */
export const INSPECTORS = ['李某', '王某', '钱某', '何某', '吕某', '赵某', '孙某', '周某', '吴某', '郑某', '冯某', '陈某', '褚某', '卫某']
  .map((label, i) => ({ value: `u${101 + i}`, label }));

export const PLACE_TYPES = [
  '小商店', '小餐饮场所', '小旅馆', '小歌舞娱乐场所', '小网吧', '小美容洗浴场所', '小学校/幼儿园', '小医院/诊所',
  '小生产加工企业', '三合一场所', '出租房',
].map((label, i) => ({ value: `P${String(i + 1).padStart(2, '0')}`, label }));

/** 检查内容: 20 objects × 10 aspects = 200 options, a long virtual list (code JC001 … JC200). */
const OBJECTS = [
  '消防安全制度', '员工消防培训', '防火巡查', '应急疏散预案', '消防演练', '消防车通道', '疏散通道', '安全出口', '防火门',
  '疏散指示标志', '应急照明', '室内消火栓', '灭火器', '自动喷水灭火系统', '火灾自动报警系统', '电气线路', '燃气管路',
  '电动自行车停放充电', '住宿与生产经营场所分隔', '易燃易爆危险品存放',
];
const ASPECTS = ['设置情况', '完好有效', '维护保养', '检测记录', '标识标志', '责任落实', '台账记录', '巡查频次', '整改落实', '培训演练'];
export const CHECK_ITEMS = OBJECTS.flatMap((o, i) => ASPECTS.map((a, j) => {
  const n = i * ASPECTS.length + j + 1;
  return { value: `JC${String(n).padStart(3, '0')}`, label: `${o}${a}` };
}));

/** 管辖区域 (a static tree; the cascader expands on hover). */
export const ZONES = [
  { value: '330106', label: '西湖区', children: [
    { value: '330106012', label: '文新街道', children: [{ value: '33010601201', label: '文苑社区' }, { value: '33010601202', label: '文鼎苑社区' }] },
    { value: '330106009', label: '翠苑街道', children: [{ value: '33010600901', label: '翠苑一区社区' }, { value: '33010600902', label: '翠苑二区社区' }] },
  ] },
  { value: '330105', label: '拱墅区', children: [
    { value: '330105004', label: '湖墅街道', children: [{ value: '33010500401', label: '湖墅新村社区' }] },
  ] },
  { value: '330108', label: '滨江区', children: [
    { value: '330108002', label: '长河街道', children: [{ value: '33010800201', label: '长河社区' }, { value: '33010800202', label: '江一社区' }] },
  ] },
];

export const UNIT_CATEGORIES = [
  { value: '1', label: '重点单位' }, { value: '2', label: '一般单位' }, { value: '3', label: '九小场所' }, { value: '9', label: '其他' },
];
export const HAZARD_LEVELS = [{ value: '0', label: '无隐患' }, { value: '1', label: '一般隐患' }, { value: '2', label: '重大隐患' }];
export const MEASURES = [
  { value: '1', label: '责令立即改正' }, { value: '2', label: '责令限期改正' }, { value: '3', label: '临时查封' }, { value: '4', label: '移送公安机关' },
];

async function api(path) {
  const res = await fetch(path);
  const body = await res.json();
  if (!res.ok || body.code !== 0) throw new Error(body.msg || `请求失败（${res.status}）`);
  return body.data;
}
/** Unit registry search: `{ value: 统一社会信用代码, label: 名称 }`. */
export const searchUnits = async (q) => (q.trim() ? (await api(`/api/units?q=${encodeURIComponent(q)}`)).map((u) => ({ value: u.creditCode, label: u.name })) : []);
/** One level of regions (lazy cascader). */
export const regionChildren = async (parent) => (await api(`/api/regions?parent=${encodeURIComponent(parent)}`)).map((r) => ({ value: r.code, label: r.name, isLeaf: r.leaf }));
/** The grid tree; only 网格 (leaves) can be chosen. */
export const gridTree = async () => {
  const conv = (nodes) => nodes.map((n) => (n.children?.length
    ? { value: n.code, title: n.name, label: n.name, selectable: false, children: conv(n.children) }
    : { value: n.code, title: n.name, label: n.name }));
  return conv(await api('/api/grids'));
};

/** Posts the form model to the gallery backend, which records it for the tests. */
export async function submitModel(family, model) {
  const res = await fetch(`/api/submit/${family}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(model) });
  const body = await res.json();
  if (body.code !== 0) throw new Error(body.msg || '提交失败');
  return body;
}

/** The uploaded files as the model keeps them after the upload answered: name and server id. */
export const uploadedFiles = (list) => (list ?? []).filter((f) => f.status === 'done').map((f) => ({ name: f.name, id: f.response?.data?.id }));
