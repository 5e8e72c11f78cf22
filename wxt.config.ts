import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({ plugins: [preact()] }),
  manifest: {
    name: '一录通',
    description: '一次录入，多平台一键填充：把在一个平台录入的检查记录填到其他平台的表单里。所有数据只存在本机。',
    default_locale: undefined,
    permissions: ['storage', 'activeTab', 'tabs'],
  },
});
