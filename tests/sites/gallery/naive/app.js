/* A Naive UI 2 (Vue 3) inspection form: every widget bound to one reactive model, labels on the
 * left (n-form label-placement="left"). 提交 POSTs the model (not the DOM) to /api/submit/naive.
 * Options come from the same synthetic data as the other galleries; the cascader loads each level
 * from /api/regions on demand. No adapter in the engine knows Naive UI: the generic layer fills it. */
const { createApp, reactive, ref, toRaw } = Vue;
const { NConfigProvider, NForm, NFormItem, NInput, NInputNumber, NSelect, NCascader, NTreeSelect, NDatePicker,
  NRadioGroup, NRadio, NCheckboxGroup, NCheckbox, NSwitch, NUpload, NDynamicTags, NButton, NSpace, zhCN, dateZhCN } = naive;

const opt = (pairs) => pairs.map(([value, label]) => ({ value, label }));
const METHODS = opt([['01', '双随机抽查'], ['02', '专项检查'], ['03', '举报投诉核查'], ['04', '营业前检查'], ['05', '复查']]);
const INSPECTORS = opt([['P001', '李某'], ['P002', '王某'], ['P003', '赵某'], ['P004', '陈某'], ['P005', '刘某']]);
const HAZARDS = opt([['H01', '疏散通道堵塞'], ['H02', '安全出口锁闭'], ['H03', '灭火器失效'], ['H04', '消防设施损坏'], ['H05', '电气线路私拉乱接']]);
const CATEGORIES = opt([['1', '重点单位'], ['2', '一般单位'], ['3', '九小场所']]);
const MEASURES = opt([['M1', '责令立即改正'], ['M2', '责令限期改正'], ['M3', '临时查封']]);
const grid = (code, name, children) => ({ key: code, label: name, children });
const cell = (prefix, n) => Array.from({ length: n }, (_, i) => grid(`${prefix}${String(i + 1).padStart(2, '0')}`, `第${i + 1}网格`));
const GRIDS = [
  grid('WG3301060120', '文新街道', [grid('WG330106012001', '文苑社区', cell('WG33010601200100', 3)), grid('WG330106012002', '文鼎苑社区', cell('WG33010601200200', 2))]),
  grid('WG3301060090', '翠苑街道', [grid('WG330106009001', '翠苑一区社区', cell('WG33010600900100', 3))]),
];

const blank = () => ({
  unitName: '', phone: '', area: null, method: null, inspectors: [], hazards: [], region: null, grid: null,
  inspectDate: null, category: null, measures: [], needReview: false, photos: [], tags: [], description: '',
});

const App = {
  template: `
  <n-config-provider :locale="zhCN" :date-locale="dateZhCN">
    <n-form :model="form" label-placement="left" label-width="120" require-mark-placement="left">
      <n-form-item label="单位名称" path="unitName"><n-input v-model:value="form.unitName" placeholder="请输入单位名称" /></n-form-item>
      <n-form-item label="联系电话" path="phone"><n-input v-model:value="form.phone" placeholder="请输入手机号" /></n-form-item>
      <n-form-item label="建筑面积（㎡）" path="area"><n-input-number v-model:value="form.area" :min="0" placeholder="0" /></n-form-item>
      <n-form-item label="检查方式" path="method"><n-select v-model:value="form.method" :options="methods" placeholder="请选择" /></n-form-item>
      <n-form-item label="检查人员" path="inspectors"><n-select v-model:value="form.inspectors" :options="inspectors" multiple placeholder="请选择检查人员" /></n-form-item>
      <n-form-item label="隐患类型" path="hazards"><n-select v-model:value="form.hazards" :options="hazards" multiple filterable placeholder="输入关键字筛选" /></n-form-item>
      <n-form-item label="所在地区" path="region">
        <n-cascader v-model:value="form.region" :options="regions" remote :on-load="loadRegion" check-strategy="child" placeholder="请选择省/市/区" />
      </n-form-item>
      <n-form-item label="所属网格" path="grid"><n-tree-select v-model:value="form.grid" :options="grids" placeholder="请选择网格" /></n-form-item>
      <n-form-item label="检查日期" path="inspectDate"><n-date-picker v-model:formatted-value="form.inspectDate" value-format="yyyy-MM-dd" type="date" placeholder="选择日期" /></n-form-item>
      <n-form-item label="单位类别" path="category">
        <n-radio-group v-model:value="form.category"><n-space><n-radio v-for="c in categories" :key="c.value" :value="c.value">{{ c.label }}</n-radio></n-space></n-radio-group>
      </n-form-item>
      <n-form-item label="处理措施" path="measures">
        <n-checkbox-group v-model:value="form.measures"><n-space><n-checkbox v-for="m in measures" :key="m.value" :value="m.value" :label="m.label" /></n-space></n-checkbox-group>
      </n-form-item>
      <n-form-item label="需要复查" path="needReview"><n-switch v-model:value="form.needReview" /></n-form-item>
      <n-form-item label="现场照片" path="photos">
        <n-upload action="/api/upload" name="file" list-type="text" @finish="onUploaded" @remove="onRemoved"><n-button>上传照片</n-button></n-upload>
      </n-form-item>
      <n-form-item label="标签" path="tags"><n-dynamic-tags v-model:value="form.tags" /></n-form-item>
      <n-form-item label="隐患描述" path="description"><n-input v-model:value="form.description" type="textarea" placeholder="请描述发现的隐患" /></n-form-item>
      <n-form-item label=" ">
        <n-space><n-button type="primary" id="submit" @click="submit">提 交</n-button><n-button @click="reset">重 置</n-button></n-space>
      </n-form-item>
    </n-form>
    <div id="result">{{ result }}</div>
  </n-config-provider>`,
  setup() {
    const form = reactive(blank());
    const result = ref('');
    const regions = ref([]);
    const toOption = (r) => ({ value: r.code, label: r.name, isLeaf: r.leaf || r.code.length >= 6 && !r.code.endsWith('00') });
    const fetchRegions = async (parent) => (await (await fetch(`/api/regions?parent=${parent}`)).json()).data.map(toOption);
    fetchRegions('').then((list) => { regions.value = list; });
    const loadRegion = async (option) => { option.children = await fetchRegions(option.value); };
    const onUploaded = ({ file, event }) => {
      const res = JSON.parse(event.target.response);
      form.photos.push({ id: res.data.id, name: file.name });
      return file;
    };
    const onRemoved = ({ file }) => { form.photos = form.photos.filter((p) => p.name !== file.name); };
    const submit = async () => {
      const res = await fetch('/api/submit/naive', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(toRaw(form)) });
      result.value = (await res.json()).msg;
    };
    const reset = () => Object.assign(form, blank());
    return {
      form, result, zhCN, dateZhCN, methods: METHODS, inspectors: INSPECTORS, hazards: HAZARDS, categories: CATEGORIES, measures: MEASURES,
      grids: GRIDS, regions, loadRegion, onUploaded, onRemoved, submit, reset,
    };
  },
};

const app = createApp(App);
app.use(naive);
app.mount('#app');
window.__naiveReady = true;
