/** Help center: articles, collections, and the widget's help requests. */
export * from './models.js';
export * from './schemas.js';
