// Which `files.associations` entries hide productteam files from the
// extension, and the entries that bring them back. Pure (no `vscode` import),
// so it is unit-tested in mocha (test/associations.test.ts).
//
// VS Code gives a user's associations priority over a language's
// `filenamePatterns`; among the user's own, an exact file name wins, then the
// longest matching glob. A pattern with a `/` is matched against the whole
// path, one without against the file name, both ignoring case.

export const LANGUAGE_ID = 'productteam';

/** The file names the extension claims (package.json `filenamePatterns`). */
export const OUR_PATTERNS = ['*.productteam.yaml', '*.productteam.yml', '.productteam.yaml'] as const;

/** One file name per pattern, in a folder, to try the user's globs on. */
const SAMPLES = ['/workspace/config/team.productteam.yaml', '/workspace/config/team.productteam.yml', '/workspace/.productteam.yaml'];

/** A glob as VS Code's associations use it (`*`, `**`, `?`, `{a,b}`, `[...]`) as a RegExp. */
export function globToRegExp(glob: string): RegExp {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*') {
      if (glob[i + 1] === '*') {
        i++;
        if (glob[i + 1] === '/') {
          i++;
          re += '(?:.*/)?';
        } else {
          re += '.*';
        }
      } else {
        re += '[^/]*';
      }
    } else if (c === '?') {
      re += '[^/]';
    } else if (c === '{') {
      const end = glob.indexOf('}', i);
      if (end === -1) {
        re += '\\{';
        continue;
      }
      re += `(?:${glob
        .slice(i + 1, end)
        .split(',')
        .map((alt) => globToRegExp(alt).source.slice(1, -1))
        .join('|')})`;
      i = end;
    } else if (c === '[') {
      const end = glob.indexOf(']', i);
      if (end === -1) {
        re += '\\[';
        continue;
      }
      re += `[${glob
        .slice(i + 1, end)
        .replace(/^!/, '^')
        .replace(/\\/g, '\\\\')}]`;
      i = end;
    } else {
      re += c.replace(/[.+^$()|\\]/g, '\\$&');
    }
  }
  return new RegExp(`^${re}$`, 'i');
}

function basename(p: string): string {
  return p.slice(p.lastIndexOf('/') + 1);
}

/** The language the user's associations give `path`, or undefined when none of them matches. */
export function associatedLanguage(associations: Record<string, string>, path: string): string | undefined {
  const name = basename(path).toLowerCase();
  let best: { pattern: string; language: string } | undefined;
  for (const [pattern, language] of Object.entries(associations)) {
    if (typeof language !== 'string') continue;
    if (pattern.toLowerCase() === name) return language; // an exact file name beats every glob
    const subject = pattern.includes('/') ? path : name;
    if (!globToRegExp(pattern).test(subject)) continue;
    if (!best || pattern.length > best.pattern.length) best = { pattern, language };
  }
  return best?.language;
}

/**
 * The user's patterns that send a productteam file to another language
 * (`"*.yaml": "yaml"`), in the order written. Empty when nothing is hidden.
 */
export function hidingAssociations(associations: Record<string, string> | undefined): string[] {
  if (!associations) return [];
  const hidden = SAMPLES.filter((p) => {
    const lang = associatedLanguage(associations, p);
    return lang !== undefined && lang !== LANGUAGE_ID;
  });
  if (hidden.length === 0) return [];
  return Object.keys(associations).filter((pattern) => {
    const language = associations[pattern];
    if (language === LANGUAGE_ID) return false;
    return hidden.some((p) =>
      pattern.toLowerCase() === basename(p).toLowerCase() ? true : globToRegExp(pattern).test(pattern.includes('/') ? p : basename(p)),
    );
  });
}

/** `associations` plus the entries that give productteam files back to the extension. */
export function withOurAssociations(associations: Record<string, string> | undefined): Record<string, string> {
  const out: Record<string, string> = { ...associations };
  for (const p of OUR_PATTERNS) out[p] = LANGUAGE_ID;
  return out;
}
