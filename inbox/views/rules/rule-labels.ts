/** The words the rule builder shows for each row type and operator. */
import type { AttributeOp, EventRuleOp } from '../../../protocol/index.js';
import type { FacetOp, PageOp, RowType, ValueType } from '../../state/rule-tree.js';

export const ROW_TYPE_LABELS: Record<RowType, string> = {
  attribute: 'Attribute',
  event: 'Event',
  page: 'Page',
  time_on_page: 'Time on page',
  locale: 'Locale',
  device: 'Device',
  browser: 'Browser',
  country: 'Country',
  segment: 'Segment',
};

export const ATTRIBUTE_OP_LABELS: Record<AttributeOp, string> = {
  eq: 'is',
  neq: 'is not',
  in: 'is one of',
  nin: 'is none of',
  contains: 'contains',
  not_contains: 'does not contain',
  starts_with: 'starts with',
  ends_with: 'ends with',
  gt: '>',
  gte: '≥',
  lt: '<',
  lte: '≤',
  exists: 'is set',
  not_exists: 'is not set',
  before: 'is before',
  after: 'is after',
};

export const EVENT_OP_LABELS: Record<EventRuleOp, string> = {
  count_gte: 'at least',
  count_lte: 'at most',
  never: 'never happened',
  last_within: 'last happened within',
  first_within: 'first happened within',
};

export const PAGE_OP_LABELS: Record<PageOp, string> = {
  matches: 'matches',
  glob: 'matches pattern',
  regex: 'matches regex',
  eq: 'is exactly',
  contains: 'contains',
};

export const FACET_OP_LABELS: Record<FacetOp, string> = {
  eq: 'is',
  neq: 'is not',
  in: 'is one of',
  nin: 'is none of',
};

export const VALUE_TYPE_LABELS: Record<ValueType, string> = {
  text: 'Text',
  number: 'Number',
  boolean: 'True/false',
};

/** What a value box expects, as its placeholder. */
export const FACET_PLACEHOLDERS: Record<string, string> = {
  locale: 'en',
  browser: 'chrome',
  country: 'FR',
};
