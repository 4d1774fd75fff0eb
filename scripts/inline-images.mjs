// The .vsix README's images, inlined as data: URIs. VS Code renders an
// extension's details page in a webview whose Content-Security-Policy allows
// images from `https:` and `data:` only, and resolves a relative path against
// the webview's own folder, not the extension's: a relative image is broken
// there, and an https one needs the network. A data: URI needs neither.

import fs from 'node:fs';
import path from 'node:path';

const MIME = { '.png': 'image/png', '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg', '.gif': 'image/gif', '.svg': 'image/svg+xml' };

/** Markdown with every relative `![alt](path)` image replaced by a data: URI of the file under `root`. */
export function inlineImages(markdown, root) {
  return markdown.replace(/(!\[[^\]]*\]\()([^)\s]+)(\))/g, (whole, open, src, close) => {
    if (/^[a-z][a-z0-9+.-]*:/i.test(src)) return whole; // already absolute (https:, data:)
    const mime = MIME[path.extname(src).toLowerCase()];
    if (!mime) throw new Error(`inline-images: ${src}: not an image type this knows`);
    return `${open}data:${mime};base64,${fs.readFileSync(path.join(root, src)).toString('base64')}${close}`;
  });
}
