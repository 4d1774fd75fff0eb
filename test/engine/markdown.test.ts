// Text from the user's file is escaped before it goes into markdown (SPEC
// section 5): a name, title, email or id can never become a link, an image,
// HTML, a code span of its own or a command link. Checked on the helpers, and
// on the hover and completion documentation of a hostile file, rendered with
// markdown-it (HTML allowed and autolinks on, so that nothing is hidden by
// the renderer's own caution).
import * as assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { analyze } from '../../server/src/engine';
import { escapeMarkdown, inlineCode, personHover, personSummary, teamHover, teamSummary } from '../../server/src/engine/services/hoverContent';
import { hover as hoverAt } from '../../server/src/engine';

interface Renderer {
  render(md: string): string;
  renderInline(md: string): string;
}
// markdown-it comes with the packaging tool's dependencies; it has no types here.
const MarkdownIt = createRequire(__filename)('markdown-it') as new (opts: object) => Renderer;
const md = new MarkdownIt({ html: true, linkify: true });

const HOSTILE = [
  '[PO](https://x)',
  '![i](x)',
  '<b>bold</b>',
  '`code`',
  '[run](command:workbench.action.quit)',
  '<img src=x onerror=alert(1)>',
  'see https://evil.example or www.evil.example or mail a@evil.example',
  '**strong** _em_ ~~gone~~',
  '&lt;b&gt; &amp;',
  '[ref]\n\n[ref]: https://x',
  '# heading\n- item',
];

function assertInert(html: string, where: string): void {
  assert.doesNotMatch(html, /<a[\s>]/, `${where}: a link in ${html}`);
  assert.doesNotMatch(html, /<img[\s>]/, `${where}: an image in ${html}`);
  assert.doesNotMatch(html, /<b>|<strong>|<em>|<s>|<h\d|<li>/, `${where}: markup in ${html}`);
  assert.doesNotMatch(html, /<code>code<\/code>/, `${where}: the user's own code span in ${html}`);
}

describe('markdown: user text is escaped', () => {
  for (const text of HOSTILE) {
    it(`escapeMarkdown keeps ${JSON.stringify(text)} plain text`, () => {
      const html = md.renderInline(escapeMarkdown(text));
      assertInert(html, 'escapeMarkdown');
      // What the user wrote is what they see (line breaks become spaces).
      const shown = html
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&quot;/g, '"')
        .replace(/&amp;/g, '&');
      assert.equal(shown, text.replace(/\n+/g, ' '));
    });

    it(`inlineCode keeps ${JSON.stringify(text)} one code span`, () => {
      const html = md.renderInline(inlineCode(text));
      const m = /^<code>([\s\S]*)<\/code>$/.exec(html);
      assert.ok(m, html);
      const inside = m[1]
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&quot;/g, '"')
        .replace(/&amp;/g, '&');
      assert.equal(inside, text.replace(/\n+/g, ' '));
    });
  }

  it('inlineCode outlasts backtick runs inside', () => {
    for (const id of ['a`b', '``', '`', 'x```y`']) {
      assert.equal(md.renderInline(inlineCode(id)), `<code>${id}</code>`, id);
    }
  });

  const FILE = `version: 1
organization:
  name: Acme
  stance: combined
people:
  po:
    name: "[PO](https://x)"
    title: "![i](x) <b>boss</b>"
    email: "[mail](command:workbench.action.quit) a@evil.example"
    discipline: product
  "[x](https://y)":
    name: "\`code\`"
products:
  payments:
    name: "<img src=x onerror=alert(1)>"
    owner: po
    domains:
      "[d](https://z)":
        name: "**Checkout**"
        productManager: po
        teams: ["[t](https://t)"]
teams:
  "[t](https://t)":
    name: "<script>alert(1)</script>"
    scrumMaster: po
    members: ["[x](https://y)"]
`;

  it('a hostile file: person and team hovers and completion documentation render no link, image or HTML', () => {
    const a = analyze(FILE);
    const docs = [
      personHover(a.model, 'po'),
      personHover(a.model, '[x](https://y)'),
      personSummary(a.model.people.get('po')!),
      personSummary(a.model.people.get('[x](https://y)')!),
      teamHover(a.model, '[t](https://t)'),
      teamSummary(a.model.teams.get('[t](https://t)')!)!,
    ];
    for (const doc of docs) {
      const html = md.render(doc);
      // Our own bold and lists are expected; nothing the user wrote may add a link, an image, HTML or a code span.
      assert.doesNotMatch(html, /<a[\s>]|<img[\s>]|<script>|<b>boss|<code>code<\/code>|<strong>Checkout<\/strong>/, html);
    }
    // The roles are still there, with the names as written.
    const html = md.render(personHover(a.model, 'po'));
    assert.ok(html.includes('[PO](https://x)'), html);
    assert.ok(html.includes('Product manager of domain'), html);
  });

  it('a hostile file: every hover position renders no link but the rule pages', () => {
    const a = analyze(FILE);
    for (let offset = 0; offset < FILE.length; offset++) {
      const h = hoverAt(a, offset);
      if (!h) continue;
      const html = md.render(h.markdown);
      for (const href of html.matchAll(/<a href="([^"]*)"/g)) {
        assert.match(href[1], /^https:\/\/github\.com\/productteam\/productteam\/blob\/main\/docs\/rules\/[a-z-]+\.md$/, `offset ${offset}: ${html}`);
      }
      assert.doesNotMatch(html, /<img|<script|<b>boss/, `offset ${offset}: ${html}`);
    }
  });
});
