// Every test run checks the rules' `reads` declarations: a rule whose findings
// the host reuses is run again anyway, and a difference throws (rules/reuse.ts).
import { reuseChecks } from '../../server/src/engine/rules';

reuseChecks.verify = true;
