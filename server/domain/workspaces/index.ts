export { isOriginAllowed } from './origin-allowlist.js';
export { type Workspace, WorkspaceDirectory, widgetSettings } from './workspaces.js';
