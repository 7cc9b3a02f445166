export { buildOpenApiDocument, type OpenApiDocument, toOpenApiPath } from './document.js';
export { mountedRoutes, type MountedRoute } from './mounted-routes.js';
export { ROUTE_DOCS } from './paths/index.js';
export { openApiRoute } from './route.js';
export type { Named, RouteAuth, RouteDoc } from './route-doc.js';
