import { readFile, stat } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';

/** Content types of the files a landing page is made of. Anything else is not served. */
export const STATIC_CONTENT_TYPES: Readonly<Record<string, string>> = Object.freeze({
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.gif': 'image/gif',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
});

/** A file found for a URL path. */
export interface StaticFile {
  path: string;
  contentType: string;
  body: Buffer;
}

/**
 * Finds the file a URL path names inside `root`: `/` and directories give their
 * `index.html`. `undefined` for anything outside the root (`..`, encoded or not),
 * hidden files and folders (`.env`, `.git`), unknown file types, and paths that do not
 * exist, so the server answers 404 without saying which.
 */
export async function findStaticFile(root: string, urlPath: string): Promise<StaticFile | undefined> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return undefined;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return undefined;
  const segments = decoded.split('/').filter((segment) => segment !== '');
  if (segments.some((segment) => segment.startsWith('.'))) return undefined;
  const base = resolve(root);
  let path = resolve(base, ...segments);
  if (path !== base && !path.startsWith(base + sep)) return undefined;
  try {
    if ((await stat(path)).isDirectory()) path = join(path, 'index.html');
    const contentType = STATIC_CONTENT_TYPES[extname(path).toLowerCase()];
    if (!contentType) return undefined;
    return { path, contentType, body: await readFile(path) };
  } catch {
    return undefined;
  }
}
