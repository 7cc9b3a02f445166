export { TourView, type TourViewProps } from './TourView.js';
export { TourStepView, type TourStepViewProps } from './TourStepView.js';
export { Spotlight, type SpotlightProps } from './Spotlight.js';
export { useAdvanceOnClick } from './use-advance-on-click.js';
export { rememberFocus, type RestoreFocus } from './focus.js';
export { floatBeside, floatingSide, type FloatOptions } from './float-beside.js';
export { TOURS_CSS } from './styles.js';
