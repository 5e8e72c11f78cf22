/**
 * 事件分类 of platform B (基层智治综合应用): 大类 > 中类 > 小类, each with the platform's own code.
 * Served one level at a time by GET /api/event-types?parent=<code> (the page's Cascader loads levels
 * lazily). The names are a plausible 基层治理 taxonomy; the codes are invented.
 */
export interface EventTypeNode {
  code: string;
  name: string;
  children?: EventTypeNode[];
}

type Raw = [code: string, name: string, children?: Raw[]];

const RAW: Raw[] = [
  ['10', '平安建设', [
    ['1001', '消防安全', [
      ['100101', '消防通道堵塞'], ['100102', '消防器材缺失失效'], ['100103', '电气线路私拉乱接'],
      ['100104', '违规住人（三合一）'], ['100105', '电动自行车违规充电'], ['100106', '燃气使用不规范'],
      ['100107', '易燃易爆物品违规存放'], ['100199', '其他消防隐患'],
    ]],
    ['1002', '治安防控', [
      ['100201', '可疑人员物品'], ['100202', '治安纠纷'], ['100203', '出租房屋未登记'], ['100204', '涉赌涉黄线索'],
    ]],
    ['1003', '安全生产', [
      ['100301', '危险化学品管理'], ['100302', '有限空间作业'], ['100303', '建筑施工安全'], ['100304', '特种设备安全'],
    ]],
    ['1004', '道路交通安全', [
      ['100401', '交通设施损坏'], ['100402', '非机动车乱停放'], ['100403', '道路安全隐患'],
    ]],
  ]],
  ['20', '矛盾纠纷', [
    ['2001', '邻里纠纷', [['200101', '噪音扰邻'], ['200102', '漏水渗水'], ['200103', '公共区域占用']]],
    ['2002', '劳资纠纷', [['200201', '拖欠工资'], ['200202', '劳动合同纠纷']]],
    ['2003', '物业纠纷', [['200301', '物业服务质量'], ['200302', '物业费用争议']]],
    ['2004', '婚姻家庭纠纷', [['200401', '家庭矛盾'], ['200402', '赡养抚养纠纷']]],
  ]],
  ['30', '城市管理', [
    ['3001', '市容环境', [['300101', '占道经营'], ['300102', '乱堆乱放'], ['300103', '垃圾分类不规范'], ['300104', '违规广告招牌']]],
    ['3002', '市政设施', [['300201', '井盖缺失破损'], ['300202', '路灯损坏'], ['300203', '道路破损'], ['300204', '排水设施堵塞']]],
    ['3003', '违法建设', [['300301', '违章搭建'], ['300302', '擅自改变房屋结构']]],
  ]],
  ['40', '生态环境', [
    ['4001', '大气污染', [['400101', '露天焚烧'], ['400102', '餐饮油烟扰民'], ['400103', '扬尘污染']]],
    ['4002', '水污染', [['400201', '污水直排'], ['400202', '河道垃圾']]],
    ['4003', '噪声污染', [['400301', '施工噪声'], ['400302', '社会生活噪声']]],
  ]],
  ['50', '民生服务', [
    ['5001', '社会保障', [['500101', '低保救助'], ['500102', '养老服务']]],
    ['5002', '医疗卫生', [['500201', '公共卫生'], ['500202', '病媒生物防制']]],
    ['5003', '特殊人群服务', [['500301', '独居老人关爱'], ['500302', '困境儿童帮扶']]],
  ]],
  ['60', '市场监管', [
    ['6001', '食品安全', [['600101', '无证经营'], ['600102', '过期食品'], ['600103', '餐饮卫生']]],
    ['6002', '价格监管', [['600201', '价格欺诈'], ['600202', '未明码标价']]],
  ]],
];

function build(raw: Raw[]): EventTypeNode[] {
  return raw.map(([code, name, children]) => (children ? { code, name, children: build(children) } : { code, name }));
}

export const EVENT_TYPES: EventTypeNode[] = build(RAW);

/** One level, the way the lazy API answers: `leaf` tells the Cascader whether to offer a next level. */
export function eventTypeChildren(parent: string): { code: string; name: string; leaf: boolean }[] {
  const find = (nodes: EventTypeNode[]): EventTypeNode[] | undefined => {
    for (const n of nodes) {
      if (n.code === parent) return n.children ?? [];
      const hit = n.children && find(n.children);
      if (hit) return hit;
    }
    return undefined;
  };
  const list = parent === '' ? EVENT_TYPES : find(EVENT_TYPES) ?? [];
  return list.map((n) => ({ code: n.code, name: n.name, leaf: !n.children?.length }));
}
