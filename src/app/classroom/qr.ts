/**
 * The join address as a QR code, for students to scan from the projected console. The `qrcode`
 * package writes it as SVG; the page shows it as an image (a data URL), so the SVG is never
 * parsed into the page as markup. Loaded when first needed: only the facilitator draws one.
 *
 * @example
 * img.src = await qrDataUrl('http://10.0.0.5:8080/#join=ABCD-EFGH');
 */
export async function qrDataUrl(text: string): Promise<string> {
  const { toString } = await import('qrcode');
  const svg = await toString(text, {
    type: 'svg',
    margin: 2,
    errorCorrectionLevel: 'M',
    color: { dark: '#000000', light: '#ffffff' },
  });
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
}
