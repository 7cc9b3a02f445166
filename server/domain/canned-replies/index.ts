export { CannedReplies, personalizationFor, type RenderContext } from './canned-replies.js';
