/**
 * Saving the privacy export as a file: `interview-studio-export-YYYY-MM-DD.json` (the learner's
 * local date), through a Blob URL, so the document never passes through another server.
 */

/** The export's file name for a given day, in the learner's time zone. */
export function exportFileName(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `interview-studio-export-${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}.json`;
}

/** Starts the download of `document` as pretty-printed JSON; `host` holds the temporary link. */
export function downloadJson(host: Node & ParentNode, document: unknown, fileName: string): void {
  const blob = new Blob([`${JSON.stringify(document, null, 2)}\n`], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const link = globalThis.document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  link.hidden = true;
  host.appendChild(link);
  link.click();
  link.remove();
  // The browser has the file by the time the click is handled; keep the URL a moment anyway.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
