/** One coloured run of code text: Monaco's token class (e.g. "mtk5") and its text. */
export interface ColorizedToken {
  className: string;
  text: string;
}

/**
 * Turns the HTML of Monaco's `colorize` into tokens that React renders as text nodes. The code it
 * colours comes from the URL hash (route bodies, header values, options), so its text never reaches
 * the page as markup, whatever the colorizer escapes: the HTML is parsed in an inert document (no
 * scripts run, no images load), and only class names and text are read back from it.
 */
export function colorizedTokens(html: string, parser: Pick<DOMParser, 'parseFromString'>): ColorizedToken[] {
  const tokens: ColorizedToken[] = [];
  const walk = (node: Node, className: string): void => {
    if (node.nodeType === 3) {
      // Monaco writes spaces as no-break spaces; a copied selection would carry them into the code's strings.
      const text = (node.textContent ?? '').replace(/\u00a0/g, ' ');
      if (text) tokens.push({ className, text });
      return;
    }
    if (node.nodeType !== 1) return;
    const element = node as Element;
    if (element.tagName === 'BR') {
      tokens.push({ className: '', text: '\n' });
      return;
    }
    const own = element.tagName === 'SPAN' ? element.getAttribute('class') ?? className : className;
    element.childNodes.forEach((child) => walk(child, own));
  };
  walk(parser.parseFromString(html, 'text/html').body, '');
  return tokens;
}
