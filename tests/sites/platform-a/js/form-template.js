/** Template of the 行政检查记录（消防监督检查） form; the logic lives in inspection-form.js. */
export const FORM_TEMPLATE = `
<el-card shadow="never" class="form-card">
  <template #header>
    <div class="card-header">
      <span class="card-title">行政检查记录（消防监督检查）</span>
      <el-tag size="small" type="info">新增</el-tag>
    </div>
  </template>
  <el-form ref="formRef" :model="form" :rules="rules" label-width="170px" scroll-to-error class="inspection-form">
    <el-divider content-position="left">检查基本信息</el-divider>
    <el-row :gutter="20">
      <el-col :span="12">
        <el-form-item label="检查方式" prop="jcfs">
          <el-select v-model="form.jcfs" placeholder="请选择检查方式" clearable style="width: 100%">
            <el-option v-for="o in opts.JCFS" :key="o.value" :label="o.label" :value="o.value" />
          </el-select>
        </el-form-item>
      </el-col>
      <el-col :span="12">
        <el-form-item label="检查事项" prop="jcsx">
          <el-select v-model="form.jcsx" placeholder="请选择或输入检查事项" filterable clearable style="width: 100%">
            <el-option v-for="o in opts.JCSX" :key="o.value" :label="o.label" :value="o.value" />
          </el-select>
        </el-form-item>
      </el-col>
    </el-row>

    <el-divider content-position="left">被检查单位</el-divider>
    <el-row :gutter="20">
      <el-col :span="12">
        <el-form-item label="被检查单位名称" prop="dwmc">
          <el-select v-model="form.dwmc" placeholder="请输入单位名称或信用代码搜索" filterable remote clearable
                     :remote-method="searchUnits" :loading="unitLoading" @change="onUnitChange" style="width: 100%">
            <el-option v-for="u in unitOptions" :key="u.tyshxydm" :label="u.dwmc" :value="u.dwmc">
              <span>{{ u.dwmc }}</span><span class="option-hint">{{ u.tyshxydm }}</span>
            </el-option>
          </el-select>
        </el-form-item>
      </el-col>
      <el-col :span="12">
        <el-form-item label="统一社会信用代码" prop="tyshxydm">
          <el-input v-model="form.tyshxydm" readonly placeholder="选择单位后自动带出" />
        </el-form-item>
      </el-col>
      <el-col :span="12">
        <el-form-item label="单位地址" prop="dwdz">
          <el-cascader v-model="form.dwdz" :props="regionProps" placeholder="请选择省/市/区县/乡镇街道" clearable style="width: 100%" />
        </el-form-item>
      </el-col>
      <el-col :span="12">
        <el-form-item label="详细地址" prop="xxdz">
          <el-input v-model="form.xxdz" placeholder="请输入详细地址（路、门牌号）" maxlength="100" clearable />
        </el-form-item>
      </el-col>
      <el-col :span="12">
        <el-form-item label="法定代表人/主要负责人" prop="fddbr">
          <el-input v-model="form.fddbr" placeholder="请输入姓名" maxlength="20" clearable />
        </el-form-item>
      </el-col>
      <el-col :span="12">
        <el-form-item label="联系电话" prop="lxdh">
          <el-input v-model="form.lxdh" placeholder="请输入联系电话" maxlength="13" clearable />
        </el-form-item>
      </el-col>
      <el-col :span="12">
        <el-form-item label="所属行业" prop="sshy">
          <el-select v-model="form.sshy" placeholder="请选择国民经济行业门类" filterable clearable style="width: 100%">
            <el-option v-for="o in opts.SSHY" :key="o.value" :label="o.label" :value="o.value">
              <span>{{ o.label }}</span><span class="option-hint">{{ o.value }}</span>
            </el-option>
          </el-select>
        </el-form-item>
      </el-col>
      <el-col :span="24">
        <el-form-item label="单位类别" prop="dwlb">
          <el-radio-group v-model="form.dwlb">
            <el-radio v-for="o in opts.DWLB" :key="o.value" :value="o.value">{{ o.label }}</el-radio>
          </el-radio-group>
        </el-form-item>
      </el-col>
      <el-col :span="8">
        <el-form-item label="场所类型" prop="cslx">
          <el-select v-model="form.cslx" placeholder="请选择场所类型" clearable style="width: 100%">
            <el-option v-for="o in opts.CSLX" :key="o.value" :label="o.label" :value="o.value" />
          </el-select>
        </el-form-item>
      </el-col>
      <el-col :span="8">
        <el-form-item label="建筑面积（㎡）" prop="jzmj" label-width="120px">
          <el-input-number v-model="form.jzmj" :min="0" :max="1000000" :precision="2" controls-position="right" placeholder="请输入" style="width: 100%" />
        </el-form-item>
      </el-col>
      <el-col :span="8">
        <el-form-item label="层数" prop="cs" label-width="80px">
          <el-input-number v-model="form.cs" :min="1" :max="200" controls-position="right" placeholder="请输入" style="width: 100%" />
        </el-form-item>
      </el-col>
    </el-row>

    <el-divider content-position="left">检查情况</el-divider>
    <el-row :gutter="20">
      <el-col :span="14">
        <el-form-item label="检查时间" prop="jcsj">
          <el-date-picker v-model="form.jcsj" type="datetimerange" range-separator="至" start-placeholder="开始时间"
                          end-placeholder="结束时间" format="YYYY-MM-DD HH:mm:ss" value-format="YYYY-MM-DD HH:mm:ss" style="width: 100%" />
        </el-form-item>
      </el-col>
      <el-col :span="10">
        <el-form-item label="检查人员" prop="jcry" label-width="100px">
          <el-select v-model="form.jcry" multiple placeholder="请选择检查人员（至少两名）" style="width: 100%">
            <el-option v-for="p in dicts.inspectors" :key="p.userId" :label="p.nickName" :value="p.userId" />
          </el-select>
        </el-form-item>
      </el-col>
      <el-col :span="12">
        <el-form-item label="主办人执法证号" prop="zbrzfzh">
          <el-input v-model="form.zbrzfzh" placeholder="请输入执法证号" maxlength="20" clearable />
        </el-form-item>
      </el-col>
      <el-col :span="12">
        <el-form-item label="协办人执法证号" prop="xbrzfzh">
          <el-input v-model="form.xbrzfzh" placeholder="请输入执法证号" maxlength="20" clearable />
        </el-form-item>
      </el-col>
      <el-col :span="24">
        <el-form-item label="陪同人员" prop="ptry">
          <el-input v-model="form.ptry" placeholder="被检查单位在场陪同检查的人员，多人以顿号“、”分隔" maxlength="50" clearable />
        </el-form-item>
      </el-col>
      <el-col :span="24">
        <el-form-item label="检查依据" prop="jcyj">
          <el-checkbox-group v-model="form.jcyj">
            <el-checkbox v-for="o in opts.JCYJ" :key="o.value" :value="o.value">{{ o.label }}</el-checkbox>
          </el-checkbox-group>
        </el-form-item>
      </el-col>
      <el-col :span="24">
        <el-form-item label="检查项目" required class="checklist-item">
          <checklist-table :rows="form.jcxm" :defect-kinds="dicts.defectKinds" />
        </el-form-item>
      </el-col>
      <el-col :span="24">
        <el-form-item label="现场检查情况" prop="xcjcqk">
          <el-input v-model="form.xcjcqk" type="textarea" :rows="3" maxlength="500" show-word-limit placeholder="请如实记录现场检查情况" />
        </el-form-item>
      </el-col>
    </el-row>

    <el-divider content-position="left">隐患及处理</el-divider>
    <el-row :gutter="20">
      <el-col :span="8">
        <el-form-item label="发现隐患数" prop="fxyhs">
          <el-input-number v-model="form.fxyhs" :min="0" :max="99" controls-position="right" style="width: 100%" />
        </el-form-item>
      </el-col>
      <el-col :span="16">
        <el-form-item label="隐患等级" prop="yhdj">
          <el-radio-group v-model="form.yhdj">
            <el-radio v-for="o in opts.YHDJ" :key="o.value" :value="o.value">{{ o.label }}</el-radio>
          </el-radio-group>
        </el-form-item>
      </el-col>
      <el-col :span="24">
        <el-form-item label="隐患描述" prop="yhms">
          <el-input v-model="form.yhms" type="textarea" :rows="3" maxlength="500" show-word-limit placeholder="请逐条描述发现的火灾隐患" />
        </el-form-item>
      </el-col>
      <el-col :span="24">
        <el-form-item label="隐患明细" class="checklist-item">
          <hazard-table :rows="form.yhmx" />
        </el-form-item>
      </el-col>
      <el-col :span="24">
        <el-form-item label="检查结果" prop="jcjg">
          <el-radio-group v-model="form.jcjg" @change="onResultChange">
            <el-radio v-for="o in opts.JCJG" :key="o.value" :value="o.value">{{ o.label }}</el-radio>
          </el-radio-group>
        </el-form-item>
      </el-col>
      <el-col :span="24">
        <el-form-item label="处理措施" prop="clcs">
          <el-checkbox-group v-model="form.clcs">
            <el-checkbox v-for="o in opts.CLCS" :key="o.value" :value="o.value">{{ o.label }}</el-checkbox>
          </el-checkbox-group>
        </el-form-item>
      </el-col>
      <el-col :span="12">
        <el-form-item label="法律文书及编号" prop="flws">
          <el-input v-model="form.flws" placeholder="如：责令限期改正通知书 〔2026〕第0001号" maxlength="60" clearable />
        </el-form-item>
      </el-col>
      <el-col :span="6">
        <el-form-item label="整改期限" prop="zgqx" label-width="90px">
          <el-date-picker v-model="form.zgqx" type="date" placeholder="选择日期" format="YYYY-MM-DD" value-format="YYYY-MM-DD" style="width: 100%" />
        </el-form-item>
      </el-col>
      <el-col :span="6">
        <el-form-item label="复查日期" prop="fcrq" label-width="90px">
          <el-date-picker v-model="form.fcrq" type="date" placeholder="选择日期" format="YYYY-MM-DD" value-format="YYYY-MM-DD" style="width: 100%" />
        </el-form-item>
      </el-col>
      <el-col :span="24">
        <el-form-item label="现场照片" prop="xczp">
          <el-upload v-model:file-list="fileList" action="/api/upload" name="file" list-type="picture-card" accept="image/*"
                     multiple :limit="9" :before-upload="beforeUpload" :on-success="onUploadChange" :on-remove="onUploadChange"
                     :on-error="onUploadError" :on-exceed="onExceed" :on-preview="onPreview">
            <el-icon><Plus /></el-icon>
            <template #tip><div class="el-upload__tip">支持 jpg/png 格式，单张不超过 5MB，最多 9 张</div></template>
          </el-upload>
        </el-form-item>
      </el-col>
      <el-col :span="24">
        <el-form-item label="备注" prop="bz">
          <el-input v-model="form.bz" type="textarea" :rows="2" maxlength="200" show-word-limit placeholder="请输入备注" />
        </el-form-item>
      </el-col>
    </el-row>
    <div class="form-footer">
      <el-button type="primary" :loading="submitting" @click="submit">提交</el-button>
      <el-button @click="reset">重置</el-button>
    </div>
  </el-form>
  <el-dialog v-model="preview.visible" title="照片预览" width="600px" append-to-body>
    <img :src="preview.url" alt="" style="width: 100%" />
  </el-dialog>
</el-card>`;
