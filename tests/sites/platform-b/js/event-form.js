// 事件上报: the form, its dictionaries and lazy data, validation and submission.
import {
  EVENT_SOURCES, INDUSTRIES, YES_NO, HAZARD_CATEGORIES, HAZARD_LEVELS, URGENCY_LEVELS, DISPOSAL_METHODS, SELF_DISPOSAL,
} from './options.js';
import { getEventTypes, getGrids, postEvent, toGridTree, toTypeOptions } from './api.js';
import { Icon } from './icons.js';

const {
  Form, Input, Select, Cascader, DatePicker, TreeSelect, Radio, Checkbox, Upload, Button, Row, Col, Card, App, Table,
} = antd;
const html = htm.bind(React.createElement);

const OCCUR_FORMAT = 'YYYY年MM月DD日 HH:mm';
const DEADLINE_FORMAT = 'YYYY-MM-DD';
const MAX_PHOTOS = 9;
const MAX_PHOTO_BYTES = 10 * 1024 * 1024;
const PHONE = /^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/;

const required = (message) => [{ required: true, message }];

/** 事件类型: the first level on mount, 中类 and 小类 when a user opens them (loadData). */
function useEventTypes(messageApi) {
  const [options, setOptions] = React.useState([]);
  React.useEffect(() => {
    getEventTypes('').then((list) => setOptions(toTypeOptions(list)), (e) => messageApi.error(`事件类型加载失败：${e.message}`));
  }, []);
  const loadData = React.useCallback(async (selected) => {
    const target = selected[selected.length - 1];
    try {
      target.children = toTypeOptions(await getEventTypes(target.value));
    } catch (e) {
      messageApi.error(`事件类型加载失败：${e.message}`);
    }
    setOptions((prev) => [...prev]);
  }, []);
  return { options, loadData };
}

function useGrids(messageApi) {
  const [tree, setTree] = React.useState([]);
  React.useEffect(() => {
    getGrids().then((g) => setTree(toGridTree(g)), (e) => messageApi.error(`网格数据加载失败：${e.message}`));
  }, []);
  return tree;
}

/** What the platform's API takes: codes, a ms timestamp, a YYYY-MM-DD date, attachment ids. */
function toPayload(v) {
  const payload = {
    eventTitle: v.eventTitle,
    eventSource: v.eventSource,
    eventType: v.eventType,
    occurTime: v.occurTime,
    gridCode: v.gridCode,
    occurAddress: v.occurAddress,
    involvedSubject: v.involvedSubject ?? '',
    contactPerson: v.contactPerson ?? '',
    contactPhone: v.contactPhone ?? '',
    industryCode: v.industryCode,
    hasHazard: v.hasHazard,
    hazardCategories: v.hasHazard === '1' ? v.hazardCategories ?? [] : [],
    hazardList: (v.hazardList ?? []).map((r) => ({
      hazardDesc: r.hazardDesc,
      hazardLevel: r.hazardLevel,
      rectifyDeadline: r.rectifyDeadline.format(DEADLINE_FORMAT),
    })),
    eventDesc: v.eventDesc,
    urgencyLevel: v.urgencyLevel,
    disposalMethod: v.disposalMethod,
  };
  if (v.disposalMethod === SELF_DISPOSAL) payload.disposalResult = v.disposalResult;
  payload.deadline = v.deadline.format(DEADLINE_FORMAT);
  payload.attachmentIds = (v.attachments ?? []).map((f) => f.response?.data?.id).filter(Boolean);
  return payload;
}

const normFile = (e) => (Array.isArray(e) ? e : e?.fileList);

/**
 * 隐患清单: a Form.List shown as a bordered table, one row of Form.Items per 隐患, the way admin
 * templates edit child rows. It starts empty; 添加隐患 appends a row, 删除 removes it.
 */
function HazardList() {
  const cell = { style: { marginBottom: 0 } };
  return html`
    <${Form.List} name="hazardList">
      ${(fields, { add, remove }) => html`
        <div className="hazard-list">
          <${Table} className="hazard-table" size="small" bordered pagination=${false} rowKey="key" dataSource=${fields}
            locale=${{ emptyText: '暂无隐患，请点击“添加隐患”' }}
            columns=${[
              { title: '序号', key: 'index', width: 60, align: 'center', render: (_, __, i) => i + 1 },
              {
                title: '隐患描述', key: 'hazardDesc',
                render: (_, field) => html`
                  <${Form.Item} ...${cell} name=${[field.name, 'hazardDesc']}
                    rules=${[{ required: true, whitespace: true, message: '请输入隐患描述' }]}>
                    <${Input} placeholder="请输入隐患描述" maxLength=${100} />
                  </${Form.Item}>`,
              },
              {
                title: '隐患等级', key: 'hazardLevel', width: 140,
                render: (_, field) => html`
                  <${Form.Item} ...${cell} name=${[field.name, 'hazardLevel']} rules=${required('请选择隐患等级')}>
                    <${Select} placeholder="请选择" options=${HAZARD_LEVELS} />
                  </${Form.Item}>`,
              },
              {
                title: '整改期限', key: 'rectifyDeadline', width: 180,
                render: (_, field) => html`
                  <${Form.Item} ...${cell} name=${[field.name, 'rectifyDeadline']} rules=${required('请选择整改期限')}>
                    <${DatePicker} placeholder="请选择日期" format=${DEADLINE_FORMAT} style=${{ width: '100%' }} />
                  </${Form.Item}>`,
              },
              {
                title: '操作', key: 'op', width: 80, align: 'center',
                render: (_, field) => html`<${Button} type="link" danger size="small" onClick=${() => remove(field.name)}>删除</${Button}>`,
              },
            ]} />
          <${Button} type="dashed" block className="hazard-add" onClick=${() => add()} icon=${html`<${Icon} name="plus" />`}>添加隐患</${Button}>
        </div>`}
    </${Form.List}>`;
}

export function EventForm({ user }) {
  const [form] = Form.useForm();
  const { message, modal } = App.useApp();
  const types = useEventTypes(message);
  const grids = useGrids(message);
  const [submitting, setSubmitting] = React.useState(false);
  const [now, setNow] = React.useState(() => Date.now());
  React.useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(t);
  }, []);

  const hasHazard = Form.useWatch('hasHazard', form);
  const disposalMethod = Form.useWatch('disposalMethod', form);
  const attachments = Form.useWatch('attachments', form) ?? [];

  const onValuesChange = (changed) => {
    if (changed.hasHazard === '0') form.setFieldsValue({ hazardCategories: [] });
  };

  const beforeUpload = (file) => {
    if (!/^image\//.test(file.type)) {
      message.error(`${file.name} 不是图片文件`);
      return Upload.LIST_IGNORE;
    }
    if (file.size > MAX_PHOTO_BYTES) {
      message.error(`${file.name} 超过 10MB`);
      return Upload.LIST_IGNORE;
    }
    return true;
  };

  const onFinish = async (values) => {
    const files = values.attachments ?? [];
    if (files.some((f) => f.status === 'uploading')) {
      message.warning('附件正在上传，请稍候再提交');
      return;
    }
    if (files.some((f) => f.status === 'error')) {
      message.error('有附件上传失败，请删除后重新上传');
      return;
    }
    setSubmitting(true);
    try {
      const res = await postEvent(toPayload(values));
      message.success(`事件上报成功，事件编号：${res.eventNo}`);
      form.resetFields();
    } catch (e) {
      modal.error({ title: '上报失败', content: e.message });
    } finally {
      setSubmitting(false);
    }
  };

  const onFinishFailed = ({ errorFields }) => {
    message.error(`还有 ${errorFields.length} 项信息未填写或填写有误`);
  };

  const occurDisabled = (d) => d && d.isAfter(dayjs(), 'day');
  const deadlineRule = ({ getFieldValue }) => ({
    validator(_, value) {
      const occur = getFieldValue('occurTime');
      if (!value || !occur || !value.isBefore(dayjs(occur), 'day')) return Promise.resolve();
      return Promise.reject(new Error('要求办结时限不能早于发生时间'));
    },
  });

  const section = (title) => html`<${Col} span=${24}><div className="form-section">${title}</div></${Col}>`;

  return html`
    <${Card} title="事件上报" bordered=${false} extra=${html`<span style=${{ color: '#999' }}>带 * 为必填项</span>`}>
      <${Form} form=${form} name="eventForm" layout="horizontal" labelCol=${{ flex: '112px' }} labelWrap
        wrapperCol=${{ flex: 1 }} colon=${true} scrollToFirstError
        onFinish=${onFinish} onFinishFailed=${onFinishFailed} onValuesChange=${onValuesChange}>
        <${Row} gutter=${24}>
          ${section('基本信息')}
          <${Col} span=${24}>
            <${Form.Item} label="事件标题" name="eventTitle" rules=${[{ required: true, whitespace: true, message: '请输入事件标题' }, { max: 50, message: '事件标题不能超过50个字' }]}>
              <${Input} placeholder="请输入事件标题" allowClear maxLength=${50} />
            </${Form.Item}>
          </${Col}>
          <${Col} span=${12}>
            <${Form.Item} label="事件来源" name="eventSource" rules=${required('请选择事件来源')}>
              <${Select} placeholder="请选择事件来源" showSearch optionFilterProp="label" allowClear options=${EVENT_SOURCES} />
            </${Form.Item}>
          </${Col}>
          <${Col} span=${12}>
            <${Form.Item} label="事件类型" name="eventType" rules=${required('请选择事件类型')}>
              <${Cascader} placeholder="请选择事件类型" options=${types.options} loadData=${types.loadData} allowClear />
            </${Form.Item}>
          </${Col}>
          <${Col} span=${12}>
            <${Form.Item} label="发生时间" name="occurTime" rules=${required('请选择发生时间')}
              getValueProps=${(v) => ({ value: v == null ? v : dayjs(v) })}
              normalize=${(d) => (d ? d.second(0).millisecond(0).valueOf() : undefined)}>
              <${DatePicker} showTime=${{ format: 'HH:mm' }} format=${OCCUR_FORMAT} placeholder="请选择发生时间"
                disabledDate=${occurDisabled} style=${{ width: '100%' }} />
            </${Form.Item}>
          </${Col}>
          <${Col} span=${12}>
            <${Form.Item} label="所属网格" name="gridCode" rules=${required('请选择所属网格')}>
              <${TreeSelect} placeholder="请选择所属网格" treeData=${grids} treeDefaultExpandAll=${false}
                showSearch treeNodeFilterProp="title" allowClear style=${{ width: '100%' }} />
            </${Form.Item}>
          </${Col}>
          <${Col} span=${24}>
            <${Form.Item} label="发生地点" name="occurAddress" rules=${[{ required: true, whitespace: true, message: '请输入发生地点' }]}>
              <${Input} placeholder="请输入详细地点，如：XX街道XX路XX号" allowClear />
            </${Form.Item}>
          </${Col}>
          <${Col} span=${8}>
            <${Form.Item} label="涉及主体" name="involvedSubject">
              <${Input} placeholder="单位或个人名称" allowClear />
            </${Form.Item}>
          </${Col}>
          <${Col} span=${8}>
            <${Form.Item} label="联系人" name="contactPerson">
              <${Input} placeholder="请输入联系人" allowClear />
            </${Form.Item}>
          </${Col}>
          <${Col} span=${8}>
            <${Form.Item} label="联系方式" name="contactPhone" rules=${[{ pattern: PHONE, message: '请输入正确的手机号或固定电话' }]}>
              <${Input} placeholder="手机号或固定电话" allowClear />
            </${Form.Item}>
          </${Col}>
          <${Col} span=${12}>
            <${Form.Item} label="所属行业" name="industryCode" rules=${required('请选择所属行业')}>
              <${Select} placeholder="请选择所属行业" showSearch optionFilterProp="label" allowClear options=${INDUSTRIES} />
            </${Form.Item}>
          </${Col}>

          ${section('隐患情况')}
          <${Col} span=${12}>
            <${Form.Item} label="是否存在隐患" name="hasHazard" rules=${required('请选择是否存在隐患')}>
              <${Radio.Group} options=${YES_NO} />
            </${Form.Item}>
          </${Col}>
          <${Col} span=${12}>
            <${Form.Item} label="紧急程度" name="urgencyLevel" rules=${required('请选择紧急程度')}>
              <${Radio.Group} optionType="button" buttonStyle="solid" options=${URGENCY_LEVELS} />
            </${Form.Item}>
          </${Col}>
          <${Col} span=${24}>
            <${Form.Item} label="隐患类别" name="hazardCategories"
              rules=${[{ required: hasHazard === '1', type: 'array', message: '请选择隐患类别' }]}>
              <${Checkbox.Group} options=${HAZARD_CATEGORIES} disabled=${hasHazard === '0'} />
            </${Form.Item}>
          </${Col}>
          <${Col} span=${24}>
            <${Form.Item} label="事件描述" name="eventDesc" rules=${[{ required: true, whitespace: true, message: '请输入事件描述' }]}>
              <${Input.TextArea} placeholder="请描述事件的具体情况" rows=${4} maxLength=${500} showCount />
            </${Form.Item}>
          </${Col}>
          <${Col} span=${24}>
            <${Form.Item} label="隐患清单">
              <${HazardList} />
            </${Form.Item}>
          </${Col}>

          ${section('处置信息')}
          <${Col} span=${12}>
            <${Form.Item} label="处置方式" name="disposalMethod" rules=${required('请选择处置方式')}>
              <${Radio.Group} options=${DISPOSAL_METHODS} />
            </${Form.Item}>
          </${Col}>
          <${Col} span=${12}>
            <${Form.Item} label="要求办结时限" name="deadline" dependencies=${['occurTime']}
              rules=${[{ required: true, message: '请选择要求办结时限' }, deadlineRule]}>
              <${DatePicker} placeholder="请选择日期" format=${DEADLINE_FORMAT} style=${{ width: '100%' }} />
            </${Form.Item}>
          </${Col}>
          ${disposalMethod === SELF_DISPOSAL ? html`
            <${Col} span=${24}>
              <${Form.Item} label="处置情况" name="disposalResult" rules=${[{ required: true, whitespace: true, message: '请填写处置情况' }]}>
                <${Input.TextArea} placeholder="请填写现场处置的过程和结果" rows=${3} maxLength=${500} showCount />
              </${Form.Item}>
            </${Col}>` : null}
          <${Col} span=${24}>
            <${Form.Item} label="附件" name="attachments" valuePropName="fileList" getValueFromEvent=${normFile}
              extra="支持 jpg、png 等图片格式，最多 9 张，单张不超过 10MB">
              <${Upload} action="/api/upload" name="file" listType="picture-card" accept="image/*" multiple
                maxCount=${MAX_PHOTOS} beforeUpload=${beforeUpload}>
                ${attachments.length >= MAX_PHOTOS ? null : html`
                  <button type="button" style=${{ border: 0, background: 'none', cursor: 'pointer' }}>
                    <${Icon} name="plus" size=${16} />
                    <div style=${{ marginTop: 8 }}>上传照片</div>
                  </button>`}
              </${Upload}>
            </${Form.Item}>
          </${Col}>

          ${section('上报信息')}
          <${Col} span=${12}>
            <${Form.Item} label="上报人">
              <${Input} value=${user ? `${user.userName}（${user.roleName}）` : ''} disabled />
            </${Form.Item}>
          </${Col}>
          <${Col} span=${12}>
            <${Form.Item} label="上报时间">
              <${Input} value=${dayjs(now).format('YYYY-MM-DD HH:mm')} disabled />
            </${Form.Item}>
          </${Col}>
        </${Row}>
        <div className="form-actions">
          <${Button} type="primary" htmlType="submit" loading=${submitting}>提交</${Button}>
          <${Button} htmlType="button" onClick=${() => form.resetFields()}>重置</${Button}>
        </div>
      </${Form}>
    </${Card}>`;
}
