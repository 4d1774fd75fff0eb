import { analyze, getFixes, applyEdits } from '../server/src/engine';
const texts = [`version: 1
organization: { name: Acme, stance: combined }
people:
  bob: { name: Bob }
products:
  p:
    name: P
    owner: bob
    domains:
      d0:
        teams: [core]
teams:
  &corea core:
    members: [bob]
`, `version: 1
organization: { name: Acme, stance: combined }
people:
  bob: { name: Bob }
products:
  p:
    name: P
    owner: bob
    domains:
      d0:
        teams: [core]
teams:
  ? core:
    members: [bob]
`];
for (const t of texts) {
const a = analyze(t, { today: '2026-06-01' });
for (const p of a.problems) { console.log(p.ruleId, p.message); for (const f of getFixes(a, p)) if (f.title.startsWith('Add team')) console.log(applyEdits(t, f.edits)); }
}
