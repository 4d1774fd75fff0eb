// unknown-reference: every person or team id used must be defined.
//   owner: alcie        ->  Change to 'alice' | Add person 'alcie'
import { addSectionEntry, replaceSpanLike } from '../fixes/edits';
import { didYouMean, safeCorrection, Suggester, titleCase } from '../text';
import type { Fix } from '../types';
import type { RefKind } from '../types';
import { defineRule } from './rule';
import { rootNode } from '../syntax/nodes';

/** What a finding carries to its fixes: the unknown id, the closest known ones and the one a bulk fix may write. */
type Data = { id: string; kind: RefKind; candidates: string[]; safe?: string };

// Typing rarely changes the set of ids, so the last suggester per kind (and
// the answers it gave) is kept between analyses: a memo of a pure function.
const lastSuggester = new Map<string, { key: string; suggester: Suggester }>();

function suggesterFor(kind: string, ids: Iterable<string>): Suggester {
  const all = [...ids];
  const key = all.join('\n');
  const last = lastSuggester.get(kind);
  if (last && last.key === key) return last.suggester;
  const suggester = new Suggester(all);
  lastSuggester.set(kind, { key, suggester });
  return suggester;
}

export const unknownReference = defineRule<Data>()({
  id: 'unknown-reference',
  defaultSeverity: 'error',
  description: 'A person or team id that is not defined under `people:` or `teams:`.',
  seeds: [],
  docs: {
    firesWhen: 'An `owner`, `productManager`, `productOwner`, `scrumMaster`, `members` or domain `teams` entry names a person or team id that is not defined.',
  },
  rationale: {
    why: 'A role held by a person or team that is not defined is a role nobody holds.',
    quoteIds: [],
  },
  reads: { people: 'ids', products: true, teams: true },
  check(ctx) {
    const { people, teams } = ctx.model;
    // The same unknown id is often used many times; look its neighbours up once.
    const suggestions = new Map<string, string[]>();
    // One suggester per kind and analysis: building its key joins every id, which must not happen per unknown reference.
    const suggesters = new Map<string, Suggester>();
    // What each list already names, for "the target is not already in the same list".
    let lists: Map<object, Set<string>> | undefined;
    const inSameList = (ref: (typeof ctx.model.refs)[number], id: string): boolean => {
      if (!lists) {
        lists = new Map();
        for (const r of ctx.model.refs) {
          let set = lists.get(r.holder);
          if (!set) lists.set(r.holder, (set = new Set()));
          set.add(`${r.role}\n${r.id}`);
        }
      }
      return lists.get(ref.holder)?.has(`${ref.role}\n${id}`) ?? false;
    };

    for (const ref of ctx.model.refs) {
      const known = ref.kind === 'person' ? people : teams;
      if (known.has(ref.id)) continue;
      const cacheKey = `${ref.kind}:${ref.id}`;
      let candidates = suggestions.get(cacheKey);
      if (!candidates) {
        let suggester = suggesters.get(ref.kind);
        if (!suggester) suggesters.set(ref.kind, (suggester = suggesterFor(ref.kind, known.keys())));
        suggestions.set(cacheKey, (candidates = suggester.suggest(ref.id, 2)));
      }
      // A likely typo, and not a name the same list already holds (`members: [dan, ann]` never becomes [dan, dan]).
      const safe = safeCorrection(ref.id, candidates, (c) => inSameList(ref, c));
      ctx.report(ref, `Unknown ${ref.kind} '${ref.id}': no such id under '${ref.kind === 'person' ? 'people' : 'teams'}:'.${didYouMean(candidates, safe)}`, {
        id: ref.id,
        kind: ref.kind,
        candidates,
        ...(safe ? { safe } : {}),
      });
    }
  },
  fixes(problem, analysis) {
    const id = problem.data.id;
    const kind = problem.data.kind === 'team' ? 'team' : 'person';
    const candidates = problem.data.candidates ?? [];
    const ref = analysis.model.refs.find((r) => r.start === problem.start);
    const fixes: Fix[] = [];
    // One close id that is a likely typo: safely corrected. Several, or a lookalike: the user picks.
    if (ref)
      for (const c of candidates)
        fixes.push({
          title: `Change to '${c}'`,
          edits: [replaceSpanLike(analysis, ref, c)],
          kind: c === problem.data.safe ? 'safe' : 'suggestion',
          isPreferred: c === problem.data.safe || undefined,
        });
    const section = kind === 'person' ? 'people' : 'teams';
    // Adding a person or team is a new fact, never applied in bulk.
    fixes.push({
      title: `Add ${kind} '${id}'`,
      edits: addSectionEntry(analysis, rootNode(analysis.doc), section, id, [['name', titleCase(id) || id]]),
      kind: 'suggestion',
    });
    return fixes;
  },
});
