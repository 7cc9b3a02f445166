/**
 * The device classes a rule can name. Its own zod-free module because the
 * widget bundles `context.ts` and `evaluate.ts`; importing it from `rule.ts`
 * would pull zod into the widget chunk (45 KB budget, DESIGN.md §6).
 */
export const DEVICES = ['desktop', 'mobile', 'tablet'] as const;
export type Device = (typeof DEVICES)[number];
