// Inline documents for the protocol tests: one clean file and small variants
// of it, each made by replacing one line so a test can say exactly which
// lines a fix may touch.

/** A file with no findings under the combined stance; every comment in it must survive a fix. */
export const CLEAN = `version: 1

# Who we are.
organization:
  name: Acme
  stage: scaleup
  stance: combined   # one person per domain

people:
  alice:
    name: Alice Moreau
    title: Head of Product
    discipline: product
    customerContact: weekly
    decisionAuthority: full
  bob:
    name: Bob Chen
    discipline: product
  carol: { name: Carol Diaz, discipline: technology }
  dan: { name: Dan Ek, discipline: ux }
  erin: { name: Erin Fox, discipline: business }

products:
  payments:
    name: Acme Payments
    vision: Paying should feel effortless.
    owner: alice            # accountable owner
    domains:
      checkout:
        name: Checkout
        productManager: alice
        outcomes:
          - Cut checkout abandonment by 10%   # this quarter
        teams: [checkout-squad]

teams:
  checkout-squad:
    name: Checkout Squad
    scrumMaster: erin
    members: [bob, carol, dan, erin]
`;

/** CLEAN with `from` replaced by `to` (which must occur exactly once). */
export function variant(from: string, to: string, base = CLEAN): string {
  const i = base.indexOf(from);
  if (i < 0 || base.indexOf(from, i + 1) >= 0) throw new Error(`'${from}' must occur exactly once`);
  return base.slice(0, i) + to + base.slice(i + from.length);
}

/** Applies several replacements in turn. */
export function variants(...pairs: [string, string][]): string {
  return pairs.reduce((text, [from, to]) => variant(from, to, text), CLEAN);
}

export function commentsOf(text: string): string[] {
  return text
    .split('\n')
    .filter((l) => /(^|\s)#/.test(l))
    .map((l) => l.slice(l.search(/(^|\s)#/)).trim());
}
