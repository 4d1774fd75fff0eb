// The package's version, inlined from package.json when esbuild bundles the
// server (a named import, so only this one field is bundled), so what the
// server reports can never drift from the package.
import { version } from '../../package.json';

export const PACKAGE_VERSION: string = version;
