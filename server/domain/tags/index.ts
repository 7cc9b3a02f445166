export { conversationTagNames, DEFAULT_TAGS, TagStore, tagKey } from './tags.js';
