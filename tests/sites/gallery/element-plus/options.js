/**
 * Dictionaries of the Element galleries (shared by the Element Plus and the Element UI page), the way a
 * RuoYi back-end serves its sys_dict data: a label the person reads and a code the model stores.
 */
window.GALLERY_DICTS = (function () {
  const pairs = (list) => list.map(([value, label]) => ({ value, label }));
  return {
    checkModes: pairs([['01', '双随机抽查'], ['02', '专项检查'], ['03', '举报投诉核查'], ['04', '营业前检查'], ['05', '复查']]),
    inspectors: pairs([[101, '李某'], [102, '王某'], [103, '钱某'], [104, '何某'], [105, '吕某']]),
    checkItems: pairs([
      ['SX001', '对单位履行法定消防安全职责情况的监督抽查'],
      ['SX002', '对公众聚集场所投入使用、营业前的消防安全检查'],
      ['SX003', '对大型群众性活动举办前的消防安全检查'],
      ['SX004', '对消防技术服务机构的监督检查'],
      ['SX005', '对建设工程消防设计审查验收的抽查'],
      ['SX006', '对举报投诉消防安全违法行为的核查'],
      ['SX007', '对九小场所的消防安全检查'],
      ['SX008', '对火灾隐患整改情况的复查'],
    ]),
    // 240 消防责任区: long enough that the wanted one sits far below the first screen of the list.
    zones: Array.from({ length: 240 }, (_, i) => {
      const n = String(i + 1).padStart(3, '0');
      return { value: `ZRQ${n}`, label: `消防责任区${n}` };
    }),
    unitTypes: pairs([['1', '重点单位'], ['2', '一般单位'], ['3', '九小场所'], ['4', '其他']]),
    hazardLevels: pairs([['1', '一般火灾隐患'], ['2', '重大火灾隐患']]),
    measures: pairs([['A', '责令立即改正'], ['B', '责令限期改正'], ['C', '临时查封'], ['D', '移送公安机关']]),
    // 所属街道: a small static tree (市 > 区 > 街道), region codes as values.
    streets: [
      { value: '330100', label: '杭州市', children: [
        { value: '330106', label: '西湖区', children: [
          { value: '330106009', label: '翠苑街道' }, { value: '330106012', label: '文新街道' }, { value: '330106013', label: '古荡街道' },
        ] },
        { value: '330108', label: '滨江区', children: [
          { value: '330108001', label: '西兴街道' }, { value: '330108002', label: '长河街道' },
        ] },
      ] },
      { value: '330200', label: '宁波市', children: [
        { value: '330203', label: '海曙区', children: [{ value: '330203001', label: '南门街道' }, { value: '330203003', label: '鼓楼街道' }] },
      ] },
    ],
  };
})();

/** RuoYi-style request helper: `{ code, msg, data }` answers (the gallery backend answers code 0). */
window.galleryApi = {
  async get(url) {
    const res = await fetch(url, { credentials: 'same-origin' });
    const json = await res.json();
    if (!res.ok || json.code !== 0) throw new Error(json.msg || `请求失败（${res.status}）`);
    return json.data;
  },
  async post(url, body) {
    const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json;charset=UTF-8' }, body: JSON.stringify(body) });
    const json = await res.json();
    if (!res.ok || json.code !== 0) throw new Error(json.msg || `请求失败（${res.status}）`);
    return json;
  },
};
