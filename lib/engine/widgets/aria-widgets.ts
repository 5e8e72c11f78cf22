/**
 * The generic layer, in `detect` order: after the library families (a known library keeps its own
 * adapters) and before the native ones (so a drop-down's search box is never taken for a text field).
 * Drop-downs first (their popups hold options, checkboxes and tree items), then trees and lists,
 * then choices and tag editors, then native controls reached only through shadow roots, then hidden uploads.
 * `unknownControl` goes after the native adapters, as the last word.
 */
import type { WidgetAdapter } from './types';
import { ariaCombobox, ariaListbox, ariaTree } from './aria-combobox';
import { ariaCheckbox, ariaRadioGroup, ariaSwitch } from './aria-choice';
import { ariaUnknown, genericUpload, shadowNative, unknownControl } from './aria-native';
import { ariaTags } from './aria-tags';

export const ariaWidgets: WidgetAdapter[] = [
  ariaCombobox, ariaTree, ariaListbox, ariaSwitch, ariaRadioGroup, ariaCheckbox, ariaTags, genericUpload, shadowNative, ariaUnknown,
];

export { unknownControl };
