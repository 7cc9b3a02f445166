export { SavedViews } from './saved-views.js';
