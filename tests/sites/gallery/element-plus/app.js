/**
 * Element Plus gallery: one RuoYi-style 新增/修改 form holding every form widget Element Plus offers,
 * bound to one reactive model. 提交 POSTs the model (not the DOM) to /api/submit/element-plus.
 * Configured the way admin templates configure them: teleported dropdowns, remote search, lazy
 * cascader levels, a virtual select, date pickers whose display format differs from the value format.
 */
(function () {
  const { createApp, reactive, ref, toRaw } = Vue;
  const { ElMessage } = ElementPlus;
  const D = window.GALLERY_DICTS;
  const api = window.galleryApi;

  const emptyForm = () => ({
    unitName: '', remark: '', staffCount: undefined,
    checkMode: '', inspectors: [], checkItem: '', unitCode: '', zone: '',
    region: [], street: [], grid: '',
    checkDate: '', nextCheckTime: '', rectifyRange: [], checkPeriod: [], arriveTime: '', bookTime: '',
    unitType: '', hazardLevel: '', measures: [], needRecheck: 'N', satisfaction: 0, progress: 0, photos: [],
  });

  const TEMPLATE = `
  <div class="navbar">消防监督管理平台<span class="user">管理员 · 西湖区消防救援大队</span></div>
  <div class="app-main">
    <el-breadcrumb class="crumb" separator="/">
      <el-breadcrumb-item>监督检查</el-breadcrumb-item><el-breadcrumb-item>检查登记</el-breadcrumb-item>
    </el-breadcrumb>
    <el-card shadow="never">
      <template #header><span class="card-header">新增检查登记</span></template>
      <el-form ref="formRef" :model="form" label-width="120px">
        <el-row :gutter="20">
          <el-col :span="12"><el-form-item label="单位名称" prop="unitName">
            <el-input v-model="form.unitName" placeholder="请输入单位名称" clearable />
          </el-form-item></el-col>
          <el-col :span="12"><el-form-item label="从业人数" prop="staffCount">
            <el-input-number v-model="form.staffCount" :min="0" :max="9999" controls-position="right" placeholder="请输入从业人数" />
          </el-form-item></el-col>
          <el-col :span="12"><el-form-item label="检查方式" prop="checkMode">
            <el-select v-model="form.checkMode" placeholder="请选择检查方式" clearable>
              <el-option v-for="d in dicts.checkModes" :key="d.value" :label="d.label" :value="d.value" />
            </el-select>
          </el-form-item></el-col>
          <el-col :span="12"><el-form-item label="检查人员" prop="inspectors">
            <el-select v-model="form.inspectors" multiple placeholder="请选择检查人员（至少两名）">
              <el-option v-for="d in dicts.inspectors" :key="d.value" :label="d.label" :value="d.value" />
            </el-select>
          </el-form-item></el-col>
          <el-col :span="12"><el-form-item label="检查事项" prop="checkItem">
            <el-select v-model="form.checkItem" filterable placeholder="请输入关键字搜索检查事项">
              <el-option v-for="d in dicts.checkItems" :key="d.value" :label="d.label" :value="d.value" />
            </el-select>
          </el-form-item></el-col>
          <el-col :span="12"><el-form-item label="被检查单位" prop="unitCode">
            <el-select v-model="form.unitCode" filterable remote reserve-keyword :remote-method="searchUnits" :loading="unitLoading"
              placeholder="请输入单位名称或统一社会信用代码" clearable>
              <el-option v-for="u in unitOptions" :key="u.creditCode" :label="u.name" :value="u.creditCode" />
            </el-select>
          </el-form-item></el-col>
          <el-col :span="12"><el-form-item label="消防责任区" prop="zone">
            <el-select-v2 v-model="form.zone" :options="dicts.zones" placeholder="请选择消防责任区" clearable />
          </el-form-item></el-col>
          <el-col :span="12"><el-form-item label="单位地址" prop="region">
            <el-cascader v-model="form.region" :props="regionProps" placeholder="请选择省/市/区县/街道" clearable />
          </el-form-item></el-col>
          <el-col :span="12"><el-form-item label="所属街道" prop="street">
            <el-cascader v-model="form.street" :options="dicts.streets" :props="{ expandTrigger: 'hover' }" placeholder="请选择所属街道" clearable />
          </el-form-item></el-col>
          <el-col :span="12"><el-form-item label="所属网格" prop="grid">
            <el-tree-select v-model="form.grid" :data="grids" :props="{ label: 'name', value: 'code', children: 'children' }"
              node-key="code" placeholder="请选择所属网格" clearable />
          </el-form-item></el-col>
          <el-col :span="12"><el-form-item label="检查日期" prop="checkDate">
            <el-date-picker v-model="form.checkDate" type="date" format="YYYY年MM月DD日" value-format="YYYY-MM-DD" placeholder="请选择检查日期" />
          </el-form-item></el-col>
          <el-col :span="12"><el-form-item label="下次检查时间" prop="nextCheckTime">
            <el-date-picker v-model="form.nextCheckTime" type="datetime" value-format="YYYY-MM-DD HH:mm:ss" placeholder="请选择下次检查时间" />
          </el-form-item></el-col>
          <el-col :span="12"><el-form-item label="整改期间" prop="rectifyRange">
            <el-date-picker v-model="form.rectifyRange" type="daterange" value-format="YYYY-MM-DD" range-separator="至" start-placeholder="开始日期" end-placeholder="结束日期" />
          </el-form-item></el-col>
          <el-col :span="12"><el-form-item label="检查时段" prop="checkPeriod">
            <el-date-picker v-model="form.checkPeriod" type="datetimerange" value-format="YYYY-MM-DD HH:mm:ss" range-separator="至" start-placeholder="开始时间" end-placeholder="结束时间" />
          </el-form-item></el-col>
          <el-col :span="12"><el-form-item label="到场时间" prop="arriveTime">
            <el-time-picker v-model="form.arriveTime" value-format="HH:mm:ss" placeholder="请选择到场时间" />
          </el-form-item></el-col>
          <el-col :span="12"><el-form-item label="预约时段" prop="bookTime">
            <el-time-select v-model="form.bookTime" start="08:30" step="00:30" end="18:00" placeholder="请选择预约时段" />
          </el-form-item></el-col>
          <el-col :span="12"><el-form-item label="单位类别" prop="unitType">
            <el-radio-group v-model="form.unitType">
              <el-radio v-for="d in dicts.unitTypes" :key="d.value" :value="d.value">{{ d.label }}</el-radio>
            </el-radio-group>
          </el-form-item></el-col>
          <el-col :span="12"><el-form-item label="隐患等级" prop="hazardLevel">
            <el-radio-group v-model="form.hazardLevel">
              <el-radio-button v-for="d in dicts.hazardLevels" :key="d.value" :value="d.value">{{ d.label }}</el-radio-button>
            </el-radio-group>
          </el-form-item></el-col>
          <el-col :span="12"><el-form-item label="处理措施" prop="measures">
            <el-checkbox-group v-model="form.measures">
              <el-checkbox v-for="d in dicts.measures" :key="d.value" :value="d.value">{{ d.label }}</el-checkbox>
            </el-checkbox-group>
          </el-form-item></el-col>
          <el-col :span="12"><el-form-item label="是否复查" prop="needRecheck">
            <el-switch v-model="form.needRecheck" active-value="Y" inactive-value="N" />
          </el-form-item></el-col>
          <el-col :span="12"><el-form-item label="满意度" prop="satisfaction">
            <el-rate v-model="form.satisfaction" />
          </el-form-item></el-col>
          <el-col :span="12"><el-form-item label="整改完成率" prop="progress">
            <el-slider v-model="form.progress" :step="5" />
          </el-form-item></el-col>
          <el-col :span="24"><el-form-item label="情况说明" prop="remark">
            <el-input v-model="form.remark" type="textarea" :rows="3" maxlength="500" show-word-limit placeholder="请输入情况说明" />
          </el-form-item></el-col>
          <el-col :span="24"><el-form-item label="现场照片" prop="photos">
            <el-upload action="/api/upload" multiple :limit="9" accept="image/*" :file-list="fileList"
              :on-success="onUploaded" :on-remove="onRemoved">
              <el-button type="primary" plain>选取文件</el-button>
              <template #tip><div class="el-upload__tip">只能上传 jpg/png 文件，且不超过 2MB</div></template>
            </el-upload>
          </el-form-item></el-col>
        </el-row>
        <div class="form-footer">
          <el-button type="primary" :loading="submitting" @click="submit">提 交</el-button>
          <el-button @click="reset">重 置</el-button>
        </div>
      </el-form>
    </el-card>
  </div>`;

  const App = {
    template: TEMPLATE,
    setup() {
      const formRef = ref();
      const form = reactive(emptyForm());
      const unitOptions = ref([]);
      const unitLoading = ref(false);
      const grids = ref([]);
      const fileList = ref([]);
      const submitting = ref(false);
      api.get('/api/grids').then((g) => { grids.value = g; });

      const searchUnits = async (q) => {
        if (!q) { unitOptions.value = []; return; }
        unitLoading.value = true;
        try { unitOptions.value = await api.get(`/api/units?q=${encodeURIComponent(q)}`); } finally { unitLoading.value = false; }
      };
      const regionProps = {
        lazy: true,
        async lazyLoad(node, resolve) {
          const list = await api.get(`/api/regions?parent=${node.level ? node.value : ''}`);
          resolve(list.map((r) => ({ value: r.code, label: r.name, leaf: r.leaf || node.level >= 3 })));
        },
      };
      const onUploaded = (res, file) => { form.photos.push({ name: file.name, url: res.data.url }); };
      const onRemoved = (file) => { form.photos = form.photos.filter((p) => p.name !== file.name); };
      const submit = async () => {
        submitting.value = true;
        try {
          await api.post('/api/submit/element-plus', JSON.parse(JSON.stringify(toRaw(form))));
          ElMessage.success('提交成功');
        } catch (e) {
          ElMessage.error(String(e.message || e));
        } finally { submitting.value = false; }
      };
      const reset = () => { formRef.value?.resetFields(); fileList.value = []; Object.assign(form, emptyForm()); };
      return { dicts: D, form, formRef, unitOptions, unitLoading, searchUnits, regionProps, grids, fileList, onUploaded, onRemoved, submitting, submit, reset };
    },
  };

  const app = createApp(App);
  app.use(ElementPlus, { locale: ElementPlusLocaleZhCn });
  app.mount('#app');
})();
