// team-without-domain: a stream-aligned team exists to serve a domain; one
// that no domain lists is a leftover, or a domain that forgot to list it.
// Platform, enabling and complicated-subsystem teams may serve other teams
// rather than a domain, so they are left alone.
//   teams: { search-squad: {…} }   (no domain lists it)  -> hint
import { defineRule } from './rule';

export const teamWithoutDomain = defineRule<{ id: string }>()({
  id: 'team-without-domain',
  defaultSeverity: 'hint',
  description: 'A stream-aligned team serves no domain.',
  seeds: [],
  docs: {
    firesWhen: 'A stream-aligned team (the default `type`) serves no domain.',
  },
  rationale: {
    why: 'A stream-aligned team that serves no domain is a leftover, or a domain forgot to list it.',
    quoteIds: [],
  },
  reads: { products: true, teams: true },
  check(ctx) {
    const listed = new Set(ctx.model.refs.filter((r) => r.kind === 'team').map((r) => r.id));
    for (const team of ctx.model.teams.values()) {
      if (team.type !== 'stream-aligned' || listed.has(team.id)) continue;
      ctx.report(
        team.key,
        `Team '${team.id}' serves no domain: list it under a domain's 'teams', or give it a type (platform, enabling, complicated-subsystem) if it serves other teams.`,
        { id: team.id },
      );
    }
  },
});
