/**
 * Element UI 2 (Vue 2.7) page of traps for the fill engine's safety guarantees (tests/widgets/traps.spec.ts):
 * - the same label 联系电话 on two visible form items (检查人 and 陪同人 cards): ambiguous unless `within`;
 * - fields a person cannot see: v-show false, a collapsed el-collapse item, visibility hidden, a 0-height
 *   clipped wrapper — each with a model value that must stay as it is;
 * - plain layouts (no form-item classes) where a label has no control of its own and the NEXT row or the
 *   next item has one: the label must not borrow it;
 * - el-upload with auto-upload=false (files listed as ready, never sent), el-autocomplete with free text,
 *   an el-input-number, and a 检查说明 limited to 20 characters (for truncate);
 * - an in-house drop-down (no library class, no ARIA role) whose search box opens a list: 不认识的控件.
 * 提交 POSTs the model to /api/submit/element-ui-traps.
 */
(function () {
  const api = window.galleryApi;
  ELEMENT.locale(ELEMENT.lang.zhCN);
  const emptyForm = () => ({
    inspectorPhone: '', companionPhone: '', internalNote: '', auditOpinion: '', sparePhone: '', squeezedCode: '',
    measure: '', rectifier: '', kind: '', reviewOpinion: '', reviewer: '', unitName: '', staffCount: undefined, summary: '', source: '',
  });
  const TEMPLATE = `
  <div class="app-main">
    <div class="card-header">填写陷阱</div>
    <el-form ref="form" :model="form" label-width="120px" size="small">
      <el-card shadow="never" class="inspector"><div slot="header">检查人信息</div>
        <el-form-item label="联系电话"><el-input v-model="form.inspectorPhone" name="inspectorPhone" /></el-form-item>
      </el-card>
      <el-card shadow="never" class="companion"><div slot="header">陪同人信息</div>
        <el-form-item label="联系电话"><el-input v-model="form.companionPhone" name="companionPhone" /></el-form-item>
      </el-card>
      <el-form-item label="内部备注" v-show="false"><el-input v-model="form.internalNote" name="internalNote" /></el-form-item>
      <el-collapse v-model="openPanels">
        <el-collapse-item title="审核信息（展开填写）" name="audit">
          <el-form-item label="审核意见"><el-input v-model="form.auditOpinion" name="auditOpinion" /></el-form-item>
        </el-collapse-item>
      </el-collapse>
      <el-form-item label="备用电话" style="visibility: hidden"><el-input v-model="form.sparePhone" name="sparePhone" /></el-form-item>
      <div class="squeezed"><el-form-item label="归档编号"><el-input v-model="form.squeezedCode" name="squeezedCode" /></el-form-item></div>
      <el-form-item label="单位名称">
        <el-autocomplete v-model="form.unitName" :fetch-suggestions="suggest" placeholder="请输入单位名称（可自由填写）" name="unitName" />
      </el-form-item>
      <el-form-item label="从业人数"><el-input-number v-model="form.staffCount" :min="0" name="staffCount" /></el-form-item>
      <el-form-item label="检查说明"><el-input v-model="form.summary" maxlength="20" name="summary" /></el-form-item>
      <el-form-item label="信息来源"><el-input v-model="form.source" name="source" /></el-form-item>
      <el-form-item label="现场照片">
        <el-upload action="/api/upload" :auto-upload="false" multiple :on-change="onPicked" :on-remove="onPicked">
          <el-button size="small" type="primary" plain>选取文件</el-button>
        </el-upload>
      </el-form-item>
    </el-form>
    <div class="plain">
      <div class="plain-row"><span class="field-label">整改措施</span></div>
      <div class="plain-row"><span class="field-label">整改人</span><input name="rectifier" v-model="form.rectifier"></div>
    </div>
    <div class="plain-row"><span class="field-label">检查类别</span>
      <div class="kx-picker"><input name="kind" aria-haspopup="listbox" placeholder="搜索检查类别" @focus="kindOpen = true"><ul v-show="kindOpen" role="listbox"><li @click="form.kind = '日常检查'; kindOpen = false">日常检查</li></ul></div>
    </div>
    <table class="plain-table">
      <tr><td class="label">复查意见</td><td></td></tr>
      <tr><td class="label">复查人</td><td><input name="reviewer" v-model="form.reviewer"></td></tr>
    </table>
    <div class="form-footer"><el-button type="primary" size="small" @click="submit">提 交</el-button></div>
  </div>`;

  new Vue({
    el: '#app',
    template: TEMPLATE,
    data() { return { form: emptyForm(), openPanels: [], picked: [], kindOpen: false }; },
    methods: {
      suggest(q, cb) {
        api.get(`/api/units?q=${encodeURIComponent(q || '')}`).then((list) => cb(list.map((u) => ({ value: u.name }))));
      },
      onPicked(file, list) { this.picked = list.map((f) => ({ name: f.name, status: f.status })); },
      async submit() {
        await api.post('/api/submit/element-ui-traps', { ...JSON.parse(JSON.stringify(this.form)), photos: this.picked });
        this.$message.success('提交成功');
      },
    },
  });
})();
