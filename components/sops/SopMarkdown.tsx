import type { ReactNode } from 'react';
import { parseMarkdown, type Block, type Inline } from '@/utils/sops/markdown';

/**
 * An SOP body as React elements: headings, paragraphs, lists, strong, em, code and http(s) links, each
 * built from the parsed tree (utils/sops/markdown.ts). Every piece of the source reaches the page as a
 * React text node, so raw HTML in an article shows as the characters it is and nothing in it runs.
 */
export function SopMarkdown({ source, headingLevel = 4 }: { source: string; headingLevel?: 3 | 4 }) {
  return <div className="cs-sop-body">{parseMarkdown(source).map((block, i) => renderBlock(block, i, headingLevel))}</div>;
}

/** The elements the renderer may produce (the property tests hold it to this list). */
export const SOP_ELEMENTS = ['div', 'h3', 'h4', 'h5', 'h6', 'p', 'ul', 'ol', 'li', 'strong', 'em', 'code', 'a', 'span', 'br'] as const;

function renderBlock(block: Block, key: number, base: 3 | 4): ReactNode {
  switch (block.type) {
    case 'heading': {
      const level = Math.min(6, base + block.level - 1);
      const children = renderInlines(block.children);
      if (level === 3) return <h3 key={key}>{children}</h3>;
      if (level === 4) return <h4 key={key}>{children}</h4>;
      if (level === 5) return <h5 key={key}>{children}</h5>;
      return <h6 key={key}>{children}</h6>;
    }
    case 'paragraph':
      return <p key={key}>{renderInlines(block.children)}</p>;
    case 'list': {
      const items = block.items.map((item, i) => <li key={i}>{renderInlines(item)}</li>);
      return block.ordered ? (
        <ol key={key} start={block.start === 1 ? undefined : block.start}>
          {items}
        </ol>
      ) : (
        <ul key={key}>{items}</ul>
      );
    }
  }
}

function renderInlines(nodes: readonly Inline[]): ReactNode[] {
  return nodes.map((node, i) => renderInline(node, i));
}

function renderInline(node: Inline, key: number): ReactNode {
  switch (node.type) {
    case 'text':
      return withBreaks(node.text, key);
    case 'strong':
      return <strong key={key}>{renderInlines(node.children)}</strong>;
    case 'em':
      return <em key={key}>{renderInlines(node.children)}</em>;
    case 'code':
      return <code key={key}>{node.text}</code>;
    case 'link':
      return node.safe ? (
        <a key={key} href={node.url} target="_blank" rel="noopener noreferrer">
          {node.text}
        </a>
      ) : (
        // Not http(s): the words and the address as text, never a link.
        <span key={key} className="cs-sop-unsafe-link">{`${node.text} (${node.url})`}</span>
      );
  }
}

/** Line breaks inside a paragraph stay line breaks. */
function withBreaks(text: string, key: number): ReactNode {
  if (!text.includes('\n')) return text;
  const parts = text.split('\n');
  return <span key={key}>{parts.map((part, i) => (i === 0 ? part : [<br key={`b${i}`} />, part]))}</span>;
}
