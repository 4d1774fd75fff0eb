// Who someone is and what they hold in the file, in words, for hovers and
// completion. The markdown (escaped user text included) is composed by
// hoverContent.ts; the services import it from here.
export { personHover, personSummary, rolesOf, teamHover, teamSummary } from './hoverContent';
