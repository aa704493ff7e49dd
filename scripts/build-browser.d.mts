import type { Metafile } from 'esbuild';

/** Data modules the browser build replaces, by file name: full list → short list. */
export const BROWSER_DATA: Readonly<Record<string, string>>;

/** Builds dist/leadgate.global.js (or, with `write: false`, returns its code). */
export function buildBrowser(options?: { write?: boolean; minify?: boolean; outfile?: string; entry?: string; globalName?: string }): Promise<{ code: string; metafile: Metafile }>;

/** Builds dist/leadgate-hubspot.global.js (`window.LeadGateHubSpot`). */
export function buildHubSpotBrowser(options?: { write?: boolean; minify?: boolean; outfile?: string }): Promise<{ code: string; metafile: Metafile }>;

/** Builds dist/leadgate-marketo.global.js (`window.LeadGateMarketo`). */
export function buildMarketoBrowser(options?: { write?: boolean; minify?: boolean; outfile?: string }): Promise<{ code: string; metafile: Metafile }>;
