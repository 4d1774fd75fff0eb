// outcomes-defined: say what success looks like (003, Rosemary King: "Titles
// are not as important as understanding the outcomes that you would like to
// achieve"). A warning under the outcomes-first stance, else info.
import { defineRule } from './rule';

/** What a finding carries to its fixes. */
type Data = { product: string; domain: string };

export const outcomesDefined = defineRule<Data>()({
  id: 'outcomes-defined',
  defaultSeverity: 'info',
  description: 'A domain has no `outcomes` (a warning under the outcomes-first stance).',
  seeds: ['003_ac3b7604d2ffb3c6.txt'],
  docs: {
    firesWhen: 'A domain has no `outcomes`.',
    severity: 'info (warning under the outcomes-first stance)',
  },
  rationale: {
    why: 'Stating the outcomes a domain should achieve makes clear what success looks like, whatever the titles of the people involved.',
    quoteIds: [],
  },
  reads: { products: true },
  check(ctx) {
    const severity = ctx.settings.stance === 'outcomes-first' ? 'warning' : 'info';
    for (const p of ctx.model.products)
      for (const d of p.domains)
        if (d.outcomeCount === 0)
          ctx.report(d.outcomes ?? d.key, `Domain '${d.id}' lists no outcomes: say what success looks like.`, { product: p.id, domain: d.id }, severity);
  },
});
