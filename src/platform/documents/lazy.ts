// PDFKit and the QR code maker are loaded the first time a PDF or a QR code is made, not when the
// server starts: together they are about a third of the start-up time, and most processes never
// draw either (the worker, the command line, a server nobody has asked for a PDF).
import type PDFKitDocument from 'pdfkit';

let pdfkit: Promise<typeof PDFKitDocument> | undefined;

/** The PDFKit document class, loaded once. */
export function loadPdfKit(): Promise<typeof PDFKitDocument> {
  pdfkit ??= import('pdfkit').then((module) => module.default);
  return pdfkit;
}

/**
 * A QR code of the text as inline SVG, named for screen readers by `label` (the qrcode package,
 * loaded on first use).
 */
export async function qrCodeSvg(text: string, label: string, options: { width?: number; attributes?: string } = {}): Promise<string> {
  const { default: QRCode } = await import('qrcode');
  const svg = await QRCode.toString(text, { type: 'svg', margin: 2, errorCorrectionLevel: 'M', ...(options.width ? { width: options.width } : {}) });
  const escaped = label.replaceAll('&', '&amp;').replaceAll('"', '&quot;').replaceAll('<', '&lt;');
  return svg.replace('<svg ', `<svg role="img" aria-label="${escaped}" ${options.attributes ? `${options.attributes} ` : ''}focusable="false" `);
}
