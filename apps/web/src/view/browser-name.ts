/** A short name for the browser a user agent string names, e.g. "Chrome 156" (for labels only). */
export function browserName(userAgent: string): string {
  const rules: Array<[RegExp, string]> = [
    [/Edg\/(\d+)/, 'Edge'],
    [/Firefox\/(\d+)/, 'Firefox'],
    [/HeadlessChrome\/(\d+)/, 'Chromium'],
    [/Chrome\/(\d+)/, 'Chromium'],
    [/Version\/(\d+)[\d.]* Safari/, 'Safari'],
  ];
  for (const [pattern, name] of rules) {
    const match = pattern.exec(userAgent);
    if (match) return `${name} ${match[1]}`;
  }
  return 'your browser';
}
