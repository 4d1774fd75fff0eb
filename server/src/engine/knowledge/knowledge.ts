// The experts' positions, quoted from the five seed articles in
// ../shared/seeds/. Hovers, diagnostics and the rule pages draw from here so
// that every claim the product makes points back at someone who said it.
//
// Every `text` is verbatim from its seed: only typographic quotes and dashes
// may differ (and whitespace runs), which test/knowledge.test.ts checks. Cut a
// quote at a sentence or clause boundary; never edit inside it.

import type { Stance } from '../types';

export interface Source {
  /** Seed file name, e.g. '000_afd94fb3940db4b8.txt'. */
  seed: string;
  /** The article's title as SPEC.md gives it, or a label for an article whose seed gives no title. */
  article: string;
  /** The seed gives no title: `article` is our label for it and is not put in quotation marks. */
  untitled?: boolean;
  /** The article's author as given. */
  author: string;
  /** How the rule index (docs/rules/README.md) names the article, e.g. "000 (Schutyser)". */
  label: string;
  year?: number;
}

export type Topic =
  | 'product-manager'
  | 'product-owner'
  | 'owner'
  | 'scrum-master'
  | 'single-owner'
  | 'backlog'
  | 'decision-authority'
  | 'vision'
  | 'overload'
  | 'team-domain'
  | 'customer-contact'
  | 'core-team'
  | 'outcomes'
  | 'role-split'
  | 'stage'
  | 'lifecycle'
  | 'framework';

export interface Quote {
  id: string;
  /** Verbatim from the seed. */
  text: string;
  /** Who said it; equals `source.author` when the article's author speaks. */
  speaker: string;
  source: Source;
  topics: Topic[];
  /**
   * The stance this quote supports, if any. A tagged quote is shown only where
   * every stance is shown side by side (the role-split finding and the stance
   * value hovers, SPEC section 5); everywhere else only untagged quotes.
   */
  stance?: Stance;
  /** The speaker wrote a reply or comment under the article rather than being quoted in it. */
  reply?: boolean;
}

export const SOURCES = {
  schutyser: {
    seed: '000_afd94fb3940db4b8.txt',
    article: 'Your product manager should be facing inward AND outward',
    author: 'Stijn Schutyser',
    label: 'Schutyser',
    year: 2018,
  },
  runyan: {
    seed: '001_236220712318ff3c.txt',
    article: 'Product Owner OR Product Manager?',
    author: 'Kristin Runyan',
    label: 'Runyan',
  },
  technicalPm: {
    seed: '002_737c81125a87b4e1.txt',
    article: 'Oh, So You Are a Product Owner Then?!',
    // Charles Humble contributed to the article; the first-person lines are the (Technical) Product Manager's (SPEC 5).
    author: 'a (Technical) Product Manager',
    label: 'a Technical PM',
    year: 2022,
  },
  productboard: {
    seed: '003_ac3b7604d2ffb3c6.txt',
    article: 'Product owner vs. product manager',
    untitled: true,
    author: 'Productboard',
    label: 'Productboard',
  },
  aaron: {
    seed: '004_2c53fa25eaf0eed7.txt',
    article: 'Product Owner or Product Manager?',
    author: 'Aaron',
    label: 'Aaron',
    year: 2017,
  },
} as const satisfies Record<string, Source>;

const S = SOURCES;
const TPM = S.technicalPm.author;

export const QUOTES: readonly Quote[] = [
  // ---- 000: Stijn Schutyser, 2018 (combined) ----
  {
    id: 'schutyser-no-clear-owner',
    text: 'With split responsibilities, there is often no clear owner of the product. Neither person acts or feels fully responsible for the product.',
    speaker: 'Stijn Schutyser',
    source: S.schutyser,
    topics: ['role-split', 'owner', 'single-owner'],
    stance: 'combined',
  },
  {
    id: 'schutyser-one-person',
    text: 'To address the above problems, it is better to have only one person responsible for product definition.',
    speaker: 'Stijn Schutyser',
    source: S.schutyser,
    topics: ['single-owner', 'role-split', 'product-manager'],
    stance: 'combined',
  },
  {
    id: 'schutyser-two-roles',
    text: 'Two roles, one person.',
    speaker: 'Stijn Schutyser',
    source: S.schutyser,
    topics: ['role-split'],
    stance: 'combined',
  },
  {
    id: 'schutyser-two-roles-one-person',
    text: 'Two roles, one person. There is only one person responsible for the product, which minimizes the handovers and shortens the distance between development and user.',
    speaker: 'Stijn Schutyser',
    source: S.schutyser,
    topics: ['role-split', 'single-owner', 'product-manager'],
    stance: 'combined',
  },
  {
    id: 'schutyser-outward-role',
    text: 'The outward-facing role is market-facing. Someone in this role speaks to the customers and users, investigates market opportunities and defines high level requirements for the product.',
    speaker: 'Stijn Schutyser',
    source: S.schutyser,
    topics: ['product-manager', 'customer-contact'],
  },
  {
    id: 'schutyser-inward-role',
    text: 'The inward-facing role is development-facing. Someone in this role manages the development backlog for a (Scrum) software development team and defines and prioritizes the detailed product requirements.',
    speaker: 'Stijn Schutyser',
    source: S.schutyser,
    topics: ['product-owner', 'backlog'],
  },
  {
    id: 'schutyser-distance',
    text: 'There is more distance between the actual development team and the user. The development team makes hundreds of decisions concerning the product every week. Without a deep understanding of the customer and the user, these decisions can never be well-informed.',
    speaker: 'Stijn Schutyser',
    source: S.schutyser,
    topics: ['customer-contact', 'role-split'],
    stance: 'combined',
  },
  {
    id: 'schutyser-extra-hop',
    text: 'It introduces an extra communication hop: from user to outward-facing to inward-facing to the development team.',
    speaker: 'Stijn Schutyser',
    source: S.schutyser,
    topics: ['role-split', 'customer-contact'],
    stance: 'combined',
  },
  {
    id: 'brandolini-misinterpretation',
    text: 'It is not the managers interpretation that is put into production, it is the developers misinterpretation that is put into production.',
    speaker: 'Alberto Brandolini',
    source: S.schutyser,
    topics: ['role-split', 'customer-contact'],
    stance: 'combined',
  },
  {
    id: 'perri-role-vs-job',
    text: 'Product Owner is a role you take up in a Scrum team, Product Management is the job.',
    speaker: 'Melissa Perri',
    source: S.schutyser,
    topics: ['role-split', 'product-owner', 'product-manager'],
    stance: 'combined',
  },
  {
    id: 'cagan-someone',
    text: 'What has not changed is my overarching belief that behind every great product, there is someone, usually someone behind the scenes, working tirelessly, that is playing this critical role.',
    speaker: 'Marty Cagan',
    source: S.schutyser,
    topics: ['role-split', 'owner'],
    stance: 'combined',
  },
  {
    id: 'cagan-title',
    text: 'The title is not important; the work they do is.',
    speaker: 'Marty Cagan',
    source: S.schutyser,
    topics: ['role-split'],
    stance: 'combined',
  },
  {
    id: 'schutyser-duplicate',
    text: 'Duplicate the Product Manager. In stead of having a broad-scope outward-facing person and a broad-scope inward-facing person: have two Product Managers, each focussing on a more narrow domain within the product space.',
    speaker: 'Stijn Schutyser',
    source: S.schutyser,
    topics: ['role-split', 'overload', 'team-domain', 'product-manager'],
    stance: 'combined',
  },
  {
    id: 'schutyser-own-domain',
    text: 'Each Product Manager is responsible for their part of the domain: outward- and inward facing, high- and detailed level.',
    speaker: 'Stijn Schutyser',
    source: S.schutyser,
    topics: ['owner', 'product-manager', 'role-split'],
    stance: 'combined',
  },
  {
    id: 'schutyser-ddd',
    text: "Generally, splitting your product space into different (sub-) domains and having (separate) teams responsible for each domain is a good idea. These are lessons learned from Domain Driven Design (DDD), the Spotify Model and Conway's Law.",
    speaker: 'Stijn Schutyser',
    source: S.schutyser,
    topics: ['team-domain'],
  },
  {
    id: 'schutyser-vision',
    text: 'you still need an overall product vision for the entire product to set the boundaries within each problem domain.',
    speaker: 'Stijn Schutyser',
    source: S.schutyser,
    topics: ['vision'],
  },
  {
    id: 'schutyser-core-team',
    text: 'Build yourself a Core Product Team consisting of the necessary experts: technology, UX and business. Assign the discovery and development work across the team members.',
    speaker: 'Stijn Schutyser',
    source: S.schutyser,
    topics: ['core-team', 'overload'],
  },
  {
    id: 'patton-superhero',
    text: 'A good product owner is a business advocate, a customer advocate, a subject matter expert, a user experience expert, an engineer, a top notch communicator, and a visionary leader. That sounds like a bit of superhero to me. In the absence of a superhero, you’ll need to build skills, to build a team with skills.',
    speaker: 'Jeff Patton',
    source: S.schutyser,
    // About one product owner's skills: it backs core-team, not a count of domains (SPEC 5).
    topics: ['core-team', 'product-owner'],
  },
  {
    id: 'schutyser-one-person-sub-domain',
    text: 'Have one person responsible for both roles, within the boundaries of their own sub-domain.',
    speaker: 'Stijn Schutyser',
    source: S.schutyser,
    topics: ['role-split'],
    stance: 'combined',
  },
  {
    id: 'schutyser-conclusion',
    text: 'Have one person responsible for both roles, within the boundaries of their own sub-domain. If necessary, duplicate your product manager. Minimize the handovers, shorten the distance between development and user, and have a person who is clearly responsible for the product (domain): high- and detailed level.',
    speaker: 'Stijn Schutyser',
    source: S.schutyser,
    topics: ['role-split', 'single-owner', 'owner'],
    stance: 'combined',
  },

  // ---- 001: Kristin Runyan (separated), replies ----
  {
    id: 'runyan-answer-is-no',
    text: 'After spending nearly three years combining the role, I have now come to the conclusion that the answer is no.',
    speaker: 'Kristin Runyan',
    source: S.runyan,
    topics: ['role-split'],
    stance: 'separated',
  },
  {
    id: 'runyan-or',
    text: 'It is an “or” – you are either a Product Owner OR a Product Manager.',
    speaker: 'Kristin Runyan',
    source: S.runyan,
    topics: ['role-split', 'product-owner', 'product-manager'],
    stance: 'separated',
  },
  {
    id: 'runyan-counter-productive',
    text: 'Now, that is not to say that one cannot grow from one role to the other, but trying to perform both functions at the same time can be counter-productive.',
    speaker: 'Kristin Runyan',
    source: S.runyan,
    topics: ['role-split', 'overload'],
    stance: 'separated',
  },
  {
    id: 'runyan-po-inward',
    text: 'The Product Owner needs to be inwardly focused and their highest priority is the success of the Scrum team that they are working with.',
    speaker: 'Kristin Runyan',
    source: S.runyan,
    topics: ['product-owner'],
    stance: 'separated',
  },
  {
    id: 'runyan-pm-outward',
    text: 'The Product Manager, on the other hand, needs to be outwardly facing.  The product manager is responsible for conducting client interviews, evaluating market trends and reviewing competitive activity.',
    speaker: 'Kristin Runyan',
    source: S.runyan,
    topics: ['product-manager', 'customer-contact'],
    stance: 'separated',
  },
  {
    id: 'runyan-pm-client-interviews',
    text: 'The product manager is responsible for conducting client interviews, evaluating market trends and reviewing competitive activity.',
    speaker: 'Kristin Runyan',
    source: S.runyan,
    topics: ['product-manager', 'customer-contact'],
  },
  {
    id: 'pragmatic-not-in-building',
    text: 'The answer to most of your questions is not in the building.',
    speaker: 'Pragmatic Marketing',
    source: S.runyan,
    topics: ['customer-contact', 'product-manager'],
  },
  {
    id: 'runyan-strategic-vision',
    text: 'By contrast, the Product Manager needs to be dialed into the strategic vision for the product and perhaps the portfolio of products.',
    speaker: 'Kristin Runyan',
    source: S.runyan,
    topics: ['vision', 'product-manager'],
    stance: 'separated',
  },
  {
    id: 'runyan-po-user-community',
    text: 'The Product Owner might be deeply engaged with the user community of the software and discuss, in detail, the priorities of upcoming functionality.',
    speaker: 'Kristin Runyan',
    source: S.runyan,
    topics: ['customer-contact', 'product-owner', 'backlog'],
    stance: 'separated',
  },
  {
    id: 'runyan-separating',
    text: 'By separating the roles between the Product Owner and the Product Manager, you can position both for success and create something to be proud of.',
    speaker: 'Kristin Runyan',
    source: S.runyan,
    topics: ['role-split'],
    stance: 'separated',
  },
  {
    id: 'luzum-two-individuals',
    text: 'I like the separation of the two roles, and I agree they should be held by two different individuals.',
    speaker: 'Jeff Luzum',
    source: S.runyan,
    topics: ['role-split'],
    stance: 'separated',
    reply: true,
  },
  {
    id: 'peltier-staffing',
    text: 'I definitely think this is a challenge in many organizations, especially ones where staffing levels do not allow for multiple individuals',
    speaker: 'John Peltier',
    source: S.runyan,
    topics: ['stage', 'role-split'],
    stance: 'contextual',
    reply: true,
  },
  {
    id: 'peltier-life-cycle',
    text: 'Part of the challenge with this conversation is that the demands on the product manager change over the life cycle of a product.',
    speaker: 'John Peltier',
    source: S.runyan,
    topics: ['lifecycle', 'role-split', 'product-manager'],
    stance: 'contextual',
    reply: true,
  },
  {
    id: 'peltier-v1',
    text: 'I’ve previously suggested that during initial development of a v1 product, in order to ensure the solution really hits the mark by getting *and responding to* regular input from prospective customers, the role should be a single person.',
    speaker: 'John Peltier',
    source: S.runyan,
    topics: ['lifecycle', 'role-split', 'customer-contact'],
    stance: 'contextual',
    reply: true,
  },
  {
    id: 'peltier-after-release',
    text: 'Upon release, once the solution has a basic shape, the product manager can leverage a development-focused product owner to spend more time in the market.',
    speaker: 'John Peltier',
    source: S.runyan,
    topics: ['lifecycle', 'role-split', 'product-owner'],
    stance: 'contextual',
    reply: true,
  },
  {
    id: 'peltier-scrum-shared-role',
    text: 'I also think that Scrum itself makes this shared role difficult to pull off well.',
    speaker: 'John Peltier',
    source: S.runyan,
    topics: ['framework', 'role-split'],
    reply: true,
    stance: 'contextual',
  },
  {
    id: 'peltier-scrumban',
    text: 'Moving to Scrumban is one way to lessen the administrative burden on the product owner, allowing a more favorable balance of time with customers/marketing/sales/etc. vs. time with the development team.',
    speaker: 'John Peltier',
    source: S.runyan,
    topics: ['framework', 'role-split'],
    stance: 'contextual',
    reply: true,
  },
  {
    id: 'reader-special-person',
    text: 'Trying to do it all requires a special person that is not easily found. I have seen it combined with success once, but I wouldn’t bank on it.',
    speaker: 'a reader',
    source: S.runyan,
    topics: ['overload', 'role-split'],
    reply: true,
    stance: 'separated',
  },

  // ---- 002: a (Technical) Product Manager, with Charles Humble, 2022 (contextual) ----
  {
    id: 'tpm-coexist',
    text: 'However, depending on the size and maturity of the business, the development framework in use, and/or the kind of product offered to users, the two roles can coexist, overlap, or be mutually exclusive.',
    speaker: TPM,
    source: S.technicalPm,
    topics: ['role-split', 'stage', 'lifecycle', 'framework'],
    stance: 'contextual',
  },
  {
    id: 'tpm-flexibility',
    text: 'The key element really is flexibility.',
    speaker: TPM,
    source: S.technicalPm,
    topics: ['role-split', 'stage'],
    stance: 'contextual',
  },
  {
    id: 'tpm-startups',
    text: 'In startups, due to the early stage of the product life cycle, necessity for a quick go to market strategy and other factors, the product manager role is the most common.',
    speaker: TPM,
    source: S.technicalPm,
    topics: ['stage', 'lifecycle', 'product-manager'],
    stance: 'contextual',
  },
  {
    id: 'tpm-scale-ups',
    text: 'In scale-ups, due to the necessity of expansion and growth, product management roles are still more common, and we often have many of them, maybe lead by a Head of Product.',
    speaker: TPM,
    source: S.technicalPm,
    topics: ['stage', 'product-manager'],
    stance: 'contextual',
  },
  {
    id: 'tpm-larger-organisations',
    text: 'In larger organisations or multinational companies, product professionals cover the whole spectrum and it really gets down to the structures and internal departments, but product owners definitely play a pivotal role within product teams.',
    speaker: TPM,
    source: S.technicalPm,
    topics: ['stage', 'product-owner'],
    stance: 'contextual',
  },
  {
    id: 'tpm-pm-external',
    text: 'Often, the focus of product managers is defined as external, as they set the long-term strategy based on market research and customer needs. Product managers are also known as wearers of multiple hats.',
    speaker: TPM,
    source: S.technicalPm,
    topics: ['product-manager', 'vision'],
  },
  {
    id: 'tpm-po-internal',
    text: 'On the other hand, the focus of product owners is defined as internal, as they implement requirements and oversee the development process. Product owners are also known as product specialists.',
    speaker: TPM,
    source: S.technicalPm,
    topics: ['product-owner'],
  },
  {
    id: 'tpm-po-owns-backlog',
    text: 'By being an expert in the field, a problem solver and a tactical player, the product owner owns the product backlog, writes and refines user stories, prioritises tasks within the backlog, defines acceptance criteria, participates in story acceptance to make sure they deliver business value and, overall, works closely with the development team participating in all Agile ceremonies.',
    speaker: TPM,
    source: S.technicalPm,
    topics: ['product-owner', 'backlog'],
  },
  {
    id: 'tpm-every-role-customers',
    text: 'I also wholeheartedly agree with Perri on the importance for every product role of speaking with customers/users. Requirements should not just be cascaded from top to bottom.',
    speaker: TPM,
    source: S.technicalPm,
    topics: ['customer-contact'],
  },

  // ---- 003: Productboard (outcomes-first), quoting Rosemary King and the Scrum Guide ----
  {
    id: 'productboard-sole-backlog-owner',
    text: 'The product owner is the sole person responsible for backlog grooming.',
    speaker: 'Productboard',
    source: S.productboard,
    topics: ['backlog', 'product-owner', 'single-owner'],
  },
  {
    id: 'productboard-debate',
    text: 'With so much debate over the roles of the product owner and the product manager, it’s finally time to unpack these questions in detail.',
    speaker: 'Productboard',
    source: S.productboard,
    topics: ['role-split'],
  },
  {
    id: 'productboard-po-responsibilities',
    text: 'The product owner is responsible for maximizing the value of the product by creating and managing the product backlog. This person creates user stories for the development team and communicates the voice of the customer in the Scrum process.',
    speaker: 'Productboard',
    source: S.productboard,
    topics: ['product-owner', 'backlog', 'customer-contact'],
  },
  {
    id: 'scrum-guide-po',
    text: 'Product Owner is responsible for maximizing the value of the product resulting from the work of the Development Team.',
    speaker: 'the Scrum Guide',
    source: S.productboard,
    topics: ['product-owner', 'backlog'],
  },
  {
    id: 'productboard-pm-responsibilities',
    text: 'The product manager discovers what users need, prioritizes what to build next, and rallies the team around a product roadmap.',
    speaker: 'Productboard',
    source: S.productboard,
    topics: ['product-manager'],
  },
  {
    id: 'productboard-pm-accountable',
    text: 'While the product manager has a highly strategic role and is accountable for the whole product lifecycle, the role of the product owner entails a more narrow focus and closer work with the development team.',
    speaker: 'Productboard',
    source: S.productboard,
    topics: ['owner', 'product-manager', 'product-owner'],
  },
  {
    id: 'productboard-pm-holistic',
    text: 'The product manager is a holistic, high-level role with responsibilities that encompass the entire product lifecycle — from customer discovery to product delivery.',
    speaker: 'Productboard',
    source: S.productboard,
    topics: ['product-manager', 'lifecycle'],
  },
  {
    id: 'productboard-pm-visionary',
    text: 'A good product manager is expected to be a customer spokesman, product visionary, team champion, and a strategic leader.',
    speaker: 'Productboard',
    source: S.productboard,
    topics: ['product-manager', 'vision', 'customer-contact'],
  },
  {
    id: 'productboard-customer-facing',
    text: 'The role of the product manager is, among other things, customer-facing. Conversely, the product owner works primarily with the production team to ensure that development processes align with the product roadmap.',
    speaker: 'Productboard',
    source: S.productboard,
    topics: ['customer-contact', 'product-manager', 'product-owner'],
  },
  {
    id: 'productboard-many-factors',
    text: 'Defining a product owner vs. a product manager can be challenging as many factors influence how these roles operate from company to company. The maturity of the product, size of the organization, departmental structures, adoption of scrum and agile practices, and company philosophy are just a few examples.',
    speaker: 'Productboard',
    source: S.productboard,
    topics: ['stage', 'lifecycle', 'role-split'],
    stance: 'contextual',
  },
  {
    id: 'productboard-outcomes-not-titles',
    text: 'To make this decision, the company must focus on outcomes, not titles.',
    speaker: 'Productboard',
    source: S.productboard,
    topics: ['outcomes', 'role-split'],
    stance: 'outcomes-first',
  },
  {
    id: 'king-titles',
    text: 'Titles are not as important as understanding the outcomes that you would like to achieve, and the weaknesses in your current structure and process.',
    speaker: 'Rosemary King',
    source: S.productboard,
    topics: ['outcomes', 'role-split'],
    stance: 'outcomes-first',
  },
  {
    id: 'king-questions',
    text: '“Who is currently doing what right now?” “What are the main challenges of the key players?” “What is your process for making decisions?” “What does success look like?”',
    speaker: 'Rosemary King',
    source: S.productboard,
    topics: ['outcomes', 'decision-authority'],
    stance: 'outcomes-first',
  },

  // ---- 004: Aaron, Taking the Plunge blog, 2017 ----
  {
    id: 'aaron-csm-coaches-cspo',
    text: 'One of the points from the CSPO class I attended, last year, that stood out to me more than anything else, was when the instructor told us that one of the roles of the CSM is to coach the CSPO and make sure the CSPO is fulfilling his or her role.',
    speaker: 'Aaron',
    source: S.aaron,
    topics: ['scrum-master', 'product-owner'],
  },
  {
    id: 'aaron-csm-doubt',
    text: 'My question to the instructor was, "How can the CSM coach the CSPO on things the CSM is not taught?"',
    speaker: 'Aaron',
    source: S.aaron,
    topics: ['scrum-master'],
  },
  {
    id: 'aaron-po-most-important',
    text: 'I’ve come to realize that the Product Owner is the most important role on the team',
    speaker: 'Aaron',
    source: S.aaron,
    topics: ['product-owner'],
  },
  {
    id: 'aaron-difficult-both',
    text: 'Your company might not treat them like there is, but I’m learning that there is enough difference in the roles that it is difficult when one person is expected to do both, when both are required.',
    speaker: 'Aaron',
    source: S.aaron,
    topics: ['role-split'],
    stance: 'separated',
  },
  {
    id: 'aaron-focus',
    text: 'The simplest way to put it is that the Product Manager is externally focused, getting funding for product development and working closely with customers, while the Product Owner has an internal focus, creating user stories and supporting the development team.',
    speaker: 'Aaron',
    source: S.aaron,
    topics: ['product-manager', 'product-owner', 'customer-contact'],
  },
  {
    id: 'aaron-scrummaster-pm',
    text: 'When I attempt to look at this situation as a ScrumMaster, I have to wonder, does this mean that I am also expected to understand the Product Manager role?',
    speaker: 'Aaron',
    source: S.aaron,
    topics: ['scrum-master'],
  },
  {
    id: 'aaron-empowered',
    text: 'However your organization is organized, make sure that your Product Owner/Product Manager is empowered to make product decisions.',
    speaker: 'Aaron',
    source: S.aaron,
    topics: ['decision-authority'],
  },
  {
    id: 'aaron-questions-back',
    text: 'How effective would sprint planning or backlog review be if your Product Owner had to take a list of questions back to someone else to get answers or approval to changes?',
    speaker: 'Aaron',
    source: S.aaron,
    topics: ['decision-authority', 'backlog'],
  },
  {
    id: 'aaron-authority',
    text: 'It doesn’t matter if you have separate a Product Owner and Product Manager, or one person filling both roles, as long as the person filling the Product Owner role has the authority to make decisions for the project.',
    speaker: 'Aaron',
    source: S.aaron,
    topics: ['decision-authority', 'role-split', 'product-owner'],
  },
  {
    id: 'aaron-big-job',
    text: 'If your Product Owner is also a Product Manager, recognize that it is a big job and be supportive.',
    speaker: 'Aaron',
    source: S.aaron,
    topics: ['overload', 'role-split'],
  },
  {
    id: 'aaron-po-fails',
    text: 'If the Product Owner fails, the project fails.',
    speaker: 'Aaron',
    source: S.aaron,
    topics: ['product-owner', 'decision-authority'],
  },
  {
    id: 'reader-multitasking',
    text: 'Organizations do assign both responsibilities to a single individual and it puts that person in a very complex situation and multitasking is never a good option as he/ she will lose focus on both the things.',
    speaker: 'a reader',
    source: S.aaron,
    topics: ['overload', 'role-split'],
    stance: 'separated',
    reply: true,
  },
];

const BY_ID: ReadonlyMap<string, Quote> = new Map(QUOTES.map((q) => [q.id, q]));

/** The quote with this id, or undefined. */
export function quoteById(id: string): Quote | undefined {
  return BY_ID.get(id);
}

/** The quotes with these ids, in that order; unknown ids are skipped. */
export function quotesById(ids: readonly string[]): Quote[] {
  return ids.map((id) => BY_ID.get(id)).filter((q): q is Quote => q !== undefined);
}

export function quotesFor(topic: Topic): Quote[] {
  return QUOTES.filter((q) => q.topics.includes(topic));
}

export function quotesForStance(stance: Stance): Quote[] {
  return QUOTES.filter((q) => q.stance === stance);
}

/**
 * SPEC section 5: `— Speaker, "Article" (year)`; `— Speaker, Article label`
 * (no quotation marks) when the seed gives no title; `quoted in Author` when
 * the article's author quotes someone, `replying to Author` for a reader's
 * reply under the post.
 */
export function attribution(q: Quote): string {
  const { author, article, year, untitled } = q.source as Source;
  const who = q.speaker === author ? author : `${q.speaker}, ${q.reply ? 'replying to' : 'quoted in'} ${author}`;
  const title = untitled ? article : `"${article}"`;
  return `— ${who}, ${title}${year !== undefined ? ` (${year})` : ''}`;
}

/** The quote as a markdown blockquote with its attribution. */
export function formatQuote(q: Quote): string {
  return `> ${q.text}\n>\n> ${attribution(q)}`;
}

/** What each role key means, in our words, and who says so (untagged quotes only: no stance's argument). */
export const ROLES: Record<'productManager' | 'productOwner' | 'owner' | 'scrumMaster', { title: string; summary: string; quoteIds: string[] }> = {
  productManager: {
    title: 'Product manager',
    summary:
      'The outward-facing role: talks to customers and the market, sets the strategy and decides what to build next and why. Whether the same person also runs the backlog of the domain is what the stances disagree on (see `organization.stance`).',
    quoteIds: ['schutyser-outward-role', 'productboard-pm-responsibilities'],
  },
  productOwner: {
    title: 'Product owner',
    summary:
      "The inward-facing role from Scrum: owns and orders the domain's backlog and works day to day with the development team. There is one per backlog, and they must be able to decide without asking someone else. With no `productOwner`, the domain's product manager holds this role too.",
    quoteIds: ['schutyser-inward-role', 'productboard-sole-backlog-owner', 'aaron-authority'],
  },
  owner: {
    title: 'Accountable owner',
    summary:
      "The one person who is answerable for the product or domain as a whole. For a domain it defaults to the product manager, and with no product manager to its sole product owner; a product with one domain takes that domain's owner. No article argues for several owners.",
    quoteIds: ['productboard-pm-accountable'],
  },
  scrumMaster: {
    title: 'Scrum master',
    summary:
      "Serves the team and its Scrum process. Aaron reports being taught that the scrum master coaches the product owner, and then questions how; from that the `scrum-master-not-product-owner` rule infers, as information only, that a team's scrum master should not also be the product owner it would coach.",
    quoteIds: ['aaron-csm-coaches-cspo', 'aaron-csm-doubt'],
  },
};

/**
 * The four schools of thought on who holds the PM and PO roles of a domain,
 * each with the strongest quote of its champions (SPEC section 1).
 */
export const STANCE_INFO: Record<Stance, { label: string; summary: string; rules: string; quoteId: string }> = {
  combined: {
    label: 'Combined: one person per domain',
    summary:
      'The outward-facing product manager and the inward-facing product owner of a domain should be the same person, so there is one clear owner and no extra hand-over between the customer and the team. When that is too much work, split the product into narrower domains, each with its own product manager, rather than splitting the roles.',
    rules:
      'role-split warns when a domain has a product owner who is not its product manager. Fixes: "Make <pm> the product owner too" and "Make <po> the product manager too".',
    quoteId: 'schutyser-one-person-sub-domain',
  },
  separated: {
    label: 'Separated: two people per domain',
    summary:
      'Product manager and product owner are different jobs with a different focus (the market and strategy versus the team and the sprint); trying to do both at once can be counter-productive. Each domain should have two people in these roles.',
    rules:
      'role-split warns when one person is both product manager and product owner of a domain, including a domain with no productOwner (its product manager then holds both roles). Fixes: "Hand the product owner role to <id>" for each team member without a product role, and "Add a product owner placeholder".',
    quoteId: 'runyan-separating',
  },
  contextual: {
    label: 'Contextual: it depends on lifecycle, stage and framework',
    summary:
      "Whether the roles coexist, overlap or are held apart depends on the organisation's size and maturity, the framework in use and the kind of product. The rules follow John Peltier's two pieces of advice: one person while a v1 product is first developed, and that Scrum makes the shared role hard.",
    rules:
      "role-split warns when a v1 product's domain has a product owner who is not its product manager, and gives an info when one person holds both roles of a product past v1 under framework scrum (or safe, read as scrum). Nothing else fires: the stage and a growth or mature lifecycle describe, they do not advise.",
    quoteId: 'tpm-coexist',
  },
  'outcomes-first': {
    label: "Outcomes first: don't police titles",
    summary:
      'Who carries which title matters less than being clear about the outcomes a domain should achieve and who is doing what today. Make the outcomes explicit and let the team arrange the roles around them.',
    rules: 'role-split never fires; outcomes-defined is raised from info to warning, so every domain is asked to state its outcomes.',
    quoteId: 'king-titles',
  },
};

/** Aaron's note, which holds under every stance (SPEC section 1). */
export const EVERY_STANCE_NOTE_ID = 'aaron-authority';

/**
 * Why role-split fired, and the quote that says so: the stance itself under
 * combined and separated, or the reason the contextual stance applied.
 */
export type RoleSplitReason = 'combined' | 'separated' | 'v1' | 'scrum';

export const ROLE_SPLIT_REASONS: Record<RoleSplitReason, { stance: Stance; quoteIds: string[]; words: string }> = {
  combined: {
    stance: 'combined',
    quoteIds: ['schutyser-one-person-sub-domain'],
    words: 'Schutyser: "Have one person responsible for both roles, within the boundaries of their own sub-domain."',
  },
  separated: {
    stance: 'separated',
    quoteIds: ['runyan-separating'],
    words:
      'Runyan: "By separating the roles between the Product Owner and the Product Manager, you can position both for success and create something to be proud of."',
  },
  // Peltier's advice, the only advice the contextual stance gives (SPEC 3, revision 3); the stance's own thesis follows it.
  v1: {
    stance: 'contextual',
    quoteIds: ['peltier-v1', 'tpm-coexist'],
    words: 'Peltier: during initial development of a v1 product "the role should be a single person"',
  },
  scrum: {
    stance: 'contextual',
    quoteIds: ['peltier-scrum-shared-role', 'tpm-coexist'],
    words:
      'Peltier: "Scrum itself makes this shared role difficult to pull off well." and "Moving to Scrumban is one way to lessen the administrative burden on the product owner"',
  },
};

/** What the rules do under a value of `organization.stage`, `products.*.lifecycle` or `organization.framework`, in plain words. */
export interface SettingInfo {
  summary: string;
  rules: string;
}

const NOT_ADVICE =
  'The stage describes the organisation and role-split does not read it, under any stance: 002 describes what is common in startups, scale-ups and larger organisations, it does not say what to do.';

/** The organisation's stage (`organization.stage`). Under revision 3 no rule reads it for role-split. */
export const STAGE_INFO: Record<'startup' | 'scaleup' | 'enterprise', SettingInfo> = {
  startup: {
    summary: 'An early organisation moving fast to market, with few people to spread the product work across.',
    rules: `${NOT_ADVICE} overloaded-person reports at most an info at a startup.`,
  },
  scaleup: {
    summary: 'A growing organisation with several product managers. This is the default stage.',
    rules: NOT_ADVICE,
  },
  enterprise: {
    summary: 'A large organisation with structures and departments of its own.',
    rules: NOT_ADVICE,
  },
};

/** Where a product is in its life (`products.*.lifecycle`), which the contextual stance reads for v1 only. */
export const LIFECYCLE_INFO: Record<'v1' | 'growth' | 'mature', SettingInfo> = {
  v1: {
    summary: 'The initial development of a first version, before its release.',
    rules:
      "Under the contextual stance, role-split warns when a domain of this product has a product owner who is not its product manager (John Peltier's advice: during initial development of a v1 product the role should be a single person). Under the other stances the lifecycle changes nothing.",
  },
  growth: {
    summary: 'Released and growing. This is the default lifecycle.',
    rules:
      'This describes the product, and role-split does not read it. Peltier writes that upon release the product manager can leverage a development-focused product owner: that permits a second person, it does not require one.',
  },
  mature: {
    summary: 'Released long ago, with a settled shape.',
    rules:
      'This describes the product, and role-split does not read it. Peltier writes that upon release the product manager can leverage a development-focused product owner: that permits a second person, it does not require one.',
  },
};

const NO_FRAMEWORK_REASON =
  'The framework adds no reason for role-split to fire. Under the contextual stance only a v1 product and Scrum (or SAFe, read as Scrum) do; under the other stances the framework changes nothing.';

/** The development framework (`organization.framework`), which the contextual stance reads. */
export const FRAMEWORK_INFO: Record<'scrum' | 'kanban' | 'scrumban' | 'safe' | 'other', SettingInfo> = {
  scrum: {
    summary: 'Scrum, with its product owner role and its ceremonies.',
    rules:
      "Under the contextual stance, role-split reports one person as both product manager and product owner of a domain (of a product past v1) as an info: John Peltier's advice that Scrum makes the shared role hard to do well. Under the other stances the framework changes nothing.",
  },
  kanban: {
    summary: 'Kanban: a continuous flow of work without sprints.',
    rules: NO_FRAMEWORK_REASON,
  },
  scrumban: {
    summary: "Scrumban: Scrum's roles with Kanban's flow, which lessens the product owner's administrative load.",
    rules: NO_FRAMEWORK_REASON,
  },
  safe: {
    summary: 'SAFe: product owners per team inside a release train, product management at the train level.',
    rules:
      "Read as scrum, which is the tool's inference: Peltier wrote about Scrum, SAFe's teams run Scrum, and no article mentions SAFe. Under the contextual stance, role-split then reports one person as both product manager and product owner of a domain as an info. single-backlog-owner's message points to one domain per team backlog. Under the other stances the framework changes nothing for role-split.",
  },
  other: {
    summary: 'Another way of working, or a mix.',
    rules: NO_FRAMEWORK_REASON,
  },
};
