/**
 * TDesign Vue Next (Tencent's Vue 3 library, TDesign Starter admin pages): the family's adapters.
 * Selects, tree selects and cascaders live in tdesign-select.ts, date and time pickers in
 * tdesign-picker.ts; the plain widgets are the shared kit's, with TDesign's class names.
 *
 * DOM facts (1.20): `.t-input > input.t-input__inner`, `.t-textarea > textarea.t-textarea__inner`,
 * `.t-input-number` (its input parses on blur), `.t-radio-group` of `label.t-radio` /
 * `label.t-radio-button` (checked: `t-is-checked`), `.t-checkbox-group` of `label.t-checkbox`,
 * `.t-switch` (`t-is-checked`), `.t-upload` with a hidden `input[type=file]` and its list
 * (`.t-upload__flow-table` rows for theme file-flow, `.t-upload__single-display-text` /
 * `.t-upload__file-list` items otherwise).
 */
import type { WidgetAdapter } from './types';
import { checkboxGroupAdapter, numberAdapter, radioGroupAdapter, switchAdapter, textAdapter, uploadAdapter } from './tdesign-dom';
import { FAMILY, tdesignCascader, tdesignSelect, tdesignTreeSelect } from './tdesign-select';
import { tdesignDate, tdesignTime } from './tdesign-picker';

const COMPOSITE = '.t-select-input, .t-input-number, .t-date-picker, .t-date-range-picker, .t-time-picker, .t-upload, .t-popup';

const CHOICE = { family: FAMILY, checked: '.t-is-checked', disabled: '.t-is-disabled' };

/** Order matters for `detect`: composite widgets before the plain input they contain. */
export const tdesignWidgets: WidgetAdapter[] = [
  uploadAdapter({
    kind: 'tdesign-upload', family: FAMILY, widget: '.t-upload',
    item: '.t-upload__flow-table tbody tr, .t-upload__file-list > li',
    itemName: '.t-upload__file-name, .t-upload__single-name',
    pending: ':has(.t-loading, .t-upload__file-flow-progress)', failed: ':has(.t-upload__flow-status .t-icon-error-circle-filled, .t-upload__file-status--fail)',
  }),
  checkboxGroupAdapter({ ...CHOICE, kind: 'tdesign-checkbox-group', group: '.t-checkbox-group', item: 'label.t-checkbox', label: '.t-checkbox__label' }),
  radioGroupAdapter({ ...CHOICE, kind: 'tdesign-radio-group', group: '.t-radio-group', item: 'label.t-radio, label.t-radio-button', label: '.t-radio__label, .t-radio-button__label' }),
  switchAdapter({ ...CHOICE, kind: 'tdesign-switch', widget: '.t-switch' }),
  tdesignCascader,
  tdesignTreeSelect,
  tdesignTime,
  tdesignDate,
  numberAdapter({ kind: 'tdesign-input-number', family: FAMILY, widget: '.t-input-number', input: 'input.t-input__inner' }),
  tdesignSelect,
  textAdapter({ kind: 'tdesign-textarea', family: FAMILY, widget: '.t-textarea', control: 'textarea', exclude: COMPOSITE }),
  textAdapter({ kind: 'tdesign-input', family: FAMILY, widget: '.t-input__wrap', control: 'input.t-input__inner', exclude: COMPOSITE }),
];
