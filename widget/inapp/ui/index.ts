export { InAppMessageView } from './InAppMessageView.js';
export { INAPP_CSS } from './styles.js';
export type { InAppViewProps } from './types.js';
