/** `/teams` and `/assignment-rules`: who gets which conversation (routes/teams.ts, assignment-rules.ts). */
import { createAssignmentRuleSchema, createTeamSchema, updateAssignmentRuleSchema, updateTeamSchema } from '../../../../protocol/index.js';
import { AssignmentRuleDoc, TeamDoc } from '../models/workspace.js';
import { named, type RouteDoc } from '../route-doc.js';
import { crudDocs } from './crud.js';

export const teamDocs: RouteDoc[] = [
  ...crudDocs({
    base: '/teams',
    tag: 'Teams',
    thing: 'team',
    item: TeamDoc,
    create: named('CreateTeamRequest', createTeamSchema),
    update: named('UpdateTeamRequest', updateTeamSchema),
    writeNote: 'Admins only.',
  }),
  ...crudDocs({
    base: '/assignment-rules',
    tag: 'Assignment rules',
    thing: 'assignment rule',
    item: AssignmentRuleDoc,
    create: named('CreateAssignmentRuleRequest', createAssignmentRuleSchema),
    update: named('UpdateAssignmentRuleRequest', updateAssignmentRuleSchema),
    writeNote: 'Admins only. The first enabled rule that matches a new conversation wins.',
  }),
];
