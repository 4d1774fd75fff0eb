// Every API test file, imported once mocha's globals (describe, it, …) exist.
// The list is explicit because the suite is bundled: there are no files to glob.
import './diagnostics.test';
import './hover.test';
import './codeActions.test';
import './rename.test';
import './completion.test';
