/** Builds the preview of the Next.js page into `outDir`; returns the browser bundle's code. */
export function buildReactPreview(options: { outDir: string; endpoint?: string; minify?: boolean }): Promise<{ script: string }>;
