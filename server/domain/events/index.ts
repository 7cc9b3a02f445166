export { EventLog, stripQuery, toContactEvent } from './event-log.js';
