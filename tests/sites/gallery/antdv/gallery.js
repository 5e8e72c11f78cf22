// Ant Design Vue 4 (Vue 3, dayjs) gallery: the same form as the antd galleries, the JeecgBoot way:
// a reactive model bound with v-model, date pickers with value-format strings, label-col 6 /
// wrapper-col 18 in two columns. 提交 validates and posts the reactive model as JSON.
import {
  CHECK_ITEMS, CHECK_MODES, HAZARD_LEVELS, INSPECTORS, MEASURES, PLACE_TYPES, UNIT_CATEGORIES, ZONES,
  gridTree, regionChildren, searchUnits, submitModel, uploadedFiles,
} from '../antd5/options.js';

const { createApp, reactive, ref, toRaw, onMounted } = Vue;
dayjs.locale('zh-cn');

const model = () => ({
  unitName: '', area: undefined, checkMode: undefined, inspectors: [], placeType: undefined, unit: undefined,
  checkItem: undefined, address: [], zone: [], grid: undefined, checkDate: undefined, foundAt: undefined,
  fixPeriod: [], arriveTime: undefined, remark: '', unitCategory: undefined, hazardLevel: undefined, measures: [],
  recheck: false, score: 0, progress: 0, photos: [],
});

const Gallery = {
  setup() {
    const formRef = ref();
    const form = reactive(model());
    const rules = { unitName: [{ required: true, message: '请输入单位名称', trigger: 'blur' }] };

    // 被检查单位: remote search as you type (debounced).
    const units = ref([]);
    const fetching = ref(false);
    let timer;
    const onUnitSearch = (q) => {
      clearTimeout(timer);
      units.value = [];
      fetching.value = true;
      timer = setTimeout(async () => {
        try { units.value = await searchUnits(q); } finally { fetching.value = false; }
      }, 300);
    };

    // 单位地址: 省 on mount, each further level from /api/regions when a person opens it.
    const regions = ref([]);
    const loadRegions = async (selected) => {
      const target = selected[selected.length - 1];
      target.loading = true;
      target.children = await regionChildren(target.value);
      target.loading = false;
      regions.value = [...regions.value];
    };
    const grids = ref([]);
    onMounted(async () => {
      regions.value = await regionChildren('');
      grids.value = await gridTree();
    });

    const onFinish = async () => {
      const raw = JSON.parse(JSON.stringify(toRaw(form)));
      try {
        await submitModel('antdv', { ...raw, photos: uploadedFiles(toRaw(form).photos) });
        antd.message.success('提交成功');
      } catch (e) {
        antd.message.error(e.message);
      }
    };
    const onFinishFailed = ({ errorFields }) => antd.message.error(`还有 ${errorFields.length} 项未填写`);
    const reset = () => formRef.value.resetFields();

    return {
      formRef, form, rules, units, fetching, onUnitSearch, regions, loadRegions, grids, onFinish, onFinishFailed, reset,
      CHECK_ITEMS, CHECK_MODES, HAZARD_LEVELS, INSPECTORS, MEASURES, PLACE_TYPES, UNIT_CATEGORIES, ZONES,
      marks: { 0: '0%', 50: '50%', 100: '100%' },
      zh: antd.locales.zh_CN,
    };
  },
  template: `
  <a-config-provider :locale="zh">
  <div class="page">
    <h1 class="page-title">控件样例 · Ant Design Vue 4</h1>
    <a-form ref="formRef" :model="form" :rules="rules" :label-col="{ span: 6 }" :wrapper-col="{ span: 18 }"
      @finish="onFinish" @finishFailed="onFinishFailed">
      <a-card title="基本信息" :bordered="false">
        <a-row :gutter="24">
          <a-col :span="12"><a-form-item label="单位名称" name="unitName">
            <a-input v-model:value="form.unitName" placeholder="请输入单位名称" allow-clear :maxlength="50" />
          </a-form-item></a-col>
          <a-col :span="12"><a-form-item label="建筑面积（㎡）" name="area">
            <a-input-number v-model:value="form.area" :min="0" :max="100000" placeholder="请输入" style="width: 100%" />
          </a-form-item></a-col>
          <a-col :span="12"><a-form-item label="检查方式" name="checkMode">
            <a-select v-model:value="form.checkMode" placeholder="请选择" allow-clear :options="CHECK_MODES" />
          </a-form-item></a-col>
          <a-col :span="12"><a-form-item label="检查人员" name="inspectors">
            <a-select v-model:value="form.inspectors" mode="multiple" placeholder="请选择（可多选）" allow-clear :options="INSPECTORS" />
          </a-form-item></a-col>
          <a-col :span="12"><a-form-item label="场所类型" name="placeType">
            <a-select v-model:value="form.placeType" show-search option-filter-prop="label" placeholder="请选择或输入搜索" allow-clear :options="PLACE_TYPES" />
          </a-form-item></a-col>
          <a-col :span="12"><a-form-item label="被检查单位" name="unit">
            <a-select v-model:value="form.unit" show-search allow-clear :filter-option="false" :options="units"
              placeholder="输入单位名称搜索" @search="onUnitSearch">
              <template #notFoundContent><a-spin v-if="fetching" size="small" /><span v-else>无匹配单位</span></template>
            </a-select>
          </a-form-item></a-col>
          <a-col :span="24"><a-form-item label="检查内容" name="checkItem" :label-col="{ span: 3 }" :wrapper-col="{ span: 21 }">
            <a-select v-model:value="form.checkItem" show-search option-filter-prop="label" placeholder="请选择检查内容" allow-clear :options="CHECK_ITEMS" />
          </a-form-item></a-col>
          <a-col :span="12"><a-form-item label="单位地址" name="address">
            <a-cascader v-model:value="form.address" :options="regions" :load-data="loadRegions" placeholder="请选择省/市/区县/街道" allow-clear />
          </a-form-item></a-col>
          <a-col :span="12"><a-form-item label="管辖区域" name="zone">
            <a-cascader v-model:value="form.zone" :options="ZONES" expand-trigger="hover" placeholder="请选择区/街道/社区" allow-clear />
          </a-form-item></a-col>
          <a-col :span="12"><a-form-item label="所属网格" name="grid">
            <a-tree-select v-model:value="form.grid" :tree-data="grids" placeholder="请选择网格" allow-clear style="width: 100%" />
          </a-form-item></a-col>
          <a-col :span="12"><a-form-item label="检查日期" name="checkDate">
            <a-date-picker v-model:value="form.checkDate" format="YYYY年MM月DD日" value-format="YYYY-MM-DD" placeholder="请选择日期" style="width: 100%" />
          </a-form-item></a-col>
          <a-col :span="12"><a-form-item label="发现时间" name="foundAt">
            <a-date-picker v-model:value="form.foundAt" :show-time="{ format: 'HH:mm' }" format="YYYY-MM-DD HH:mm"
              value-format="YYYY-MM-DD HH:mm:ss" placeholder="请选择时间" style="width: 100%" />
          </a-form-item></a-col>
          <a-col :span="12"><a-form-item label="整改期限" name="fixPeriod">
            <a-range-picker v-model:value="form.fixPeriod" format="YYYY-MM-DD" value-format="YYYY-MM-DD" style="width: 100%" />
          </a-form-item></a-col>
          <a-col :span="12"><a-form-item label="到场时间" name="arriveTime">
            <a-time-picker v-model:value="form.arriveTime" format="HH:mm" value-format="HH:mm" placeholder="请选择时间" style="width: 100%" />
          </a-form-item></a-col>
          <a-col :span="24"><a-form-item label="检查情况" name="remark" :label-col="{ span: 3 }" :wrapper-col="{ span: 21 }">
            <a-textarea v-model:value="form.remark" :rows="3" :maxlength="500" show-count placeholder="请输入检查情况" />
          </a-form-item></a-col>
        </a-row>
      </a-card>
      <a-card title="检查结论" :bordered="false">
        <a-row :gutter="24">
          <a-col :span="12"><a-form-item label="单位类别" name="unitCategory">
            <a-radio-group v-model:value="form.unitCategory" :options="UNIT_CATEGORIES" />
          </a-form-item></a-col>
          <a-col :span="12"><a-form-item label="隐患等级" name="hazardLevel">
            <a-radio-group v-model:value="form.hazardLevel" option-type="button" button-style="solid" :options="HAZARD_LEVELS" />
          </a-form-item></a-col>
          <a-col :span="12"><a-form-item label="处理措施" name="measures">
            <a-checkbox-group v-model:value="form.measures" :options="MEASURES" />
          </a-form-item></a-col>
          <a-col :span="12"><a-form-item label="是否复查" name="recheck">
            <a-switch v-model:checked="form.recheck" checked-children="是" un-checked-children="否" />
          </a-form-item></a-col>
          <a-col :span="12"><a-form-item label="安全评分" name="score">
            <a-rate v-model:value="form.score" />
          </a-form-item></a-col>
          <a-col :span="12"><a-form-item label="整改进度" name="progress">
            <a-slider v-model:value="form.progress" style="margin-right: 20px" :min="0" :max="100" :marks="marks" />
          </a-form-item></a-col>
          <a-col :span="24"><a-form-item label="现场照片" name="photos" :label-col="{ span: 3 }" :wrapper-col="{ span: 21 }" extra="支持 jpg、png，最多 9 张">
            <a-upload v-model:file-list="form.photos" action="/api/upload" name="file" list-type="picture-card" accept="image/*" multiple :max-count="9">
              <div>＋<div style="margin-top: 8px">上传照片</div></div>
            </a-upload>
          </a-form-item></a-col>
        </a-row>
        <div class="form-actions">
          <a-button type="primary" html-type="submit">提交</a-button>
          <a-button @click="reset">重置</a-button>
        </div>
      </a-card>
    </a-form>
  </div>
  </a-config-provider>`,
};

createApp(Gallery).use(antd).mount('#app');
