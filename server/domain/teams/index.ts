export { TeamStore, toTeam } from './team-store.js';
