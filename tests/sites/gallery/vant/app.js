/* Vant 4 H5 gallery: a mobile 检查登记 form as H5 admin templates build it — van-form, inset
 * van-cell-groups, van-field rows; pickers, cascader and calendars in bottom popups teleported to
 * <body>; the model is posted (not the DOM) on 提交. Every name and code is synthetic. */
const { createApp, reactive, ref } = Vue;

const METHODS = [
  { text: '双随机抽查', value: '01' }, { text: '专项检查', value: '02' }, { text: '举报投诉核查', value: '03' },
  { text: '营业前检查', value: '04' }, { text: '复查', value: '05' },
];
const EVENT_TYPES = [
  { text: '平安建设', value: '01', children: [
    { text: '消防安全', value: '0103', children: [
      { text: '消防通道堵塞', value: '010301' }, { text: '消防器材缺失失效', value: '010302' }, { text: '电动自行车违规充电', value: '010303' },
    ] },
    { text: '治安隐患', value: '0104', children: [{ text: '出租房管理', value: '010401' }, { text: '矛盾纠纷', value: '010402' }] },
  ] },
  { text: '城市管理', value: '02', children: [
    { text: '市容环境', value: '0201', children: [{ text: '占道经营', value: '020101' }, { text: '乱堆物料', value: '020102' }] },
  ] },
];
const pad = (n) => String(n).padStart(2, '0');
const ymd = (d) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
const cn = (parts) => `${parts[0]}年${parts[1]}月${parts[2]}日`;

const template = `
<van-nav-bar title="检查登记" left-arrow></van-nav-bar>
<van-form ref="form" @submit="onSubmit" @failed="onFailed">
  <div class="section-title">基本信息</div>
  <van-cell-group inset>
    <van-field v-model="m.unitName" name="unitName" label="单位名称" placeholder="请输入单位名称" required
      :rules="[{ required: true, message: '请输入单位名称' }]"></van-field>
    <van-field v-model="m.phone" type="tel" name="phone" label="联系电话" placeholder="请输入手机号"></van-field>
    <van-field v-model="m.area" type="number" name="area" label="建筑面积" placeholder="平方米"></van-field>
    <van-field v-model="m.floors" type="digit" name="floors" label="层数" placeholder="请输入整数"></van-field>
    <van-field v-model="m.password" type="password" name="password" label="签名密码" placeholder="请输入签名密码"></van-field>
    <van-field v-model="m.description" type="textarea" rows="2" autosize maxlength="200" show-word-limit
      name="description" label="隐患描述" placeholder="请描述发现的隐患"></van-field>
  </van-cell-group>

  <div class="section-title">检查信息</div>
  <van-cell-group inset>
    <van-field v-model="shown.method" is-link readonly name="method" label="检查方式" placeholder="请选择" @click="show.method = true"></van-field>
    <van-field v-model="shown.eventType" is-link readonly label="事件类型" placeholder="请选择" @click="show.eventType = true"></van-field>
    <van-field v-model="shown.region" is-link readonly label="所在地区" placeholder="请选择所在地区" @click="show.region = true"></van-field>
    <van-field v-model="shown.inspectDate" is-link readonly label="检查日期" placeholder="点击选择日期" @click="show.inspectDate = true"></van-field>
    <van-field v-model="shown.inspectTime" is-link readonly label="到场时间" placeholder="点击选择时间" @click="show.inspectTime = true"></van-field>
    <van-field v-model="shown.occurredAt" is-link readonly label="发生时间" placeholder="点击选择日期时间" @click="show.occurredAt = true"></van-field>
    <van-field v-model="shown.reviewDate" is-link readonly label="复查日期" placeholder="点击选择日期" @click="show.reviewDate = true"></van-field>
    <van-field v-model="shown.period" is-link readonly label="整改期间" placeholder="请选择起止日期" @click="show.period = true"></van-field>
  </van-cell-group>

  <div class="section-title">检查结果</div>
  <van-cell-group inset>
    <van-field name="unitCategory" label="单位类别">
      <template #input>
        <van-radio-group v-model="m.unitCategory" direction="horizontal">
          <van-radio name="1">重点单位</van-radio><van-radio name="2">一般单位</van-radio>
          <van-radio name="3">九小场所</van-radio><van-radio name="9">其他</van-radio>
        </van-radio-group>
      </template>
    </van-field>
    <van-field name="measures" label="处理措施">
      <template #input>
        <van-checkbox-group v-model="m.measures" direction="horizontal">
          <van-checkbox name="M1" shape="square">责令立即改正</van-checkbox>
          <van-checkbox name="M2" shape="square">责令限期改正</van-checkbox>
          <van-checkbox name="M3" shape="square">临时查封</van-checkbox>
          <van-checkbox name="M4" shape="square">移送公安机关</van-checkbox>
        </van-checkbox-group>
      </template>
    </van-field>
    <van-field name="needReview" label="是否复查">
      <template #input><van-switch v-model="m.needReview" size="20px"></van-switch></template>
    </van-field>
    <van-field name="inspectors" label="检查人数">
      <template #input><van-stepper v-model="m.inspectors" min="1" max="10" integer></van-stepper></template>
    </van-field>
    <van-field name="satisfaction" label="满意度">
      <template #input><van-rate v-model="m.satisfaction"></van-rate></template>
    </van-field>
    <van-field name="progress" label="整改进度">
      <template #input><van-slider v-model="m.progress" :step="5"></van-slider></template>
    </van-field>
    <van-field name="photos" label="现场照片">
      <template #input>
        <van-uploader v-model="files" :after-read="afterRead" :max-count="3" multiple accept="image/*"></van-uploader>
      </template>
    </van-field>
  </van-cell-group>
  <div class="submit-bar"><van-button round block type="primary" native-type="submit">提交</van-button></div>
</van-form>

<van-popup v-model:show="show.method" position="bottom" round teleport="body">
  <van-picker title="检查方式" :columns="methods" @confirm="onMethod" @cancel="show.method = false"></van-picker>
</van-popup>
<van-popup v-model:show="show.eventType" position="bottom" round teleport="body">
  <van-picker title="事件类型" :columns="eventTypes" @confirm="onEventType" @cancel="show.eventType = false"></van-picker>
</van-popup>
<van-popup v-model:show="show.region" position="bottom" round teleport="body">
  <van-cascader v-model="regionValue" title="请选择所在地区" :options="regions"
    @close="show.region = false" @change="onRegionChange" @finish="onRegionFinish"></van-cascader>
</van-popup>
<van-popup v-model:show="show.inspectDate" position="bottom" round teleport="body">
  <van-date-picker v-model="pick.date" title="检查日期" :min-date="minDate" :max-date="maxDate"
    :formatter="dateFormatter" @confirm="onInspectDate" @cancel="show.inspectDate = false"></van-date-picker>
</van-popup>
<van-popup v-model:show="show.inspectTime" position="bottom" round teleport="body">
  <van-time-picker v-model="pick.time" title="到场时间" @confirm="onInspectTime" @cancel="show.inspectTime = false"></van-time-picker>
</van-popup>
<van-popup v-model:show="show.occurredAt" position="bottom" round teleport="body">
  <van-picker-group title="发生时间" :tabs="['选择日期', '选择时间']" next-step-text="下一步"
    @confirm="onOccurredAt" @cancel="show.occurredAt = false">
    <van-date-picker v-model="pick.odate" :min-date="minDate" :max-date="maxDate"></van-date-picker>
    <van-time-picker v-model="pick.otime"></van-time-picker>
  </van-picker-group>
</van-popup>
<van-calendar v-model:show="show.reviewDate" title="复查日期" :min-date="minDate" :max-date="maxDate"
  teleport="body" @confirm="onReviewDate"></van-calendar>
<van-calendar v-model:show="show.period" type="range" title="整改期间" :min-date="minDate" :max-date="maxDate"
  teleport="body" @confirm="onPeriod"></van-calendar>
`;

createApp({
  template,
  setup() {
    const m = reactive({
      unitName: '', phone: '', area: '', floors: '', password: '', description: '',
      method: '', eventType: [], region: [], inspectDate: '', inspectTime: '', occurredAt: '', reviewDate: '', period: [],
      unitCategory: '', measures: [], needReview: false, inspectors: 1, satisfaction: 0, progress: 0, photos: [],
    });
    const shown = reactive({ method: '', eventType: '', region: '', inspectDate: '', inspectTime: '', occurredAt: '', reviewDate: '', period: '' });
    const show = reactive({ method: false, eventType: false, region: false, inspectDate: false, inspectTime: false, occurredAt: false, reviewDate: false, period: false });
    const pick = reactive({ date: ['2026', '01', '01'], time: ['09', '00'], odate: ['2026', '01', '01'], otime: ['09', '00'] });
    const files = ref([]);
    const regionValue = ref('');
    const regions = ref([]);
    const toOptions = (list) => list.map((r) => (r.leaf ? { text: r.name, value: r.code } : { text: r.name, value: r.code, children: [] }));
    const loadRegions = async (parent) => {
      const res = await fetch(`/api/regions?parent=${encodeURIComponent(parent)}`).then((r) => r.json());
      return toOptions(res.data);
    };
    loadRegions('').then((list) => { regions.value = list; });

    return {
      m, shown, show, pick, files, regionValue, regions,
      methods: METHODS, eventTypes: EVENT_TYPES,
      minDate: new Date(2025, 0, 1), maxDate: new Date(2027, 11, 31),
      dateFormatter: (type, option) => {
        const unit = { year: '年', month: '月', day: '日' }[type];
        return unit ? { ...option, text: option.text + unit } : option;
      },
      onMethod({ selectedOptions }) {
        m.method = selectedOptions[0].value;
        shown.method = selectedOptions[0].text;
        show.method = false;
      },
      onEventType({ selectedOptions }) {
        m.eventType = selectedOptions.map((o) => o.value);
        shown.eventType = selectedOptions.map((o) => o.text).join('/');
        show.eventType = false;
      },
      async onRegionChange({ selectedOptions }) {
        const last = selectedOptions[selectedOptions.length - 1];
        if (last.children && last.children.length === 0) last.children = await loadRegions(last.value);
      },
      onRegionFinish({ selectedOptions }) {
        m.region = selectedOptions.map((o) => o.value);
        shown.region = selectedOptions.map((o) => o.text).join('/');
        show.region = false;
      },
      onInspectDate({ selectedValues }) {
        m.inspectDate = selectedValues.join('-');
        shown.inspectDate = cn(selectedValues);
        show.inspectDate = false;
      },
      onInspectTime({ selectedValues }) {
        m.inspectTime = selectedValues.join(':');
        shown.inspectTime = `${selectedValues[0]}时${selectedValues[1]}分`;
        show.inspectTime = false;
      },
      onOccurredAt([date, time]) {
        m.occurredAt = `${date.selectedValues.join('-')} ${time.selectedValues.join(':')}:00`;
        shown.occurredAt = `${cn(date.selectedValues)} ${time.selectedValues.join(':')}`;
        show.occurredAt = false;
      },
      onReviewDate(date) {
        m.reviewDate = ymd(date);
        shown.reviewDate = cn(m.reviewDate.split('-'));
        show.reviewDate = false;
      },
      onPeriod([start, end]) {
        m.period = [ymd(start), ymd(end)];
        shown.period = `${ymd(start)} 至 ${ymd(end)}`;
        show.period = false;
      },
      async afterRead(input) {
        for (const item of Array.isArray(input) ? input : [input]) {
          item.status = 'uploading';
          item.message = '上传中...';
          const body = new FormData();
          body.append('file', item.file);
          try {
            const res = await fetch('/api/upload', { method: 'POST', body }).then((r) => r.json());
            if (res.code !== 0) throw new Error(res.msg);
            item.status = 'done';
            item.message = '';
            item.url = res.data.url;
            item.serverId = res.data.id;
          } catch (e) {
            item.status = 'failed';
            item.message = '上传失败';
          }
        }
      },
      onFailed({ errors }) { vant.showToast(errors[0] ? errors[0].message : '请检查表单'); },
      async onSubmit() {
        m.photos = files.value.filter((f) => f.status === 'done').map((f) => ({ id: f.serverId, name: f.file ? f.file.name : '', url: f.url }));
        const res = await fetch('/api/submit/vant', {
          method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(m),
        }).then((r) => r.json());
        vant.showToast(res.msg || '提交成功');
      },
    };
  },
}).use(vant).mount('#app');
