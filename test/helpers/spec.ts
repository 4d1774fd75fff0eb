/**
 * The rule ids of SPEC section 3, written out here on purpose: tests compare
 * the engine's registry against the contract, not against itself.
 */
export const SPEC_RULE_IDS = [
  'yaml-syntax',
  'schema',
  'unknown-reference',
  'single-owner',
  'single-backlog-owner',
  'role-split',
  'decision-authority',
  'vision-required',
  'overloaded-person',
  'team-single-domain',
  'departed-person',
  'scrum-master-not-product-owner',
  'customer-contact',
  'core-team',
  'domain-without-team',
  'team-without-domain',
  'outcomes-defined',
  'stance-declared',
  'unused-person',
  'unused-suppression',
  'expired-suppression',
  'invalid-suppression',
] as const;
