// A growing table, as RuoYi's 子表 editors are: rows start empty, 添加一行 appends one, each row's
// 检查内容 is typed by the inspector. 提交 posts the rows from Vue's model.
const { createApp, reactive, ref } = Vue;

const DEFECTS = ['堵塞', '锁闭', '缺少', '损坏', '失效', '被遮挡'].map((label, i) => ({ value: String(i + 1).padStart(2, '0'), label }));
const RESULTS = [{ value: '1', label: '合格' }, { value: '2', label: '不合格' }, { value: '3', label: '不涉及' }];

createApp({
  setup() {
    const form = reactive({ dwmc: '', rows: [] });
    const formRef = ref();
    const add = () => form.rows.push({ jcnr: '', jg: '', bhgqx: '' });
    const remove = (i) => form.rows.splice(i, 1);
    async function submit() {
      const res = await fetch('/api/submit/ep-rows', {
        method: 'POST', headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ dwmc: form.dwmc, jcxm: form.rows.map((r) => ({ ...r })) }),
      });
      if (res.ok) ElementPlus.ElMessage.success('提交成功');
    }
    return { form, formRef, add, remove, submit, DEFECTS, RESULTS };
  },
  template: `
  <el-config-provider :locale="zhCn">
  <div class="page">
    <el-card shadow="never">
      <template #header><span>补充检查项目</span></template>
      <el-form ref="formRef" :model="form" label-width="120px">
        <el-form-item label="单位名称"><el-input v-model="form.dwmc" placeholder="请输入单位名称" /></el-form-item>
        <el-form-item label="补充检查项目">
          <div style="width: 100%">
            <el-table :data="form.rows" border size="small" empty-text="暂无，点击“添加一行”">
              <el-table-column label="检查内容" min-width="200">
                <template #default="{ row }"><el-input v-model="row.jcnr" placeholder="请输入检查内容" /></template>
              </el-table-column>
              <el-table-column label="检查结果" width="250">
                <template #default="{ row }">
                  <el-radio-group v-model="row.jg"><el-radio v-for="o in RESULTS" :key="o.value" :value="o.value">{{ o.label }}</el-radio></el-radio-group>
                </template>
              </el-table-column>
              <el-table-column label="不合格情形" width="160">
                <template #default="{ row }">
                  <el-select v-model="row.bhgqx" placeholder="请选择" :disabled="row.jg !== '2'">
                    <el-option v-for="d in DEFECTS" :key="d.value" :label="d.label" :value="d.value" />
                  </el-select>
                </template>
              </el-table-column>
              <el-table-column label="操作" width="70">
                <template #default="{ $index }"><el-button link type="danger" @click="remove($index)">删除</el-button></template>
              </el-table-column>
            </el-table>
            <el-button style="margin-top: 8px" @click="add">添加一行</el-button>
          </div>
        </el-form-item>
        <el-form-item><el-button type="primary" @click="submit">提交</el-button></el-form-item>
      </el-form>
    </el-card>
  </div>
  </el-config-provider>`,
  data: () => ({ zhCn: ElementPlusLocaleZhCn }),
}).use(ElementPlus).mount('#app');
