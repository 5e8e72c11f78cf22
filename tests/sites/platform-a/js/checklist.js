/**
 * 检查项目: the 18-row checklist as an el-table inside the form. Each row has its own el-form-item
 * (prop `jcxm.<i>.jg` / `jcxm.<i>.bhgqx`) so the outer el-form validates every row, the way RuoYi
 * editable tables do. 不合格情形 is enabled only while the row is 不合格.
 */
import { ROW_RESULTS, ROW_FAILED } from './options.js';

export const ChecklistTable = {
  name: 'ChecklistTable',
  props: {
    rows: { type: Array, required: true },
    defectKinds: { type: Array, required: true },
  },
  setup(props) {
    // One rules array per row, built once: a new array on every render would churn the form-item.
    const cache = new Map();
    function rulesFor(field, index) {
      const key = field + index;
      if (!cache.has(key)) {
        cache.set(key, field === 'jg'
          ? [{ required: true, message: '请选择检查情况', trigger: 'change' }]
          : [{
            validator(rule, value, callback) {
              const row = props.rows[index];
              if (row && row.jg === ROW_FAILED && !value) callback(new Error('请选择不合格情形'));
              else callback();
            },
            trigger: 'change',
          }]);
      }
      return cache.get(key);
    }
    function onResult(row) {
      // A row that is no longer 不合格 has no 不合格情形.
      if (row.jg !== ROW_FAILED) row.bhgqx = '';
    }
    return { ROW_RESULTS, ROW_FAILED, rulesFor, onResult };
  },
  template: `
<el-table :data="rows" border size="small" class="checklist" row-key="xh"
          :header-cell-style="{ background: '#f8f8f9', color: '#515a6e' }">
  <el-table-column label="序号" prop="xh" width="60" align="center" />
  <el-table-column label="检查内容" prop="xmmc" min-width="230" />
  <el-table-column label="检查情况" width="270" align="center">
    <template #default="{ row, $index }">
      <el-form-item :prop="'jcxm.' + $index + '.jg'" :rules="rulesFor('jg', $index)" label-width="0" class="cell-item">
        <el-radio-group v-model="row.jg" @change="onResult(row)">
          <el-radio v-for="o in ROW_RESULTS" :key="o.value" :value="o.value">{{ o.label }}</el-radio>
        </el-radio-group>
      </el-form-item>
    </template>
  </el-table-column>
  <el-table-column label="不合格情形" width="180" align="center">
    <template #default="{ row, $index }">
      <el-form-item :prop="'jcxm.' + $index + '.bhgqx'" :rules="rulesFor('bhgqx', $index)" label-width="0" class="cell-item">
        <el-select v-model="row.bhgqx" placeholder="请选择" :disabled="row.jg !== ROW_FAILED" clearable size="small">
          <el-option v-for="d in defectKinds" :key="d.value" :label="d.label" :value="d.value" />
        </el-select>
      </el-form-item>
    </template>
  </el-table-column>
</el-table>`,
};
