// 分步填报: a registration form in three steps (基本信息 → 检查情况 → 隐患与处理), the way many
// platforms split a long form. Only the current step is in the DOM (v-if); 下一步 validates the step
// (统一社会信用代码 with its GB 32100 check character) before moving on. Step 1 hides 法定代表人 and
// 联系电话 in a collapsed el-collapse; step 2 has 检查方式, then two el-tabs (the second renders lazily); step 3 has a
// 隐患明细 group that starts empty (添加一项; each row's 隐患 picked from a select), a 法律文书 added
// through a 新增 dialog, and 备注 behind 展开更多. 提交 posts the model to /api/submit/wizard.
const { createApp, reactive, ref } = Vue;

const METHODS = ['双随机抽查', '日常检查', '专项检查', '举报投诉核查'];
const INSPECTORS = ['李某', '王某', '孙某', '周某'];
const RESULTS = ['合格', '责令限期改正', '当场改正', '移交处理'];
const HAZARDS = ['二楼疏散通道堆放杂物', '厨房灭火器失效', '安全出口锁闭', '消防车通道被占用', '电气线路私拉乱接']
  .map((label, i) => ({ value: `YH0${i + 1}`, label }));
const LEVELS = [{ value: '1', label: '一般火灾隐患' }, { value: '2', label: '重大火灾隐患' }];

const CODE_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const CODE_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
/** GB 32100-2015: 18 characters, the last a check character over the first 17. */
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
    const more = ref([]);
    const showMore = ref(false);
    const dialog = ref(false);
    const draftDoc = ref('');
    const submitted = ref(false);
    const formRef = ref();
    const form = reactive({ dwmc: '', tyshxydm: '', jcfs: '', fddbr: '', lxdh: '', jcry: [], xcqk: '', jcjg: '', yhmx: [], wsbh: '', bz: '' });
    const rules = {
      dwmc: [{ required: true, message: '请输入单位名称', trigger: 'blur' }],
      tyshxydm: [
        { required: true, message: '请输入统一社会信用代码', trigger: 'blur' },
        { validator: (_r, v, cb) => (creditCodeValid(String(v).toUpperCase()) ? cb() : cb(new Error('统一社会信用代码校验位不正确'))), trigger: 'blur' },
      ],
      jcfs: [{ required: true, message: '请选择检查方式', trigger: 'change' }],
    };
    async function next() {
      try {
        await formRef.value.validate();
      } catch {
        return; // the form shows what is wrong; the step stays
      }
      step.value++;
    }
    const prev = () => { step.value--; };
    const addHazard = () => form.yhmx.push({ ms: '', dj: '', zgqx: '' });
    const removeHazard = (i) => form.yhmx.splice(i, 1);
    const openDoc = () => { draftDoc.value = ''; dialog.value = true; };
    const confirmDoc = () => { form.wsbh = draftDoc.value; dialog.value = false; };
    async function submit() {
      try {
        await formRef.value.validate();
      } catch {
        return;
      }
      const body = { ...form, jcry: [...form.jcry], yhmx: form.yhmx.map((r) => ({ ...r })) };
      const res = await fetch('/api/submit/wizard', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
      if (res.ok) { submitted.value = true; ElementPlus.ElMessage.success('提交成功'); }
    }
    return {
      step, tab, more, showMore, dialog, draftDoc, submitted, formRef, form, rules, next, prev, addHazard, removeHazard, openDoc, confirmDoc, submit,
      METHODS, INSPECTORS, RESULTS, HAZARDS, LEVELS, zhCn: ElementPlusLocaleZhCn,
    };
  },
  template: `
  <el-config-provider :locale="zhCn">
  <div class="navbar">消防监督检查 · 分步填报<span class="user">检查员 李某</span></div>
  <div class="app-main">
    <el-card shadow="never">
      <template #header><span class="card-header">检查登记</span></template>
      <el-steps :active="step" finish-status="success" class="steps" align-center>
        <el-step title="基本信息" /><el-step title="检查情况" /><el-step title="隐患与处理" />
      </el-steps>
      <el-alert v-if="submitted" type="success" title="已提交" :closable="false" />
      <el-form ref="formRef" :model="form" :rules="rules" label-width="140px">
        <template v-if="step === 0">
          <el-form-item label="单位名称" prop="dwmc"><el-input v-model="form.dwmc" placeholder="请输入单位名称" /></el-form-item>
          <el-form-item label="统一社会信用代码" prop="tyshxydm"><el-input v-model="form.tyshxydm" placeholder="18 位统一社会信用代码" /></el-form-item>
          <el-collapse v-model="more">
            <el-collapse-item title="负责人信息" name="contact">
              <el-form-item label="法定代表人"><el-input v-model="form.fddbr" /></el-form-item>
              <el-form-item label="联系电话"><el-input v-model="form.lxdh" /></el-form-item>
            </el-collapse-item>
          </el-collapse>
        </template>
        <template v-if="step === 1">
          <el-form-item label="检查方式" prop="jcfs">
            <el-select v-model="form.jcfs" placeholder="请选择检查方式">
              <el-option v-for="m in METHODS" :key="m" :label="m" :value="m" />
            </el-select>
          </el-form-item>
          <el-tabs v-model="tab">
            <el-tab-pane label="检查人员" name="people">
              <el-form-item label="检查人员">
                <el-select v-model="form.jcry" multiple placeholder="请选择检查人员">
                  <el-option v-for="p in INSPECTORS" :key="p" :label="p" :value="p" />
                </el-select>
              </el-form-item>
            </el-tab-pane>
            <el-tab-pane label="现场情况" name="scene" lazy>
              <el-form-item label="现场检查情况"><el-input v-model="form.xcqk" type="textarea" :rows="3" /></el-form-item>
              <el-form-item label="检查结果">
                <el-radio-group v-model="form.jcjg"><el-radio v-for="r in RESULTS" :key="r" :value="r">{{ r }}</el-radio></el-radio-group>
              </el-form-item>
            </el-tab-pane>
          </el-tabs>
        </template>
        <template v-if="step === 2">
          <el-form-item label="隐患明细">
            <div style="width: 100%">
              <div v-for="(row, i) in form.yhmx" :key="i" class="hazard-row">
                <el-select v-model="row.ms" class="yh-ms" placeholder="请选择隐患">
                  <el-option v-for="h in HAZARDS" :key="h.value" :label="h.label" :value="h.value" />
                </el-select>
                <el-select v-model="row.dj" class="yh-dj" placeholder="隐患等级">
                  <el-option v-for="l in LEVELS" :key="l.value" :label="l.label" :value="l.value" />
                </el-select>
                <el-date-picker v-model="row.zgqx" class="yh-zgqx" type="date" value-format="YYYY-MM-DD" placeholder="整改期限" />
                <el-button link type="danger" @click="removeHazard(i)">删除</el-button>
              </div>
              <el-button @click="addHazard">添加一项</el-button>
            </div>
          </el-form-item>
          <el-form-item label="法律文书">
            <el-input v-model="form.wsbh" disabled placeholder="点击“新增”添加" style="width: 360px; margin-right: 8px" />
            <el-button type="primary" plain @click="openDoc">新增</el-button>
          </el-form-item>
          <div style="padding-left: 140px; margin-bottom: 12px">
            <el-button link type="primary" @click="showMore = !showMore">{{ showMore ? '收起' : '展开更多' }}</el-button>
          </div>
          <el-form-item v-if="showMore" label="备注"><el-input v-model="form.bz" type="textarea" :rows="2" /></el-form-item>
        </template>
      </el-form>
      <div class="wizard-footer">
        <el-button v-if="step > 0" @click="prev">上一步</el-button>
        <el-button v-if="step < 2" type="primary" @click="next">下一步</el-button>
        <el-button v-if="step === 2" type="primary" @click="submit">提交</el-button>
      </div>
    </el-card>
    <el-dialog v-model="dialog" title="新增法律文书" width="480px">
      <el-form label-width="120px">
        <el-form-item label="文书名称及编号"><el-input v-model="draftDoc" placeholder="如：责令限期改正通知书 〔2026〕第0001号" /></el-form-item>
      </el-form>
      <template #footer>
        <el-button @click="dialog = false">取消</el-button>
        <el-button type="primary" @click="confirmDoc">确定</el-button>
      </template>
    </el-dialog>
  </div>
  </el-config-provider>`,
}).use(ElementPlus).mount('#app');
