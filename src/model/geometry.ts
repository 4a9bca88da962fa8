/** [x0, y0, x1, y1] in PDF points, origin top-left. */
export type Box = [number, number, number, number];

export function unionBoxes(boxes: readonly Box[]): Box {
  if (boxes.length === 0) return [0, 0, 0, 0];
  let [x0, y0, x1, y1] = boxes[0]!;
  for (const b of boxes) {
    x0 = Math.min(x0, b[0]);
    y0 = Math.min(y0, b[1]);
    x1 = Math.max(x1, b[2]);
    y1 = Math.max(y1, b[3]);
  }
  return [x0, y0, x1, y1];
}

export function roundBox(b: Box): Box {
  const r = (n: number) => Math.round(n * 10) / 10;
  return [r(b[0]), r(b[1]), r(b[2]), r(b[3])];
}

export const boxWidth = (b: Box) => b[2] - b[0];
export const boxHeight = (b: Box) => b[3] - b[1];
