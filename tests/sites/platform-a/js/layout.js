/** The back-office frame around the form: header bar, left menu, breadcrumb (RuoYi / 浙政钉 style). */
import { MENU } from './options.js';

export const AppShell = {
  name: 'AppShell',
  props: { user: { type: Object, default: null } },
  setup() {
    return { MENU };
  },
  template: `
<el-container class="shell">
  <el-header class="shell-header" height="56px">
    <div class="brand">
      <span class="brand-logo">政</span>
      <span class="brand-name">浙政钉·掌上执法</span>
      <span class="brand-sub">行政执法监管平台</span>
    </div>
    <div class="header-right">
      <el-icon class="header-icon"><Bell /></el-icon>
      <el-icon class="header-icon"><QuestionFilled /></el-icon>
      <span class="user" v-if="user">
        <el-avatar :size="28" class="user-avatar">{{ user.nickName.slice(0, 1) }}</el-avatar>
        <span class="user-name">{{ user.nickName }}</span>
        <span class="user-dept">{{ user.dept }}</span>
      </span>
    </div>
  </el-header>
  <el-container class="shell-body">
    <el-aside width="208px" class="shell-aside">
      <el-menu default-active="xzjc" :default-openeds="['jcgl']" background-color="#1f2d3d"
               text-color="#bfcbd9" active-text-color="#409eff" class="side-menu">
        <template v-for="m in MENU" :key="m.index">
          <el-sub-menu v-if="m.children" :index="m.index">
            <template #title><el-icon><component :is="m.icon" /></el-icon><span>{{ m.title }}</span></template>
            <el-menu-item v-for="c in m.children" :key="c.index" :index="c.index">{{ c.title }}</el-menu-item>
          </el-sub-menu>
          <el-menu-item v-else :index="m.index">
            <el-icon><component :is="m.icon" /></el-icon><span>{{ m.title }}</span>
          </el-menu-item>
        </template>
      </el-menu>
    </el-aside>
    <el-main class="shell-main">
      <div class="navbar">
        <el-breadcrumb separator="/">
          <el-breadcrumb-item>首页</el-breadcrumb-item>
          <el-breadcrumb-item>执法检查</el-breadcrumb-item>
          <el-breadcrumb-item>行政检查记录</el-breadcrumb-item>
        </el-breadcrumb>
      </div>
      <div class="tags-view">
        <span class="tag">首页</span><span class="tag active">行政检查记录</span>
      </div>
      <div class="app-container"><slot /></div>
    </el-main>
  </el-container>
</el-container>`,
};
