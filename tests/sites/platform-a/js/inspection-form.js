/**
 * The 行政检查记录（消防监督检查） form: model, validation rules, remote unit search, lazy region
 * levels, photo upload and submit. On 提交 it validates, POSTs the model as JSON and clears the form.
 */
import * as opts from './options.js';
import { FORM_TEMPLATE } from './form-template.js';
import { ChecklistTable } from './checklist.js';
import { HazardTable } from './hazard-table.js';
import { api } from './api.js';

const { ref, reactive, computed, nextTick, toRaw } = Vue;
const { ElMessage } = ElementPlus;

export function emptyForm(dicts) {
  return {
    jcfs: '', jcsx: '',
    dwmc: '', tyshxydm: '', dwdz: [], xxdz: '', fddbr: '', lxdh: '', sshy: '', dwlb: '', cslx: '', jzmj: null, cs: null,
    jcsj: null, jcry: [], zbrzfzh: '', xbrzfzh: '', ptry: '', jcyj: [],
    jcxm: dicts.checklist.map((i) => ({ xh: i.xh, xmmc: i.xmmc, jg: '', bhgqx: '' })),
    xcjcqk: '',
    fxyhs: null, yhdj: '', yhms: '', yhmx: [], jcjg: '', clcs: [], flws: '', zgqx: null, fcrq: null, xczp: [], bz: '',
  };
}

/** What the backend receives: the model, with the time range split the way the API wants it. */
export function toPayload(form) {
  const { jcsj, ...rest } = JSON.parse(JSON.stringify(toRaw(form)));
  return { ...rest, jckssj: jcsj?.[0] ?? null, jcjssj: jcsj?.[1] ?? null };
}

const need = (message, trigger = 'change') => ({ required: true, message, trigger });

export const InspectionForm = {
  name: 'InspectionForm',
  components: { ChecklistTable, HazardTable },
  props: { dicts: { type: Object, required: true } },
  setup(props, { expose }) {
    const formRef = ref();
    const form = reactive(emptyForm(props.dicts));
    const fileList = ref([]);
    const submitting = ref(false);
    const preview = reactive({ visible: false, url: '' });

    const rules = computed(() => ({
      jcfs: [need('请选择检查方式')],
      jcsx: [need('请选择检查事项')],
      dwmc: [need('请选择被检查单位')],
      tyshxydm: [need('统一社会信用代码不能为空'), { pattern: /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/, message: '统一社会信用代码格式不正确', trigger: 'change' }],
      dwdz: [{ ...need('请选择单位地址'), type: 'array' }],
      xxdz: [need('请输入详细地址', 'blur')],
      fddbr: [need('请输入法定代表人/主要负责人', 'blur')],
      lxdh: [need('请输入联系电话', 'blur'), { pattern: /^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/, message: '请输入正确的手机号码或固定电话', trigger: 'blur' }],
      sshy: [need('请选择所属行业')],
      dwlb: [need('请选择单位类别')],
      cslx: [need('请选择场所类型')],
      jcsj: [{ ...need('请选择检查时间'), type: 'array' }],
      jcry: [{
        validator: (rule, value, cb) => cb(!value || value.length < 2 ? new Error('检查人员不得少于两名') : undefined),
        required: true, trigger: 'change',
      }],
      zbrzfzh: [need('请输入主办人执法证号', 'blur')],
      xbrzfzh: [need('请输入协办人执法证号', 'blur')],
      ptry: [{ required: true, whitespace: true, message: '请输入陪同人员', trigger: 'blur' }],
      jcyj: [{ ...need('请至少选择一项检查依据'), type: 'array' }],
      xcjcqk: [{ required: true, whitespace: true, message: '请输入现场检查情况', trigger: 'blur' }],
      jcjg: [need('请选择检查结果')],
      // 责令限期改正 needs a deadline: the asterisk appears with the choice.
      zgqx: form.jcjg === opts.JCJG_DEADLINE ? [need('责令限期改正的，请选择整改期限')] : [],
    }));

    // 被检查单位: remote search of the unit registry; only the credit code comes with the choice.
    const unitOptions = ref([]);
    const unitLoading = ref(false);
    let searchSeq = 0;
    async function searchUnits(q) {
      const seq = ++searchSeq;
      if (!q) { unitOptions.value = []; return; }
      unitLoading.value = true;
      try {
        const list = await api.get('/api/units', { q });
        if (seq === searchSeq) unitOptions.value = list;
      } finally {
        if (seq === searchSeq) unitLoading.value = false;
      }
    }
    function onUnitChange(name) {
      const unit = unitOptions.value.find((u) => u.dwmc === name);
      form.tyshxydm = unit ? unit.tyshxydm : '';
      nextTick(() => formRef.value?.validateField('tyshxydm').catch(() => {}));
    }

    // 单位地址: one level per request, the way the region service answers.
    const regionProps = {
      lazy: true,
      lazyLoad(node, resolve) {
        const parent = node.level === 0 ? '' : node.value;
        api.get('/api/regions', { parent })
          .then((list) => resolve(list.map((r) => ({ value: r.code, label: r.name, leaf: r.leaf }))))
          .catch(() => resolve([]));
      },
    };

    function onResultChange() {
      nextTick(() => formRef.value?.clearValidate('zgqx'));
    }

    // 现场照片: the model keeps the ids the server handed out, in the order the photos were chosen.
    function syncPhotos(list) {
      form.xczp = list
        .filter((f) => f.status === 'success' && f.response && f.response.code === 200)
        .map((f) => ({ wjid: f.response.data.wjid, wjmc: f.name }));
    }
    function beforeUpload(file) {
      if (!/^image\//.test(file.type)) { ElMessage.error('只能上传图片文件'); return false; }
      if (file.size > 5 * 1024 * 1024) { ElMessage.error('单张照片不能超过 5MB'); return false; }
      return true;
    }
    const onUploadChange = (...args) => syncPhotos(args[args.length - 1]);
    const onUploadError = () => ElMessage.error('照片上传失败，请重试');
    const onExceed = () => ElMessage.warning('最多上传 9 张照片');
    const onPreview = (file) => { preview.url = file.url; preview.visible = true; };

    function reset() {
      Object.assign(form, emptyForm(props.dicts));
      fileList.value = [];
      unitOptions.value = [];
      // Change-triggered rules fire after the model settles; clear once they have run, as resetFields would.
      nextTick(() => setTimeout(() => formRef.value?.clearValidate(), 0));
    }

    function submit() {
      if (fileList.value.some((f) => f.status === 'uploading' || f.status === 'ready')) {
        ElMessage.warning('照片正在上传，请稍候再提交');
        return;
      }
      formRef.value.validate(async (valid) => {
        if (!valid) { ElMessage.error('表单校验未通过，请检查必填项'); return; }
        submitting.value = true;
        try {
          const data = await api.post('/api/inspections', toPayload(form));
          ElMessage.success(`提交成功，记录编号 ${data.jlbh}`);
          reset();
        } catch (err) {
          ElMessage.error(`提交失败：${err.message}`);
        } finally {
          submitting.value = false;
        }
      });
    }

    expose({ reset });
    return {
      opts, dicts: props.dicts, formRef, form, rules, fileList, submitting, preview,
      unitOptions, unitLoading, searchUnits, onUnitChange, regionProps, onResultChange,
      beforeUpload, onUploadChange, onUploadError, onExceed, onPreview, reset, submit,
    };
  },
  template: FORM_TEMPLATE,
};
