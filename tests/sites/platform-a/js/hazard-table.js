/**
 * 隐患明细: a growing el-table inside the form, the way RuoYi "子表" editing works. It starts empty;
 * 添加一行 appends a row, 删除 removes it. Every cell has its own el-form-item (prop
 * `yhmx.<i>.<field>`) so the outer el-form validates each row; the model is the array of row objects.
 */
import { YHDJ } from './options.js';

export function emptyHazardRow() {
  return { yhms: '', yhdj: '', zgqx: null };
}

const RULES = {
  yhms: [{ required: true, message: '请输入隐患描述', trigger: 'blur' }],
  yhdj: [{ required: true, message: '请选择隐患等级', trigger: 'change' }],
  zgqx: [{ required: true, message: '请选择整改期限', trigger: 'change' }],
};

export const HazardTable = {
  name: 'HazardTable',
  props: {
    rows: { type: Array, required: true },
  },
  setup(props) {
    function addRow() {
      props.rows.push(emptyHazardRow());
    }
    function removeRow(index) {
      props.rows.splice(index, 1);
    }
    return { YHDJ, RULES, addRow, removeRow };
  },
  template: `
<div class="hazard-table">
  <el-table :data="rows" border size="small" class="hazards" empty-text="暂无隐患明细，请点击“添加一行”"
            :header-cell-style="{ background: '#f8f8f9', color: '#515a6e' }">
    <el-table-column label="序号" type="index" width="60" align="center" />
    <el-table-column label="隐患描述" min-width="260">
      <template #default="{ row, $index }">
        <el-form-item :prop="'yhmx.' + $index + '.yhms'" :rules="RULES.yhms" label-width="0" class="cell-item">
          <el-input v-model="row.yhms" placeholder="请输入隐患描述" maxlength="200" size="small" />
        </el-form-item>
      </template>
    </el-table-column>
    <el-table-column label="隐患等级" width="170" align="center">
      <template #default="{ row, $index }">
        <el-form-item :prop="'yhmx.' + $index + '.yhdj'" :rules="RULES.yhdj" label-width="0" class="cell-item">
          <el-select v-model="row.yhdj" placeholder="请选择" size="small">
            <el-option v-for="o in YHDJ" :key="o.value" :label="o.label" :value="o.value" />
          </el-select>
        </el-form-item>
      </template>
    </el-table-column>
    <el-table-column label="整改期限" width="170" align="center">
      <template #default="{ row, $index }">
        <el-form-item :prop="'yhmx.' + $index + '.zgqx'" :rules="RULES.zgqx" label-width="0" class="cell-item">
          <el-date-picker v-model="row.zgqx" type="date" placeholder="选择日期" format="YYYY-MM-DD" value-format="YYYY-MM-DD"
                          size="small" style="width: 100%" />
        </el-form-item>
      </template>
    </el-table-column>
    <el-table-column label="操作" width="80" align="center">
      <template #default="{ $index }">
        <el-button link type="danger" size="small" @click="removeRow($index)">删除</el-button>
      </template>
    </el-table-column>
  </el-table>
  <el-button type="primary" plain size="small" class="hazard-add" @click="addRow"><el-icon><Plus /></el-icon><span>添加一行</span></el-button>
</div>`,
};
