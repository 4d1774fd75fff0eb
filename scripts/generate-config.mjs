#!/usr/bin/env node
// Writes a realistic *.productteam.yaml of about the requested size to stdout.
// Deterministic: the same --lines and --seed always give the same bytes, so
// anyone can reproduce the benchmark (bench/run.mjs) and its findings.
//
//   node scripts/generate-config.mjs --lines 20000 --seed 1 > big.productteam.yaml
//
// The file looks like one a large organisation would keep: people in block and
// flow style, products split into domains, teams with members, comments, quoted
// strings, `x-` keys, and a sprinkling of findings (typos in references, lists
// of owners, a team serving two domains, missing outcomes or vision, unknown
// properties, bad enum values, suppressions with and without `until` dates).

// ---- options ---------------------------------------------------------------------

function parseArgs(argv) {
  const opts = { lines: 1000, seed: 1, stance: 'contextual', stage: 'scaleup' };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const [flag, inline] = a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
    const value = () => inline ?? argv[++i];
    if (flag === '--lines') opts.lines = Number(value());
    else if (flag === '--seed') opts.seed = Number(value());
    else if (flag === '--stance') opts.stance = value();
    else if (flag === '--stage') opts.stage = value();
    else if (flag === '--help' || flag === '-h') {
      process.stdout.write(
        'usage: generate-config.mjs [--lines N] [--seed S] [--stance combined|separated|contextual|outcomes-first] [--stage startup|scaleup|enterprise]\n',
      );
      process.exit(0);
    } else {
      process.stderr.write(`generate-config: unknown argument ${a}\n`);
      process.exit(2);
    }
  }
  if (!Number.isFinite(opts.lines) || opts.lines < 30) {
    process.stderr.write('generate-config: --lines must be a number >= 30\n');
    process.exit(2);
  }
  if (!Number.isInteger(opts.seed)) {
    process.stderr.write('generate-config: --seed must be an integer\n');
    process.exit(2);
  }
  return opts;
}

// ---- seeded PRNG (mulberry32) --------------------------------------------------------

function prng(seed) {
  let a = seed >>> 0 || 0x9e3779b9;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: (xs) => xs[Math.floor(next() * xs.length)],
    chance: (p) => next() < p,
  };
}

// ---- vocabulary ----------------------------------------------------------------------

const FIRST = [
  'alice',
  'bob',
  'carol',
  'dan',
  'erin',
  'farid',
  'grace',
  'hiro',
  'ines',
  'jonas',
  'kemi',
  'lars',
  'maya',
  'nils',
  'olga',
  'pedro',
  'quinn',
  'rosa',
  'sven',
  'tara',
  'umar',
  'vera',
  'wim',
  'xin',
  'yara',
  'zoe',
  'amir',
  'bea',
  'chloe',
  'diego',
  'elif',
  'femi',
  'greta',
  'hugo',
  'ivy',
  'jun',
  'kai',
  'lena',
  'milo',
  'nora',
  'oscar',
  'priya',
  'raj',
  'sara',
  'tomas',
  'uma',
  'vik',
  'wendy',
  'yusuf',
  'zara',
];
const LAST = [
  'moreau',
  'chen',
  'diaz',
  'ek',
  'fox',
  'haddad',
  'hopper',
  'tanaka',
  'silva',
  'berg',
  'adeyemi',
  'larsen',
  'patel',
  'novak',
  'petrova',
  'alvarez',
  'obrien',
  'rossi',
  'svensson',
  'nair',
  'khan',
  'weber',
  'dekker',
  'li',
  'costa',
  'meyer',
  'cohen',
  'kowalski',
  'dubois',
  'garcia',
  'yilmaz',
  'okafor',
  'lindqvist',
  'schmidt',
  'brown',
  'wang',
  'kim',
  'muller',
  'santos',
  'ivanova',
  'jensen',
  'murphy',
  'sato',
  'romero',
  'nguyen',
  'fischer',
  'hansen',
  'lopez',
  'ali',
  'rahman',
];
const TITLES = {
  product: ['Product Manager', 'Senior Product Manager', 'Product Owner', 'Group Product Manager', 'Principal PM'],
  technology: ['Software Engineer', 'Senior Engineer', 'Staff Engineer', 'Engineering Manager', 'SRE'],
  ux: ['Product Designer', 'UX Researcher', 'Content Designer', 'Design Lead'],
  business: ['Business Analyst', 'Commercial Lead', 'Marketing Manager', 'Sales Engineer'],
  data: ['Data Scientist', 'Analytics Engineer', 'Data Analyst'],
  other: ['Agile Coach', 'Scrum Master', 'Delivery Lead'],
};
const PRODUCT_WORDS = [
  'payments',
  'checkout',
  'search',
  'catalog',
  'identity',
  'billing',
  'messaging',
  'analytics',
  'loyalty',
  'logistics',
  'pricing',
  'onboarding',
  'mobile',
  'marketplace',
  'insurance',
  'lending',
  'travel',
  'support',
  'content',
  'ads',
];
const DOMAIN_WORDS = [
  'cart',
  'wallet',
  'refunds',
  'invoices',
  'ranking',
  'indexing',
  'profiles',
  'login',
  'permissions',
  'notifications',
  'inbox',
  'dashboards',
  'reports',
  'rewards',
  'shipping',
  'returns',
  'quotes',
  'discounts',
  'signup',
  'kyc',
  'offline',
  'reviews',
  'sellers',
  'claims',
  'scoring',
  'bookings',
  'tickets',
  'editor',
  'campaigns',
  'fraud',
  'tax',
  'recommendations',
  'feeds',
  'media',
  'subscriptions',
];
const TEAM_WORDS = ['squad', 'crew', 'tribe-a', 'guild', 'pod', 'team', 'cell', 'unit'];
const OUTCOMES = [
  'Cut abandonment by 10%',
  'Raise weekly active users by 15%',
  'Halve time to first value',
  'Reduce support tickets per order by 20%',
  'Lift conversion on mobile to parity with desktop',
  'Answer 90% of searches with a relevant first result',
  'Keep p95 latency under 300 ms',
  'Grow net revenue retention to 110%',
  "Make onboarding self-serve: no 'contact sales' step",
];
const VISIONS = [
  'Paying should feel effortless.',
  'Find anything in two keystrokes.',
  'Every customer knows where their order is.',
  '"Trust by default": no surprises, no fine print.',
  'One account, everywhere.',
  'Sellers grow faster with us than without us.',
];
const COMMENTS = [
  '# TODO: revisit after the Q3 reorg',
  '# Owner confirmed in the last planning session',
  '# see https://wiki.example/teams#structure',
  '# Moved from the legacy org chart',
  '# Keep in sync with the HR system (nightly export)',
];

// ---- model ---------------------------------------------------------------------------

function generate({ lines: target, seed, stance, stage }) {
  const rnd = prng(seed);
  const usedIds = new Set();
  const people = []; // { id, lines: string[] }
  const teams = [];
  const products = [];
  let total = 0;
  const fixedHeader = 24; // header, organization, settings, section keys: close enough for sizing

  const freshId = (base) => {
    let id = base;
    for (let n = 2; usedIds.has(id); n++) id = `${base}-${n}`;
    usedIds.add(id);
    return id;
  };

  const titleCase = (s) =>
    s
      .split('-')
      .map((w) => w[0].toUpperCase() + w.slice(1))
      .join(' ');

  // A person, rendered at once; returns its id.
  const addPerson = (discipline, extra = {}) => {
    const first = rnd.pick(FIRST);
    const last = rnd.pick(LAST);
    const id = freshId(`${first}-${last}`);
    const name = `${titleCase(first)} ${titleCase(last)}`;
    const out = [];
    if (rnd.chance(0.03)) out.push(`  ${rnd.pick(COMMENTS)}`);
    const contact =
      extra.customerContact ??
      (discipline === 'product' ? rnd.pick(['daily', 'weekly', 'weekly', 'monthly']) : rnd.chance(0.3) ? rnd.pick(['monthly', 'rarely']) : undefined);
    const authority = extra.decisionAuthority ?? (discipline === 'product' ? rnd.pick(['full', 'full', 'shared']) : undefined);
    let disc = discipline;
    let badKey;
    if (rnd.chance(0.002)) disc = rnd.pick(['tech', 'design', 'prodcut']); // schema: bad enum value
    if (rnd.chance(0.002)) badKey = rnd.pick(['emial', 'titel', 'dicipline']); // schema: unknown property
    const block = discipline === 'product' || extra.block || rnd.chance(0.55);
    if (!block) {
      const fields = [`name: ${name}`, `discipline: ${disc}`];
      if (contact) fields.push(`customerContact: ${contact}`);
      out.push(`  ${id}: { ${fields.join(', ')} }`);
    } else {
      out.push(`  ${id}:`);
      out.push(rnd.chance(0.1) ? `    name: "${name}"` : `    name: ${name}`);
      if (rnd.chance(0.6)) out.push(`    title: ${rnd.pick(TITLES[discipline])}`);
      if (rnd.chance(0.4)) out.push(`    email: ${first}.${last}@example.com`);
      out.push(`    discipline: ${disc}${rnd.chance(0.05) ? '   # changed team last quarter' : ''}`);
      if (contact) out.push(`    customerContact: ${contact}`);
      if (authority) out.push(`    decisionAuthority: ${authority}`);
      if (badKey) out.push(`    ${badKey}: ${first}@example.com`);
      if (rnd.chance(0.03)) out.push(`    x-hr-id: "${rnd.int(10000, 99999)}"`);
    }
    people.push({ id, lines: out });
    total += out.length;
    return id;
  };

  const typo = (id) => {
    const i = rnd.int(1, id.length - 2);
    return id.slice(0, i) + id[i + 1] + id[i] + id.slice(i + 2);
  };

  const flowOrBlock = (indent, key, ids, forceFlow) => {
    if (forceFlow || ids.length <= 2 || rnd.chance(0.6)) return [`${indent}${key}: [${ids.join(', ')}]`];
    return [`${indent}${key}:`, ...ids.map((x) => `${indent}  - ${x}`)];
  };

  const addTeam = (domainWord, members, scrumMaster) => {
    const id = freshId(`${domainWord}-${rnd.pick(TEAM_WORDS)}`);
    const out = [`  ${id}:`, `    name: ${titleCase(id)}`];
    if (scrumMaster) out.push(`    scrumMaster: ${scrumMaster}`);
    let refs = members;
    if (rnd.chance(0.01)) refs = [...members.slice(0, -1), typo(members[members.length - 1])]; // unknown-reference
    out.push(...flowOrBlock('    ', 'members', refs));
    teams.push({ id, lines: out });
    total += out.length;
    return id;
  };

  /** @type {{ id: string, name: string, domainsLeft: number, domains: object[], owner?: string, lifecycle: string, vision?: string }} */
  let product;
  const startProduct = () => {
    const word = rnd.pick(PRODUCT_WORDS);
    const id = freshId(word);
    product = {
      id,
      name: `${titleCase(word)} ${rnd.pick(['Platform', 'Cloud', 'App', 'Suite', 'Hub'])}`,
      domainsLeft: rnd.int(3, 8),
      domains: [],
      owner: undefined,
      lifecycle: rnd.pick(['v1', 'growth', 'growth', 'growth', 'mature']),
      vision: rnd.chance(0.93) ? rnd.pick(VISIONS) : undefined,
    };
    products.push(product);
    total += 5;
  };

  const productPeople = [];
  while (total + fixedHeader < target) {
    if (!product || product.domainsLeft === 0) startProduct();
    product.domainsLeft--;
    const word = rnd.pick(DOMAIN_WORDS);
    const domainId = freshId(`${product.id}-${word}`);

    // The product people of the domain.
    const pm = rnd.chance(0.05) && productPeople.length > 4 ? productPeople[productPeople.length - 1 - rnd.int(0, 3)] : addPerson('product');
    if (!productPeople.includes(pm)) productPeople.push(pm);
    let po;
    const split = rnd.next();
    if (split < 0.35)
      po = undefined; // no separate PO: the PM holds both roles
    else if (split < 0.45)
      po = pm; // written out explicitly
    else
      po = addPerson('product', {
        decisionAuthority: rnd.chance(0.04) ? 'needs-approval' : undefined,
        customerContact: rnd.chance(0.02) ? 'never' : undefined,
      });
    if (!product.owner) product.owner = pm;

    // Its teams.
    const teamIds = [];
    const teamCount = rnd.chance(0.25) ? 2 : rnd.chance(0.04) ? 0 : 1;
    for (let t = 0; t < teamCount; t++) {
      const members = [];
      const size = rnd.int(4, 7);
      const mix = ['technology', 'technology', 'ux', 'business', 'technology', 'data', 'other'];
      for (let m = 0; m < size; m++) members.push(addPerson(rnd.chance(0.15) && m > 3 ? rnd.pick(['technology', 'data']) : mix[m]));
      const sm = rnd.chance(0.02) && po ? po : rnd.chance(0.8) ? members[rnd.int(0, members.length - 1)] : undefined;
      teamIds.push(addTeam(word, members, sm));
    }
    if (teams.length > 3 && rnd.chance(0.02)) teamIds.push(teams[teams.length - 1 - teamCount - rnd.int(0, 2)]?.id ?? teams[0].id); // team-single-domain
    if (rnd.chance(0.01)) addPerson(rnd.pick(['technology', 'ux', 'business'])); // unused-person

    // The domain, rendered.
    const d = [];
    if (rnd.chance(0.04)) d.push(`      ${rnd.pick(COMMENTS)}`);
    if (rnd.chance(0.01)) d.push('      # productteam-disable-next-line core-team, outcomes-defined -- platform domain, no squad yet until 2030-01-01');
    if (rnd.chance(0.004)) d.push('      # productteam-disable-next-line role-split -- interim arrangement until 2024-06-30');
    d.push(`      ${domainId}:`);
    d.push(`        name: ${titleCase(word)}${rnd.chance(0.05) ? ` (${product.name})` : ''}`);
    d.push(`        productManager: ${rnd.chance(0.01) ? typo(pm) : pm}`);
    if (po !== undefined) {
      const poLine = rnd.chance(0.01) ? `[${po}, ${pm}]` : po; // single-backlog-owner
      d.push(`        productOwner: ${poLine}`);
    }
    if (rnd.chance(0.05)) d.push(`        owner: ${rnd.chance(0.3) ? `[${pm}, ${productPeople[rnd.int(0, productPeople.length - 1)]}]` : pm}`);
    if (rnd.chance(0.9)) {
      const n = rnd.int(1, 3);
      const picked = [];
      for (let i = 0; i < n; i++) picked.push(rnd.pick(OUTCOMES));
      d.push('        outcomes:', ...[...new Set(picked)].map((o) => `          - ${o.includes(':') || o.includes("'") ? JSON.stringify(o) : o}`));
    }
    if (teamIds.length) d.push(...flowOrBlock('        ', 'teams', teamIds, true));
    product.domains.push(d);
    total += d.length;
  }

  // ---- render ----------------------------------------------------------------------
  const o = [];
  o.push(`# Product teams of Example Org ${seed}: generated by scripts/generate-config.mjs --lines ${target} --seed ${seed}`);
  o.push('# productteam-disable customer-contact -- sales-facing roles are tracked in the CRM until 2025-01-01');
  o.push('version: 1', '');
  o.push('organization:', `  name: Example Org ${seed}`, `  stage: ${stage}`, `  stance: ${stance}   # see docs/stances.md`, '  x-cost-center: "CC-1234"', '');
  o.push('settings:', '  maxDomainsPerPerson: 3', '  rules:', '    core-team: info', '    unused-person: hint', '');
  o.push('people:');
  for (const p of people) o.push(...p.lines);
  o.push('', 'products:');
  for (const p of products) {
    if (p.domains.length === 0) continue;
    o.push(`  ${p.id}:`, `    name: ${p.name}`);
    if (p.vision) o.push(`    vision: ${p.vision.includes('"') ? `'${p.vision}'` : p.vision}`);
    o.push(`    lifecycle: ${p.lifecycle}`, `    owner: ${p.owner}`, '    domains:');
    for (const d of p.domains) o.push(...d);
  }
  o.push('', 'teams:');
  for (const t of teams) o.push(...t.lines);
  return o.join('\n') + '\n';
}

const opts = parseArgs(process.argv.slice(2));
process.stdout.write(generate(opts));
