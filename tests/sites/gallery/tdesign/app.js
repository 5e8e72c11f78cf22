/**
 * TDesign Vue Next (Vue 3) gallery: a TDesign Starter style 新增/修改 form, every form widget TDesign
 * offers bound to one model. 提交 POSTs the model (not the DOM) to /api/submit/tdesign. Popups are
 * teleported to <body> (TDesign's default). Dates are shown in one format and kept in another.
 */
(function () {
  const D = window.GALLERY_DICTS;
  const api = window.galleryApi;
  const { createApp, reactive, ref } = Vue;

  const emptyForm = () => ({
    unitName: '', remark: '', staffCount: undefined,
    checkMode: '', inspectors: [], checkItem: '', unitCode: '', zone: '',
    region: [], street: [], grid: '',
    checkDate: '', nextCheckTime: '', rectifyRange: [], arriveTime: '',
    unitType: '', hazardLevel: '', measures: [], needRecheck: 'N',
  });

  const TEMPLATE = `
  <div>
  <div class="header">消防监督管理平台<span class="user">管理员 · 西湖区消防救援大队</span></div>
  <div class="app-main">
    <t-card :bordered="false">
      <template #title><span class="card-header">新增检查登记</span></template>
      <t-form ref="formRef" :data="form" label-width="120px" label-align="right">
        <t-row :gutter="[24, 0]">
          <t-col :span="6"><t-form-item label="单位名称" name="unitName">
            <t-input v-model="form.unitName" placeholder="请输入单位名称" clearable />
          </t-form-item></t-col>
          <t-col :span="6"><t-form-item label="从业人数" name="staffCount">
            <t-input-number v-model="form.staffCount" :min="0" :max="9999" theme="normal" placeholder="请输入从业人数" />
          </t-form-item></t-col>
          <t-col :span="6"><t-form-item label="检查方式" name="checkMode">
            <t-select v-model="form.checkMode" :options="dicts.checkModes" placeholder="请选择检查方式" clearable />
          </t-form-item></t-col>
          <t-col :span="6"><t-form-item label="检查人员" name="inspectors">
            <t-select v-model="form.inspectors" :options="dicts.inspectors" multiple placeholder="请选择检查人员（至少两名）" />
          </t-form-item></t-col>
          <t-col :span="6"><t-form-item label="检查事项" name="checkItem">
            <t-select v-model="form.checkItem" :options="dicts.checkItems" filterable placeholder="请输入关键字搜索检查事项" />
          </t-form-item></t-col>
          <t-col :span="6"><t-form-item label="被检查单位" name="unitCode">
            <t-select v-model="form.unitCode" :options="unitOptions" :keys="{ label: 'name', value: 'creditCode' }" filterable
              :loading="unitLoading" @search="searchUnits" placeholder="请输入单位名称或统一社会信用代码" clearable />
          </t-form-item></t-col>
          <t-col :span="6"><t-form-item label="消防责任区" name="zone">
            <t-select v-model="form.zone" :options="dicts.zones" placeholder="请选择消防责任区" clearable />
          </t-form-item></t-col>
          <t-col :span="6"><t-form-item label="单位地址" name="region">
            <t-cascader v-model="form.region" :options="regionOptions" :load="loadRegion" value-type="full" placeholder="请选择省/市/区县/街道" clearable />
          </t-form-item></t-col>
          <t-col :span="6"><t-form-item label="所属街道" name="street">
            <t-cascader v-model="form.street" :options="dicts.streets" trigger="hover" value-type="full" placeholder="请选择所属街道" clearable />
          </t-form-item></t-col>
          <t-col :span="6"><t-form-item label="所属网格" name="grid">
            <t-tree-select v-model="form.grid" :data="grids" :keys="{ label: 'name', value: 'code' }" placeholder="请选择所属网格" clearable />
          </t-form-item></t-col>
          <t-col :span="6"><t-form-item label="检查日期" name="checkDate">
            <t-date-picker v-model="form.checkDate" format="YYYY年MM月DD日" value-type="YYYY-MM-DD" placeholder="请选择检查日期" clearable />
          </t-form-item></t-col>
          <t-col :span="6"><t-form-item label="下次检查时间" name="nextCheckTime">
            <t-date-picker v-model="form.nextCheckTime" enable-time-picker format="YYYY-MM-DD HH:mm" value-type="YYYY-MM-DD HH:mm:ss" placeholder="请选择下次检查时间" clearable />
          </t-form-item></t-col>
          <t-col :span="6"><t-form-item label="整改期间" name="rectifyRange">
            <t-date-range-picker v-model="form.rectifyRange" value-type="YYYY-MM-DD" :placeholder="['开始日期', '结束日期']" clearable />
          </t-form-item></t-col>
          <t-col :span="6"><t-form-item label="到场时间" name="arriveTime">
            <t-time-picker v-model="form.arriveTime" format="HH:mm:ss" placeholder="请选择到场时间" clearable />
          </t-form-item></t-col>
          <t-col :span="6"><t-form-item label="单位类别" name="unitType">
            <t-radio-group v-model="form.unitType" :options="dicts.unitTypes" />
          </t-form-item></t-col>
          <t-col :span="6"><t-form-item label="隐患等级" name="hazardLevel">
            <t-radio-group v-model="form.hazardLevel" variant="default-filled">
              <t-radio-button v-for="d in dicts.hazardLevels" :key="d.value" :value="d.value">{{ d.label }}</t-radio-button>
            </t-radio-group>
          </t-form-item></t-col>
          <t-col :span="6"><t-form-item label="处理措施" name="measures">
            <t-checkbox-group v-model="form.measures" :options="dicts.measures" />
          </t-form-item></t-col>
          <t-col :span="6"><t-form-item label="是否复查" name="needRecheck">
            <t-switch v-model="form.needRecheck" :custom-value="['Y', 'N']" />
          </t-form-item></t-col>
          <t-col :span="12"><t-form-item label="情况说明" name="remark">
            <t-textarea v-model="form.remark" :autosize="{ minRows: 3 }" :maxlength="500" placeholder="请输入情况说明" />
          </t-form-item></t-col>
          <t-col :span="12"><t-form-item label="现场照片" name="photos">
            <t-upload v-model="files" :request-method="uploadRequest" multiple :max="9" accept="image/*" theme="file-flow"
              tips="只能上传 jpg/png 文件，且不超过 2MB" />
          </t-form-item></t-col>
        </t-row>
        <div class="form-footer">
          <t-button theme="primary" :loading="submitting" @click="submit">提交</t-button>
          <t-button theme="default" variant="base" @click="reset">重置</t-button>
        </div>
      </t-form>
    </t-card>
  </div>
  </div>`;

  const toRegion = (r) => ({ value: r.code, label: r.name, children: r.leaf ? undefined : true });

  const app = createApp({
    template: TEMPLATE,
    setup() {
      const form = reactive(emptyForm());
      const unitOptions = ref([]);
      const unitLoading = ref(false);
      const regionOptions = ref([]);
      const grids = ref([]);
      const files = ref([]);
      const submitting = ref(false);
      api.get('/api/regions?parent=').then((list) => { regionOptions.value = list.map(toRegion); });
      api.get('/api/grids').then((list) => { grids.value = list; });
      let timer;
      return {
        dicts: D, form, unitOptions, unitLoading, regionOptions, grids, files, submitting,
        /** Remote search, debounced the way admin templates do it. */
        searchUnits(q) {
          clearTimeout(timer);
          if (!q) { unitOptions.value = []; return; }
          unitLoading.value = true;
          timer = setTimeout(async () => {
            try { unitOptions.value = await api.get(`/api/units?q=${encodeURIComponent(q)}`); } finally { unitLoading.value = false; }
          }, 300);
        },
        /** 单位地址: each level from /api/regions when a person opens its parent. */
        async loadRegion(node) {
          const list = await api.get(`/api/regions?parent=${node.value}`);
          return list.map(toRegion);
        },
        /** A local request: the page posts each photo itself and keeps the answered URL. */
        async uploadRequest(files) {
          const file = Array.isArray(files) ? files[0] : files;
          const body = new FormData();
          body.append('file', file.raw, file.name);
          const res = await fetch('/api/upload', { method: 'POST', body });
          const json = await res.json();
          if (json.code !== 0) return { status: 'fail', error: json.msg, response: {} };
          return { status: 'success', response: { url: json.data.url } };
        },
        async submit() {
          submitting.value = true;
          try {
            const model = JSON.parse(JSON.stringify(form));
            model.photos = files.value.filter((f) => f.status === 'success').map((f) => ({ name: f.name, url: f.url }));
            await api.post('/api/submit/tdesign', model);
            TDesign.MessagePlugin.success('提交成功');
          } catch (e) {
            TDesign.MessagePlugin.error(String(e.message || e));
          } finally { submitting.value = false; }
        },
        reset() { Object.assign(form, emptyForm()); files.value = []; },
      };
    },
  });
  app.use(TDesign.default);
  app.mount('#app');
})();
