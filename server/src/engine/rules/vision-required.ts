// vision-required: a product split into domains still needs one overall
// vision (000: "you still need an overall product vision for the entire
// product to set the boundaries within each problem domain.").
import { setMapProperty } from '../fixes/edits';
import { defineRule } from './rule';
import { findProduct } from './common';

/** What a finding carries to its fixes. */
type Data = { product: string };

export const visionRequired = defineRule<Data>()({
  id: 'vision-required',
  defaultSeverity: 'warning',
  description: 'A product with two or more domains has no `vision`.',
  seeds: ['000_afd94fb3940db4b8.txt'],
  docs: {
    firesWhen: 'A product with two or more domains has no `vision`.',
  },
  rationale: {
    why: 'Once a product is split into domains, one overall vision is what sets the boundaries between them.',
    quoteIds: ['schutyser-vision'],
  },
  reads: { products: true },
  check(ctx) {
    for (const p of ctx.model.products) {
      if (p.domains.length >= 2 && !p.vision?.trim()) {
        ctx.report(p.key, `Product '${p.id}' has ${p.domains.length} domains but no vision to set the boundaries between them.`, { product: p.id });
      }
    }
  },
  fixes(problem, analysis) {
    const p = findProduct(analysis.model, problem.data.product);
    if (!p?.map) return [];
    // An empty value for the user to fill in: the tool writes no vision of its own (and no TODO text).
    return [{ title: 'Add a product vision', edits: setMapProperty(analysis, p.map, 'vision', '', ['name']), kind: 'suggestion' }];
  },
});
