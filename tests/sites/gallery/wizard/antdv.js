// The same stepped form as app.js, the Ant Design Vue 4 way (JeecgBoot-style pages): a-steps with only
// the current step rendered (v-if), a-collapse (its panel renders on first opening), a-tabs (a pane
// renders on first activation), a 隐患明细 group that starts empty (添加一项), a-modal opened with 新增,
// and 备注 behind 展开更多. 下一步 validates the step; 提交 posts the model to /api/submit/wizard-antdv.
const { createApp, reactive, ref } = Vue;
dayjs.locale('zh-cn');

const METHODS = ['双随机抽查', '日常检查', '专项检查', '举报投诉核查'].map((v) => ({ value: v, label: v }));
const INSPECTORS = ['李某', '王某', '孙某', '周某'].map((v) => ({ value: v, label: v }));
const RESULTS = ['合格', '责令限期改正', '当场改正', '移交处理'];
const HAZARDS = ['二楼疏散通道堆放杂物', '厨房灭火器失效', '安全出口锁闭', '消防车通道被占用', '电气线路私拉乱接']
  .map((label, i) => ({ value: `YH0${i + 1}`, label }));
const LEVELS = [{ value: '1', label: '一般火灾隐患' }, { value: '2', label: '重大火灾隐患' }];

const CODE_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const CODE_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
function creditCodeValid(code) {
  if (!/^[0-9A-HJ-NPQRTUWXY]{18}$/.test(code)) return false;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += CODE_CHARS.indexOf(code[i]) * CODE_WEIGHTS[i];
  return CODE_CHARS[(31 - (sum % 31)) % 31] === code[17];
}

createApp({
  setup() {
    const step = ref(0);
    const tab = ref('people');
    const panels = ref([]);
    const showMore = ref(false);
    const modal = ref(false);
    const draftDoc = ref('');
    const formRef = ref();
    const form = reactive({ dwmc: '', tyshxydm: '', jcfs: undefined, fddbr: '', lxdh: '', jcry: [], xcqk: '', jcjg: '', yhmx: [], wsbh: '', bz: '' });
    const rules = {
      dwmc: [{ required: true, message: '请输入单位名称', trigger: 'blur' }],
      tyshxydm: [
        { required: true, message: '请输入统一社会信用代码', trigger: 'blur' },
        { validator: (_r, v) => (creditCodeValid(String(v ?? '').toUpperCase()) ? Promise.resolve() : Promise.reject('统一社会信用代码校验位不正确')), trigger: 'blur' },
      ],
      jcfs: [{ required: true, message: '请选择检查方式', trigger: 'change' }],
    };
    async function next() {
      try {
        await formRef.value.validate();
      } catch {
        return;
      }
      step.value++;
    }
    async function submit() {
      try {
        await formRef.value.validate();
      } catch {
        return;
      }
      const body = JSON.parse(JSON.stringify(form));
      const res = await fetch('/api/submit/wizard-antdv', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
      if (res.ok) antd.message.success('提交成功');
    }
    return {
      step, tab, panels, showMore, modal, draftDoc, formRef, form, rules, next, submit,
      prev: () => { step.value--; },
      addHazard: () => form.yhmx.push({ ms: undefined, dj: undefined, zgqx: undefined }),
      removeHazard: (i) => form.yhmx.splice(i, 1),
      openDoc: () => { draftDoc.value = ''; modal.value = true; },
      confirmDoc: () => { form.wsbh = draftDoc.value; modal.value = false; },
      METHODS, INSPECTORS, RESULTS, HAZARDS, LEVELS, zh: antd.locales.zh_CN,
      stepItems: [{ title: '基本信息' }, { title: '检查情况' }, { title: '隐患与处理' }],
    };
  },
  template: `
  <a-config-provider :locale="zh">
  <div class="page">
    <a-card title="检查登记（分步填报）">
      <a-steps :current="step" :items="stepItems" class="steps" />
      <a-form ref="formRef" :model="form" :rules="rules" :label-col="{ span: 5 }" :wrapper-col="{ span: 16 }">
        <template v-if="step === 0">
          <a-form-item label="单位名称" name="dwmc"><a-input v-model:value="form.dwmc" placeholder="请输入单位名称" /></a-form-item>
          <a-form-item label="统一社会信用代码" name="tyshxydm"><a-input v-model:value="form.tyshxydm" placeholder="18 位统一社会信用代码" /></a-form-item>
          <a-collapse v-model:activeKey="panels">
            <a-collapse-panel key="contact" header="负责人信息">
              <a-form-item label="法定代表人"><a-input v-model:value="form.fddbr" /></a-form-item>
              <a-form-item label="联系电话"><a-input v-model:value="form.lxdh" /></a-form-item>
            </a-collapse-panel>
          </a-collapse>
        </template>
        <template v-if="step === 1">
          <a-form-item label="检查方式" name="jcfs"><a-select v-model:value="form.jcfs" :options="METHODS" placeholder="请选择检查方式" /></a-form-item>
          <a-tabs v-model:activeKey="tab">
            <a-tab-pane key="people" tab="检查人员">
              <a-form-item label="检查人员"><a-select v-model:value="form.jcry" mode="multiple" :options="INSPECTORS" placeholder="请选择检查人员" /></a-form-item>
            </a-tab-pane>
            <a-tab-pane key="scene" tab="现场情况">
              <a-form-item label="现场检查情况"><a-textarea v-model:value="form.xcqk" :rows="3" /></a-form-item>
              <a-form-item label="检查结果">
                <a-radio-group v-model:value="form.jcjg"><a-radio v-for="r in RESULTS" :key="r" :value="r">{{ r }}</a-radio></a-radio-group>
              </a-form-item>
            </a-tab-pane>
          </a-tabs>
        </template>
        <template v-if="step === 2">
          <a-form-item label="隐患明细">
            <div v-for="(row, i) in form.yhmx" :key="i" class="hazard-row">
              <a-select v-model:value="row.ms" class="yh-ms" :options="HAZARDS" placeholder="请选择隐患" />
              <a-select v-model:value="row.dj" class="yh-dj" :options="LEVELS" placeholder="隐患等级" style="width: 140px" />
              <a-date-picker v-model:value="row.zgqx" class="yh-zgqx" value-format="YYYY-MM-DD" placeholder="整改期限" />
              <a-button type="link" danger @click="removeHazard(i)">删除</a-button>
            </div>
            <a-button type="dashed" @click="addHazard">添加一项</a-button>
          </a-form-item>
          <a-form-item label="法律文书">
            <a-input v-model:value="form.wsbh" disabled placeholder="点击“新增”添加" style="width: 320px; margin-right: 8px" />
            <a-button @click="openDoc">新增</a-button>
          </a-form-item>
          <a-form-item :wrapper-col="{ offset: 5, span: 16 }">
            <a @click.prevent="showMore = !showMore">{{ showMore ? '收起' : '展开更多' }}</a>
          </a-form-item>
          <a-form-item v-if="showMore" label="备注"><a-textarea v-model:value="form.bz" :rows="2" /></a-form-item>
        </template>
      </a-form>
      <div class="form-actions">
        <a-button v-if="step > 0" @click="prev">上一步</a-button>
        <a-button v-if="step < 2" type="primary" @click="next">下一步</a-button>
        <a-button v-if="step === 2" type="primary" @click="submit">提交</a-button>
      </div>
    </a-card>
    <a-modal v-model:open="modal" title="新增法律文书" @ok="confirmDoc">
      <a-form :label-col="{ span: 8 }">
        <a-form-item label="文书名称及编号"><a-input v-model:value="draftDoc" /></a-form-item>
      </a-form>
    </a-modal>
  </div>
  </a-config-provider>`,
}).use(antd).mount('#app');
