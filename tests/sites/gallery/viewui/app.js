/**
 * View UI (iView 4, Vue 2.7) gallery: an iView Admin style 新增 form, every form widget View UI offers
 * bound to one model. 提交 POSTs the model (not the DOM) to /api/submit/viewui. Dropdowns are
 * transferred to <body> (transfer), as admin pages set them inside cards and tables. Date pickers hold
 * Date objects; the page formats them on submit, so what the model sends differs from what shows.
 */
(function () {
  const D = window.GALLERY_DICTS;
  const api = window.galleryApi;
  Vue.use(iview);

  const pad = (n) => String(n).padStart(2, '0');
  const ymd = (d) => (d instanceof Date && !isNaN(d) ? `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}` : '');
  const ymdhms = (d) => (ymd(d) ? `${ymd(d)} ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}` : '');

  const emptyForm = () => ({
    unitName: '', remark: '', staffCount: null,
    checkMode: '', inspectors: [], checkItem: '', unitCode: '', zone: '',
    region: [], checkDate: '', nextCheckTime: '', rectifyRange: [], arriveTime: '',
    unitType: '', hazardLevel: '', measures: [], needRecheck: 'N',
  });

  const TEMPLATE = `
  <div>
  <div class="header">消防监督管理平台<span class="user">管理员 · 西湖区消防救援大队</span></div>
  <div class="app-main">
    <card :bordered="false" dis-hover>
      <p slot="title"><span class="card-header">新增检查登记</span></p>
      <i-form ref="form" :model="form" :label-width="120">
        <row :gutter="24">
          <i-col span="12"><form-item label="单位名称" prop="unitName">
            <i-input v-model="form.unitName" placeholder="请输入单位名称" clearable />
          </form-item></i-col>
          <i-col span="12"><form-item label="从业人数" prop="staffCount">
            <input-number v-model="form.staffCount" :min="0" :max="9999" placeholder="请输入从业人数" />
          </form-item></i-col>
          <i-col span="12"><form-item label="检查方式" prop="checkMode">
            <i-select v-model="form.checkMode" placeholder="请选择检查方式" clearable transfer>
              <i-option v-for="d in dicts.checkModes" :key="d.value" :value="d.value">{{ d.label }}</i-option>
            </i-select>
          </form-item></i-col>
          <i-col span="12"><form-item label="检查人员" prop="inspectors">
            <i-select v-model="form.inspectors" multiple placeholder="请选择检查人员（至少两名）" transfer>
              <i-option v-for="d in dicts.inspectors" :key="d.value" :value="d.value">{{ d.label }}</i-option>
            </i-select>
          </form-item></i-col>
          <i-col span="12"><form-item label="检查事项" prop="checkItem">
            <i-select v-model="form.checkItem" filterable placeholder="请输入关键字搜索检查事项" transfer>
              <i-option v-for="d in dicts.checkItems" :key="d.value" :value="d.value">{{ d.label }}</i-option>
            </i-select>
          </form-item></i-col>
          <i-col span="12"><form-item label="被检查单位" prop="unitCode">
            <i-select v-model="form.unitCode" filterable :remote-method="searchUnits" :loading="unitLoading"
              placeholder="请输入单位名称或统一社会信用代码" clearable transfer>
              <i-option v-for="u in unitOptions" :key="u.creditCode" :value="u.creditCode">{{ u.name }}</i-option>
            </i-select>
          </form-item></i-col>
          <i-col span="12"><form-item label="消防责任区" prop="zone">
            <i-select v-model="form.zone" placeholder="请选择消防责任区" clearable transfer>
              <i-option v-for="d in dicts.zones" :key="d.value" :value="d.value">{{ d.label }}</i-option>
            </i-select>
          </form-item></i-col>
          <i-col span="12"><form-item label="单位地址" prop="region">
            <cascader v-model="form.region" :data="regions" :load-data="loadRegion" placeholder="请选择省/市/区县/街道" transfer />
          </form-item></i-col>
          <i-col span="12"><form-item label="检查日期" prop="checkDate">
            <date-picker v-model="form.checkDate" type="date" format="yyyy年MM月dd日" placeholder="请选择检查日期" transfer />
          </form-item></i-col>
          <i-col span="12"><form-item label="下次检查时间" prop="nextCheckTime">
            <date-picker v-model="form.nextCheckTime" type="datetime" format="yyyy-MM-dd HH:mm" placeholder="请选择下次检查时间" transfer />
          </form-item></i-col>
          <i-col span="12"><form-item label="整改期间" prop="rectifyRange">
            <date-picker v-model="form.rectifyRange" type="daterange" format="yyyy-MM-dd" placeholder="请选择整改期间" transfer />
          </form-item></i-col>
          <i-col span="12"><form-item label="到场时间" prop="arriveTime">
            <time-picker v-model="form.arriveTime" format="HH:mm:ss" placeholder="请选择到场时间" transfer />
          </form-item></i-col>
          <i-col span="12"><form-item label="单位类别" prop="unitType">
            <radio-group v-model="form.unitType">
              <radio v-for="d in dicts.unitTypes" :key="d.value" :label="d.value">{{ d.label }}</radio>
            </radio-group>
          </form-item></i-col>
          <i-col span="12"><form-item label="隐患等级" prop="hazardLevel">
            <radio-group v-model="form.hazardLevel" type="button">
              <radio v-for="d in dicts.hazardLevels" :key="d.value" :label="d.value">{{ d.label }}</radio>
            </radio-group>
          </form-item></i-col>
          <i-col span="12"><form-item label="处理措施" prop="measures">
            <checkbox-group v-model="form.measures">
              <checkbox v-for="d in dicts.measures" :key="d.value" :label="d.value">{{ d.label }}</checkbox>
            </checkbox-group>
          </form-item></i-col>
          <i-col span="12"><form-item label="是否复查" prop="needRecheck">
            <i-switch v-model="form.needRecheck" true-value="Y" false-value="N" />
          </form-item></i-col>
          <i-col span="24"><form-item label="情况说明" prop="remark">
            <i-input v-model="form.remark" type="textarea" :rows="3" :maxlength="500" show-word-limit placeholder="请输入情况说明" />
          </form-item></i-col>
          <i-col span="24"><form-item label="现场照片" prop="photos">
            <upload action="/api/upload" multiple accept="image/*" :on-success="onUploaded" :on-remove="onRemoved" :default-file-list="[]">
              <i-button icon="ios-cloud-upload-outline">选取文件</i-button>
            </upload>
          </form-item></i-col>
        </row>
        <div class="form-footer">
          <i-button type="primary" :loading="submitting" @click="submit">提 交</i-button>
          <i-button @click="reset">重 置</i-button>
        </div>
      </i-form>
    </card>
  </div>
  </div>`;

  const toRegion = (r) => (r.leaf ? { value: r.code, label: r.name } : { value: r.code, label: r.name, children: [], loading: false });

  new Vue({
    el: '#app',
    template: TEMPLATE,
    data() {
      return { dicts: D, form: emptyForm(), unitOptions: [], unitLoading: false, regions: [], photos: [], submitting: false };
    },
    created() {
      api.get('/api/regions?parent=').then((list) => { this.regions = list.map(toRegion); });
    },
    methods: {
      async searchUnits(q) {
        if (!q) { this.unitOptions = []; return; }
        this.unitLoading = true;
        try { this.unitOptions = await api.get(`/api/units?q=${encodeURIComponent(q)}`); } finally { this.unitLoading = false; }
      },
      /** 单位地址: each level from /api/regions when a person opens its parent. */
      loadRegion(item, callback) {
        item.loading = true;
        api.get(`/api/regions?parent=${item.value}`).then((list) => {
          item.children = list.map(toRegion);
          item.loading = false;
          callback();
        });
      },
      onUploaded(res, file) { this.photos.push({ name: file.name, url: res.data.url }); },
      onRemoved(file) { this.photos = this.photos.filter((p) => p.name !== file.name); },
      async submit() {
        this.submitting = true;
        const f = this.form;
        const model = {
          ...JSON.parse(JSON.stringify(f)),
          checkDate: ymd(f.checkDate), nextCheckTime: ymdhms(f.nextCheckTime),
          rectifyRange: (f.rectifyRange || []).map(ymd).filter(Boolean), photos: this.photos,
        };
        try {
          await api.post('/api/submit/viewui', model);
          this.$Message.success('提交成功');
        } catch (e) {
          this.$Message.error(String(e.message || e));
        } finally { this.submitting = false; }
      },
      reset() { this.form = emptyForm(); this.photos = []; },
    },
  });
})();
