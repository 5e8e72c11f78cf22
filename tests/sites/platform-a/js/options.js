/**
 * 字典数据 of 行政检查记录（消防监督检查）: the platform's own codes (RuoYi-style dict values).
 * Dictionaries that come from the shared registries (执法人员, 检查项目, 不合格情形) are loaded from
 * /api/dicts instead.
 */

export const JCFS = [
  { value: '01', label: '双随机抽查' },
  { value: '02', label: '专项检查' },
  { value: '03', label: '举报投诉核查' },
  { value: '04', label: '营业前检查' },
  { value: '05', label: '复查' },
];

export const JCSX = [
  { value: 'XF0101', label: '对单位履行法定消防安全职责情况的监督抽查' },
  { value: 'XF0102', label: '对公众聚集场所投入使用、营业前的消防安全检查' },
  { value: 'XF0103', label: '对大型群众性活动举办前的消防安全检查' },
  { value: 'XF0104', label: '对举报投诉的消防安全违法行为的核查' },
  { value: 'XF0105', label: '对责令限期改正的火灾隐患的复查' },
  { value: 'XF0106', label: '对易燃易爆危险品生产经营单位的消防安全检查' },
  { value: 'XF0107', label: '对九小场所消防安全的专项检查' },
];

export const DWLB = [
  { value: '1', label: '重点单位' },
  { value: '2', label: '一般单位' },
  { value: '3', label: '九小场所' },
  { value: '9', label: '其他' },
];

export const CSLX = [
  '小商店', '小餐饮场所', '小旅馆', '小歌舞娱乐场所', '小网吧', '小美容洗浴场所', '小学校/幼儿园',
  '小医院/诊所', '小生产加工企业', '三合一场所', '出租房',
].map((label, i) => ({ value: String(i + 1).padStart(2, '0'), label }));

/** 所属行业: 国民经济行业分类（GB/T 4754-2017）门类, the letter codes as the national standard gives them. */
export const SSHY = [
  { value: 'A', label: '农、林、牧、渔业' },
  { value: 'B', label: '采矿业' },
  { value: 'C', label: '制造业' },
  { value: 'D', label: '电力、热力、燃气及水生产和供应业' },
  { value: 'E', label: '建筑业' },
  { value: 'F', label: '批发和零售业' },
  { value: 'G', label: '交通运输、仓储和邮政业' },
  { value: 'H', label: '住宿和餐饮业' },
  { value: 'I', label: '信息传输、软件和信息技术服务业' },
  { value: 'J', label: '金融业' },
  { value: 'K', label: '房地产业' },
  { value: 'L', label: '租赁和商务服务业' },
  { value: 'M', label: '科学研究和技术服务业' },
  { value: 'N', label: '水利、环境和公共设施管理业' },
  { value: 'O', label: '居民服务、修理和其他服务业' },
  { value: 'P', label: '教育' },
  { value: 'Q', label: '卫生和社会工作' },
  { value: 'R', label: '文化、体育和娱乐业' },
  { value: 'S', label: '公共管理、社会保障和社会组织' },
  { value: 'T', label: '国际组织' },
];

export const JCYJ = [
  { value: '01', label: '《中华人民共和国消防法》第五十三条' },
  { value: '02', label: '《消防监督检查规定》第十条' },
  { value: '03', label: '《浙江省消防条例》第三十九条' },
  { value: '04', label: '《机关、团体、企业、事业单位消防安全管理规定》第四条' },
];

/** 检查项目 each row's result. */
export const ROW_RESULTS = [
  { value: '1', label: '合格' },
  { value: '2', label: '不合格' },
  { value: '3', label: '不涉及' },
];
export const ROW_FAILED = '2';

export const YHDJ = [
  { value: '1', label: '一般火灾隐患' },
  { value: '2', label: '重大火灾隐患' },
];

export const JCJG = [
  { value: '1', label: '未发现问题' },
  { value: '2', label: '当场改正' },
  { value: '3', label: '责令限期改正' },
  { value: '4', label: '移送立案' },
];
/** 检查结果 that requires a 整改期限. */
export const JCJG_DEADLINE = '3';

export const CLCS = [
  { value: '01', label: '责令立即改正' },
  { value: '02', label: '责令限期改正' },
  { value: '03', label: '临时查封' },
  { value: '04', label: '移送公安机关' },
];

export const MENU = [
  { index: 'home', title: '首页', icon: 'HomeFilled' },
  {
    index: 'jcgl', title: '执法检查', icon: 'Document', children: [
      { index: 'xzjc', title: '行政检查记录' },
      { index: 'jcrw', title: '检查任务' },
      { index: 'sjsj', title: '双随机抽查' },
    ],
  },
  { index: 'yhzg', title: '隐患整改', icon: 'Warning' },
  { index: 'zfws', title: '执法文书', icon: 'Tickets' },
  { index: 'tjfx', title: '统计分析', icon: 'DataLine' },
  { index: 'xtgl', title: '系统管理', icon: 'Setting' },
];
