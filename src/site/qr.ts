/**
 * QR codes as SVG, the same markup as `QRCode.toString(text, { type: 'svg', margin: 1,
 * errorCorrectionLevel: 'M' })` of the `qrcode` package (black on white, one `<path>` of runs of
 * dark modules), from the matrix of `QRCode.create` without the package's option handling and
 * string building per module. A poster build makes one per active account.
 */
import QRCode from 'qrcode';

const MARGIN = 1;

/** The SVG of a QR code (error correction M) for `text`. */
export function qrSvg(text: string): string {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  return matrixSvg(modules.size, modules.data);
}

/** The SVG of a QR code's matrix: `size`² modules, row by row, non-zero for dark. */
export function matrixSvg(size: number, data: ArrayLike<number | boolean>): string {
  const total = size + MARGIN * 2;
  let path = '';
  for (let row = 0; row < size; row++) {
    const offset = row * size;
    let newRow = true;
    let moveBy = 0;
    let col = 0;
    while (col < size) {
      if (!data[offset + col]) {
        moveBy++;
        col++;
        continue;
      }
      let run = 0;
      while (col + run < size && data[offset + col + run]) run++;
      path += newRow ? `M${col + MARGIN} ${0.5 + row + MARGIN}` : `m${moveBy} 0`;
      path += `h${run}`;
      newRow = false;
      moveBy = 0;
      col += run;
    }
  }
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${total} ${total}" shape-rendering="crispEdges"><path fill="#ffffff" d="M0 0h${total}v${total}H0z"/><path stroke="#000000" d="${path}"/></svg>\n`;
}
