// Ant Design 4 (antd 4.24, moment, React 18) gallery: the same form as the antd 5 gallery, laid out
// the Ant Design Pro v4 way (labelCol span 6 / wrapperCol span 18 in two columns). The data lives in
// antd's Form store; 提交 validates and posts the store as JSON. antd 4 has no App; message is static.
import {
  CHECK_ITEMS, CHECK_MODES, HAZARD_LEVELS, INSPECTORS, MEASURES, PLACE_TYPES, UNIT_CATEGORIES, ZONES,
  gridTree, regionChildren, searchUnits, submitModel, uploadedFiles,
} from '../antd5/options.js';

const {
  Button, Card, Cascader, Checkbox, Col, ConfigProvider, DatePicker, Form, Input, InputNumber, Radio, Rate, Row,
  Select, Slider, Spin, Switch, TimePicker, TreeSelect, Upload, locales, message,
} = antd;
const html = htm.bind(React.createElement);
moment.locale('zh-cn');

/** A date shown in one format and kept in the model in another (a string or a timestamp). */
const asMoment = (v) => ({ value: v == null || v === '' ? undefined : moment(v) });
const dateValue = (fmt) => ({ getValueProps: asMoment, normalize: (d) => (d ? d.format(fmt) : undefined) });
const rangeValue = (fmt) => ({
  getValueProps: (v) => ({ value: v?.length ? v.map((s) => moment(s)) : undefined }),
  normalize: (r) => (r ? r.map((d) => d.format(fmt)) : undefined),
});
const timestampValue = { getValueProps: asMoment, normalize: (d) => (d ? d.second(0).millisecond(0).valueOf() : undefined) };
const timeValue = { getValueProps: (v) => ({ value: v ? moment(v, 'HH:mm') : undefined }), normalize: (d) => (d ? d.format('HH:mm') : undefined) };

/** 被检查单位: remote search as you type (debounced), the way admin templates build it. */
function UnitSelect(props) {
  const [options, setOptions] = React.useState([]);
  const [fetching, setFetching] = React.useState(false);
  const timer = React.useRef();
  const onSearch = (q) => {
    clearTimeout(timer.current);
    setOptions([]);
    setFetching(true);
    timer.current = setTimeout(async () => {
      try { setOptions(await searchUnits(q)); } finally { setFetching(false); }
    }, 300);
  };
  return html`<${Select} ...${props} showSearch allowClear filterOption=${false} onSearch=${onSearch} options=${options}
    placeholder="输入单位名称搜索" notFoundContent=${fetching ? html`<${Spin} size="small" />` : '无匹配单位'} />`;
}

/** 单位地址: 省 on mount, each further level from /api/regions when a person opens it. */
function useRegions() {
  const [options, setOptions] = React.useState([]);
  React.useEffect(() => { regionChildren('').then(setOptions); }, []);
  const loadData = React.useCallback(async (selected) => {
    const target = selected[selected.length - 1];
    target.children = await regionChildren(target.value);
    setOptions((prev) => [...prev]);
  }, []);
  return { options, loadData };
}

const item = (span, label, name, control, extra = {}) => html`
  <${Col} span=${span}><${Form.Item} label=${label} name=${name}
    ...${span === 24 ? { labelCol: { span: 3 }, wrapperCol: { span: 21 } } : {}} ...${extra}>${control}</${Form.Item}></${Col}>`;

function GalleryForm() {
  const [form] = Form.useForm();
  const regions = useRegions();
  const [grids, setGrids] = React.useState([]);
  React.useEffect(() => { gridTree().then(setGrids); }, []);

  const onFinish = async (model) => {
    try {
      await submitModel('antd4', { ...model, photos: uploadedFiles(model.photos) });
      message.success('提交成功');
    } catch (e) {
      message.error(e.message);
    }
  };
  const full = { style: { width: '100%' } };

  return html`
    <${Form} form=${form} name="gallery" layout="horizontal" labelCol=${{ span: 6 }} wrapperCol=${{ span: 18 }}
      colon onFinish=${onFinish} onFinishFailed=${({ errorFields }) => message.error(`还有 ${errorFields.length} 项未填写`)}
      initialValues=${{ recheck: false, score: 0, progress: 0 }}>
      <${Card} title="基本信息" bordered=${false}>
        <${Row} gutter=${24}>
          ${item(12, '单位名称', 'unitName', html`<${Input} placeholder="请输入单位名称" allowClear maxLength=${50} />`, { rules: [{ required: true, message: '请输入单位名称' }] })}
          ${item(12, '建筑面积（㎡）', 'area', html`<${InputNumber} min=${0} max=${100000} placeholder="请输入" ...${full} />`)}
          ${item(12, '检查方式', 'checkMode', html`<${Select} placeholder="请选择" allowClear options=${CHECK_MODES} />`)}
          ${item(12, '检查人员', 'inspectors', html`<${Select} mode="multiple" placeholder="请选择（可多选）" allowClear options=${INSPECTORS} />`)}
          ${item(12, '场所类型', 'placeType', html`<${Select} showSearch optionFilterProp="label" placeholder="请选择或输入搜索" allowClear options=${PLACE_TYPES} />`)}
          ${item(12, '被检查单位', 'unit', html`<${UnitSelect} />`)}
          ${item(24, '检查内容', 'checkItem', html`<${Select} showSearch optionFilterProp="label" placeholder="请选择检查内容" allowClear options=${CHECK_ITEMS} />`)}
          ${item(12, '单位地址', 'address', html`<${Cascader} options=${regions.options} loadData=${regions.loadData} changeOnSelect=${false} placeholder="请选择省/市/区县/街道" allowClear />`)}
          ${item(12, '管辖区域', 'zone', html`<${Cascader} options=${ZONES} expandTrigger="hover" placeholder="请选择区/街道/社区" allowClear />`)}
          ${item(12, '所属网格', 'grid', html`<${TreeSelect} treeData=${grids} placeholder="请选择网格" allowClear ...${full} />`)}
          ${item(12, '检查日期', 'checkDate', html`<${DatePicker} format="YYYY年MM月DD日" placeholder="请选择日期" ...${full} />`, dateValue('YYYY-MM-DD'))}
          ${item(12, '发现时间', 'foundAt', html`<${DatePicker} showTime=${{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" placeholder="请选择时间" ...${full} />`, timestampValue)}
          ${item(12, '整改期限', 'fixPeriod', html`<${DatePicker.RangePicker} format="YYYY-MM-DD" ...${full} />`, rangeValue('YYYY-MM-DD'))}
          ${item(12, '到场时间', 'arriveTime', html`<${TimePicker} format="HH:mm" placeholder="请选择时间" ...${full} />`, timeValue)}
          ${item(24, '检查情况', 'remark', html`<${Input.TextArea} rows=${3} maxLength=${500} showCount placeholder="请输入检查情况" />`)}
        </${Row}>
      </${Card}>
      <${Card} title="检查结论" bordered=${false}>
        <${Row} gutter=${24}>
          ${item(12, '单位类别', 'unitCategory', html`<${Radio.Group} options=${UNIT_CATEGORIES} />`)}
          ${item(12, '隐患等级', 'hazardLevel', html`<${Radio.Group} optionType="button" buttonStyle="solid" options=${HAZARD_LEVELS} />`)}
          ${item(12, '处理措施', 'measures', html`<${Checkbox.Group} options=${MEASURES} />`)}
          ${item(12, '是否复查', 'recheck', html`<${Switch} checkedChildren="是" unCheckedChildren="否" />`, { valuePropName: 'checked' })}
          ${item(12, '安全评分', 'score', html`<${Rate} />`)}
          ${item(12, '整改进度', 'progress', html`<${Slider} style=${{ marginRight: 20 }} min=${0} max=${100} marks=${{ 0: '0%', 50: '50%', 100: '100%' }} />`)}
          ${item(24, '现场照片', 'photos', html`
            <${Upload} action="/api/upload" name="file" listType="picture-card" accept="image/*" multiple maxCount=${9}>
              <button type="button" style=${{ border: 0, background: 'none', cursor: 'pointer' }}>＋<div style=${{ marginTop: 8 }}>上传照片</div></button>
            </${Upload}>`, { valuePropName: 'fileList', getValueFromEvent: (e) => (Array.isArray(e) ? e : e?.fileList), extra: '支持 jpg、png，最多 9 张' })}
        </${Row}>
        <div className="form-actions">
          <${Button} type="primary" htmlType="submit">提交</${Button}>
          <${Button} htmlType="button" onClick=${() => form.resetFields()}>重置</${Button}>
        </div>
      </${Card}>
    </${Form}>`;
}

ReactDOM.createRoot(document.getElementById('root')).render(html`
  <${ConfigProvider} locale=${locales.zh_CN}>
    <div className="page"><h1 className="page-title">控件样例 · Ant Design 4</h1><${GalleryForm} /></div>
  </${ConfigProvider}>`);
