import ts from 'typescript';

/**
 * Finds backend paths spelled in source code: every `/v1/...` inside a string or template literal (an
 * interpolation counts as a `:param` segment). Comments are not code and are not read. Used by the
 * contract's test (contract-paths.test.ts), which allows each path to be spelled once: in utils/api-routes.
 */

export interface PathLiteral {
  file: string;
  line: number;
  /** The path as spelled, interpolations as `:param`, without its query string. */
  path: string;
}

const PARAM = ':param';
const HOLE = '\u0000';
const PATH_IN_TEXT = /\/v1(?:\/[^\s'"`?#<>{}()[\],;\\]*)?/g;

function pathsIn(text: string): string[] {
  return [...text.matchAll(PATH_IN_TEXT)].map((m) => m[0].replace(/[.:/]+$/, '').replaceAll(HOLE, PARAM));
}

export function findPathLiterals(file: string, source: string): PathLiteral[] {
  const kind = file.endsWith('.tsx') ? ts.ScriptKind.TSX : /\.[cm]?js$/.test(file) ? ts.ScriptKind.JS : ts.ScriptKind.TS;
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, kind);
  const found: PathLiteral[] = [];
  const add = (node: ts.Node, text: string) => {
    for (const path of pathsIn(text)) found.push({ file, line: sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1, path });
  };
  const visit = (node: ts.Node) => {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) add(node, node.text);
    else if (ts.isTemplateExpression(node)) {
      // An interpolation is a hole in the text: `/v1/cases/${id}/sla` reads as /v1/cases/:param/sla.
      add(node, node.head.text + node.templateSpans.map((span) => HOLE + span.literal.text).join(''));
      node.templateSpans.forEach((span) => visit(span.expression));
      return;
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return found;
}

/**
 * Whether a spelled path is one of the declared paths: the same segments, where a declared `:name`
 * matches any value and an interpolation only matches a declared `:name`.
 */
export function matchesDeclared(path: string, declared: readonly string[]): boolean {
  const segments = path.split('/');
  return declared.some((d) => {
    const want = d.split('/');
    return want.length === segments.length && want.every((w, i) => (w.startsWith(':') ? segments[i] !== '' : w === segments[i]));
  });
}
