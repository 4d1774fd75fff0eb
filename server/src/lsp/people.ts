// Who someone is and what they hold in the file, in words, for hovers and
// completion. The markdown (escaped user text included) is composed by the
// engine's hoverContent; this module only keeps the LSP layer's old imports.
export { personHover, personSummary, rolesOf, teamHover, teamSummary } from '../engine/hoverContent';
