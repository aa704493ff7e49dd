import type { AuditProgress } from '../node/audit.js';

/**
 * A one-line progress bar on stderr: share of bytes read, rows, rows per second and an
 * ETA from the byte rate. The audit command shows it only when stderr is a terminal and
 * `--quiet` is not given; piped output never sees it.
 */
export function createProgressBar(stream: { write(text: string): unknown; columns?: number }): { update(progress: AuditProgress): void; clear(): void } {
  let drawn = false;
  return {
    update({ bytesRead, totalBytes, rows, elapsedMs }) {
      const fraction = totalBytes === 0 ? 1 : Math.min(1, bytesRead / totalBytes);
      const seconds = elapsedMs / 1000;
      const rate = seconds > 0 ? Math.round(rows / seconds) : 0;
      const eta = fraction > 0 && fraction < 1 ? seconds * (1 / fraction - 1) : 0;
      const width = 20;
      const filled = Math.round(fraction * width);
      // Most useful first: a narrow terminal cuts the end of the line.
      const text = `[${'█'.repeat(filled)}${'░'.repeat(width - filled)}] ${(fraction * 100).toFixed(0).padStart(3)}%  ETA ${clock(eta)}  ${rate.toLocaleString('en-US')} rows/s  ${rows.toLocaleString('en-US')} rows`;
      const columns = stream.columns ?? 100;
      stream.write(`\r${text.slice(0, columns - 1)}\x1b[K`);
      drawn = true;
    },
    clear() {
      if (drawn) stream.write('\r\x1b[K');
      drawn = false;
    },
  };
}

function clock(seconds: number): string {
  const whole = Math.round(seconds);
  const minutes = Math.floor(whole / 60);
  return `${minutes}:${String(whole % 60).padStart(2, '0')}`;
}
