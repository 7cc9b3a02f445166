export { waitForElement, findRendered, isRendered } from './wait-for-element.js';
