/**
 * The requests an HTML element makes (https://html.spec.whatwg.org/multipage/urls-and-fetching.html#create-a-potential-cors-request):
 * what each one is to the console, to the server (Sec-Fetch-Dest, Accept) and to the record.
 * The model of what the element then does with the response lives in model-elements.ts.
 */
export const ELEMENT_APIS = ['img', 'script', 'module', 'stylesheet', 'font'] as const;
export type ElementApi = (typeof ELEMENT_APIS)[number];
export const ELEMENT_API_SET: ReadonlySet<string> = new Set(ELEMENT_APIS);

export function isElementApi(api: string): api is ElementApi {
  return ELEMENT_API_SET.has(api);
}

/** How Chromium names the resource in "Access to KIND at 'URL' …" (checked in Chromium 156). */
export const ELEMENT_RESOURCE_KINDS: Readonly<Record<ElementApi, string>> = {
  img: 'image', script: 'script', module: 'script', stylesheet: 'CSS stylesheet', font: 'font',
};

/** https://fetch.spec.whatwg.org/#concept-request-destination, as Sec-Fetch-Dest sends it. */
export const ELEMENT_DESTINATIONS: Readonly<Record<ElementApi, string>> = {
  img: 'image', script: 'script', module: 'script', stylesheet: 'style', font: 'font',
};

/** The Accept header Chromium 156 sends per destination (fetch and XHR send the standard's default, star/star). */
export const ELEMENT_ACCEPT: Readonly<Record<ElementApi, string>> = {
  img: 'image/jxl,image/avif,image/webp,image/apng,image/svg+xml,image/*,*/*;q=0.8',
  script: '*/*',
  module: '*/*',
  stylesheet: 'text/css,*/*;q=0.1',
  font: '*/*',
};
