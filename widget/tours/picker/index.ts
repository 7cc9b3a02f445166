export { startPicker, type PickerOptions, type PickerStrings } from './picker.js';
export { stableSelector } from './stable-selector.js';
export { describeElement } from './describe-element.js';
