import { isToken } from './header-list';

/**
 * https://mimesniff.spec.whatwg.org/#parse-a-mime-type, as far as its essence: parameters never
 * make parsing fail, so they are not modelled here. Returns the essence ("type/subtype", lower
 * case) or null for failure.
 */
export function parseMimeTypeEssence(input: string): string | null {
  // 1. Remove any leading and trailing HTTP whitespace from input.
  const text = input.replace(/^[\t\n\r ]+|[\t\n\r ]+$/g, '');
  // 2-3. Let type be the code points up to "/"; if it is empty or not a token, return failure.
  const slash = text.indexOf('/');
  // 4. If position is past the end of input, return failure.
  if (slash === -1) return null;
  const type = text.slice(0, slash);
  if (!isToken(type)) return null;
  // 5-7. Let subtype be the code points up to ";", less trailing HTTP whitespace.
  const rest = text.slice(slash + 1);
  const semicolon = rest.indexOf(';');
  const subtype = (semicolon === -1 ? rest : rest.slice(0, semicolon)).replace(/[\t\n\r ]+$/, '');
  // 8. If subtype is empty or not a token, return failure.
  if (!isToken(subtype)) return null;
  // 9. The essence is type/subtype in ASCII lower case.
  return `${type}/${subtype}`.toLowerCase();
}
