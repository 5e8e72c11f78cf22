/**
 * Fusion Design (@alifd/next 1.27, React 18) gallery: an 阿里 Fusion / 政务中台 style 新增 form, every
 * form widget Fusion offers bound to one Field. 提交 POSTs the Field's values (not the DOM) to
 * /api/submit/fusion. Popups are Overlays under <body> (Fusion's default). Dates use DatePicker2 /
 * TimePicker2 (the dayjs pickers), shown in one format and kept in another (outputFormat).
 */
(function () {
  const D = window.GALLERY_DICTS;
  const api = window.galleryApi;
  const {
    Button, CascaderSelect, Checkbox, ConfigProvider, DatePicker2, Field, Form, Grid, Input, Message, NumberPicker, Radio,
    Select, Switch, TimePicker2, TreeSelect, Upload,
  } = Next;
  const { Row, Col } = Grid;
  const html = htm.bind(React.createElement);

  const toRegion = (r) => ({ value: r.code, label: r.name, isLeaf: r.leaf });
  const toGrid = (g) => ({ value: g.code, label: g.name, children: g.children && g.children.map(toGrid) });

  /** 被检查单位: remote search as you type (debounced), the way admin templates build it. */
  function UnitSelect(props) {
    const [options, setOptions] = React.useState([]);
    const [loading, setLoading] = React.useState(false);
    const timer = React.useRef();
    const onSearch = (q) => {
      clearTimeout(timer.current);
      if (!q) { setOptions([]); return; }
      setLoading(true);
      timer.current = setTimeout(async () => {
        try { setOptions((await api.get(`/api/units?q=${encodeURIComponent(q)}`)).map((u) => ({ label: u.name, value: u.creditCode }))); } finally { setLoading(false); }
      }, 300);
    };
    return html`<${Select} ...${props} showSearch filterLocal=${false} onSearch=${onSearch} dataSource=${options} hasClear
      state=${loading ? 'loading' : undefined} notFoundContent=${loading ? '加载中…' : '无匹配单位'} placeholder="请输入单位名称或统一社会信用代码" />`;
  }

  const item = (span, label, name, control, extra = {}) => html`
    <${Col} span=${span}><${Form.Item} label=${label} name=${name} ...${extra}>${control}</${Form.Item}></${Col}>`;

  function GalleryForm() {
    const field = Field.useField({ values: { needRecheck: false, inspectors: [], measures: [] } });
    const [regions, setRegions] = React.useState([]);
    const [grids, setGrids] = React.useState([]);
    const [submitting, setSubmitting] = React.useState(false);
    React.useEffect(() => {
      api.get('/api/regions?parent=').then((list) => setRegions(list.map(toRegion)));
      api.get('/api/grids').then((list) => setGrids(list.map(toGrid)));
    }, []);
    /** 单位地址: each level from /api/regions when a person opens its parent. */
    const loadRegion = React.useCallback(async (data) => {
      const list = await api.get(`/api/regions?parent=${data.value}`);
      setRegions((prev) => {
        const attach = (nodes) => nodes.map((n) => (n.value === data.value ? { ...n, children: list.map(toRegion) } : n.children ? { ...n, children: attach(n.children) } : n));
        return attach(prev);
      });
    }, []);
    const submit = async () => {
      setSubmitting(true);
      const v = field.getValues();
      // TimePicker2 hands a dayjs object to the Field: the page formats it, as admin pages do.
      const model = { ...v, arriveTime: v.arriveTime && v.arriveTime.format ? v.arriveTime.format('HH:mm:ss') : v.arriveTime, photos: (v.photos || []).filter((f) => f.state === 'done').map((f) => ({ name: f.name, url: f.url })) };
      try {
        await api.post('/api/submit/fusion', model);
        Message.success('提交成功');
      } catch (e) {
        Message.error(String(e.message || e));
      } finally { setSubmitting(false); }
    };
    return html`
      <div class="card">
        <h2 class="card-header">新增检查登记</h2>
        <${Form} field=${field} labelCol=${{ fixedSpan: 7 }} wrapperCol=${{ span: 16 }} labelAlign="left" labelTextAlign="right">
          <${Row} wrap>
            ${item(12, '单位名称', 'unitName', html`<${Input} placeholder="请输入单位名称" hasClear />`)}
            ${item(12, '从业人数', 'staffCount', html`<${NumberPicker} min=${0} max=${9999} placeholder="请输入从业人数" />`)}
            ${item(12, '检查方式', 'checkMode', html`<${Select} dataSource=${D.checkModes} placeholder="请选择检查方式" hasClear />`)}
            ${item(12, '检查人员', 'inspectors', html`<${Select} mode="multiple" dataSource=${D.inspectors} placeholder="请选择检查人员（至少两名）" />`)}
            ${item(12, '检查事项', 'checkItem', html`<${Select} showSearch dataSource=${D.checkItems} placeholder="请输入关键字搜索检查事项" />`)}
            ${item(12, '被检查单位', 'unitCode', html`<${UnitSelect} />`)}
            ${item(12, '消防责任区', 'zone', html`<${Select} dataSource=${D.zones} placeholder="请选择消防责任区" hasClear />`)}
            ${item(12, '单位地址', 'region', html`<${CascaderSelect} dataSource=${regions} loadData=${loadRegion} placeholder="请选择省/市/区县/街道" hasClear />`)}
            ${item(12, '所属网格', 'grid', html`<${TreeSelect} dataSource=${grids} placeholder="请选择所属网格" hasClear />`)}
            ${item(12, '检查日期', 'checkDate', html`<${DatePicker2} format="YYYY年MM月DD日" outputFormat="YYYY-MM-DD" placeholder="请选择检查日期" />`)}
            ${item(12, '下次检查时间', 'nextCheckTime', html`<${DatePicker2} showTime format="YYYY-MM-DD HH:mm" outputFormat="YYYY-MM-DD HH:mm:ss" placeholder="请选择下次检查时间" />`)}
            ${item(12, '整改期间', 'rectifyRange', html`<${DatePicker2.RangePicker} outputFormat="YYYY-MM-DD" placeholder=${['开始日期', '结束日期']} />`)}
            ${item(12, '到场时间', 'arriveTime', html`<${TimePicker2} format="HH:mm:ss" outputFormat="HH:mm:ss" placeholder="请选择到场时间" />`)}
            ${item(12, '单位类别', 'unitType', html`<${Radio.Group} dataSource=${D.unitTypes} />`)}
            ${item(12, '隐患等级', 'hazardLevel', html`<${Radio.Group} shape="button" dataSource=${D.hazardLevels} />`)}
            ${item(12, '处理措施', 'measures', html`<${Checkbox.Group} dataSource=${D.measures} />`)}
            ${item(12, '是否复查', 'needRecheck', html`<${Switch} checkedChildren="是" unCheckedChildren="否" />`, { valueName: 'checked' })}
            ${item(24, '情况说明', 'remark', html`<${Input.TextArea} rows=${3} maxLength=${500} showLimitHint placeholder="请输入情况说明" />`)}
            ${item(24, '现场照片', 'photos', html`<${Upload} action="/api/upload" listType="text" multiple accept="image/*"
              formatter=${(res) => ({ success: res.code === 0, url: res.data && res.data.url })}>
              <${Button} type="normal">选取文件</${Button}></${Upload}>`)}
          </${Row}>
          <div class="form-footer">
            <${Button} type="primary" loading=${submitting} onClick=${submit}>提交</${Button}>
            <${Button} onClick=${() => field.reset()}>重置</${Button}>
          </div>
        </${Form}>
      </div>`;
  }

  ReactDOM.createRoot(document.getElementById('root')).render(html`
    <${ConfigProvider} locale=${Next.locales ? Next.locales['zh-cn'] : undefined}><div class="page"><${GalleryForm} /></div></${ConfigProvider}>`);
})();
