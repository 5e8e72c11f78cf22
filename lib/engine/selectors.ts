/** The selectors the locator and the label index share (lib/engine/locate.ts, lib/engine/label-index.ts). */

/** Containers that hold exactly one labelled field in each family's form layout. */
export const FORM_ITEM_SELECTOR = [
  // layui admin puts two or three fields on one row: each `.layui-inline` is its own item.
  '.layui-form-item > .layui-inline',
  '.el-form-item', '.ant-form-item', '.layui-form-item', '.van-field', '.van-cell', '.form-group', '.form-item',
  '.ant-descriptions-item', '.el-descriptions__cell',
].join(',');

/** What counts as something a person can fill. */
export const CONTROL_SELECTOR = [
  'input:not([type="hidden"])', 'select', 'textarea', '[contenteditable=""]', '[contenteditable="true"]',
  '[role="combobox"]', '[role="radiogroup"]', '[role="radio"]', '[role="checkbox"]', '[role="switch"]', '[role="slider"]',
  '[role="textbox"]', '[role="listbox"]', '[role="spinbutton"]',
  '.el-select', '.el-cascader', '.el-rate', '.el-slider', '.el-switch', '.el-upload',
  '.ant-select', '.ant-cascader', '.ant-picker', '.ant-rate', '.ant-slider', '.ant-switch', '.ant-upload',
  '.layui-form-select', '.layui-form-checkbox', '.layui-form-radio', '.layui-form-switch', '.layui-slider', '.layui-rate',
  '.t-switch', '.ivu-switch', '.next-switch',
].join(',');
