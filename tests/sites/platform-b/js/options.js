// 字典 of platform B (基层智治综合应用). Values are the platform's own codes, as its backend stores them.

export const EVENT_SOURCES = [
  { value: '01', label: '网格员巡查' },
  { value: '02', label: '群众举报' },
  { value: '03', label: '12345热线' },
  { value: '04', label: '部门移交' },
  { value: '05', label: '上级交办' },
  { value: '06', label: '视频监控发现' },
  { value: '07', label: '信访件转办' },
  { value: '08', label: '媒体曝光' },
  { value: '09', label: '专项检查发现' },
  { value: '10', label: '企业自查上报' },
  { value: '11', label: '基层治理四平台流转' },
  { value: '99', label: '其他' },
];

/** 所属行业: the GB/T 4754 门类 names a grid worker meets, under this platform's own codes (not the standard's letters). */
export const INDUSTRIES = [
  { value: 'HY01', label: '农、林、牧、渔业' },
  { value: 'HY02', label: '制造业' },
  { value: 'HY03', label: '建筑业' },
  { value: 'HY04', label: '批发和零售业' },
  { value: 'HY05', label: '交通运输、仓储和邮政业' },
  { value: 'HY06', label: '住宿和餐饮业' },
  { value: 'HY07', label: '信息传输、软件和信息技术服务业' },
  { value: 'HY08', label: '租赁和商务服务业' },
  { value: 'HY09', label: '居民服务、修理和其他服务业' },
  { value: 'HY10', label: '教育' },
  { value: 'HY11', label: '卫生和社会工作' },
  { value: 'HY12', label: '文化、体育和娱乐业' },
  { value: 'HY13', label: '公共管理、社会保障和社会组织' },
  { value: 'HY99', label: '其他' },
];

export const YES_NO = [
  { value: '1', label: '是' },
  { value: '0', label: '否' },
];

export const HAZARD_CATEGORIES = [
  { value: 'XF01', label: '消防通道堵塞' },
  { value: 'XF02', label: '消防器材缺失失效' },
  { value: 'XF03', label: '电气线路私拉乱接' },
  { value: 'XF04', label: '违规住人（三合一）' },
  { value: 'XF05', label: '电动自行车违规充电' },
  { value: 'XF06', label: '燃气使用不规范' },
  { value: 'XF99', label: '其他' },
];

/** 隐患清单 each row's 隐患等级, in this platform's own short wording. */
export const HAZARD_LEVELS = [
  { value: '1', label: '一般' },
  { value: '2', label: '重大' },
];

export const URGENCY_LEVELS = [
  { value: '1', label: '一般' },
  { value: '2', label: '紧急' },
  { value: '3', label: '特急' },
];

export const DISPOSAL_METHODS = [
  { value: '1', label: '自行处置' },
  { value: '2', label: '上报流转' },
];

/** 自行处置: the value of 处置方式 that asks for 处置情况. */
export const SELF_DISPOSAL = '1';

export const MENU = [
  { key: 'home', label: '工作台', icon: 'home' },
  {
    key: 'event', label: '事件管理', icon: 'alert', children: [
      { key: 'event-report', label: '事件上报' },
      { key: 'event-mine', label: '我的上报' },
      { key: 'event-todo', label: '待办事件' },
      { key: 'event-query', label: '事件查询' },
    ],
  },
  {
    key: 'grid', label: '网格管理', icon: 'grid', children: [
      { key: 'grid-patrol', label: '巡查走访' },
      { key: 'grid-people', label: '人口信息' },
      { key: 'grid-place', label: '场所信息' },
    ],
  },
  { key: 'stat', label: '统计分析', icon: 'chart' },
  { key: 'system', label: '系统设置', icon: 'setting' },
];
