import type { Size } from './terminal/TerminalSize.js';

export const MIN_COLUMNS = 60;
export const MIN_ROWS = 16;

/**
 * Where everything goes, from the terminal size alone, so views and key handling (page sizes)
 * agree. The root is `rows - 1` tall: at exactly `rows` Ink 6.8 clears the screen every frame (#450).
 */
export interface Layout {
  tooSmall: boolean;
  width: number;
  height: number;
  /** the active pane's box */
  paneHeight: number;
  listWidth: number;
  /** rows of objects visible in the Browser list */
  listRows: number;
  detailWidth: number;
  /** rows of detail content visible under the tab strip */
  detailRows: number;
  /** rows of result grid visible */
  resultRows: number;
}

export function layout(size: Size): Layout {
  const width = size.columns;
  const height = Math.max(1, size.rows - 1);
  const paneHeight = Math.max(3, height - 3);
  const listWidth = Math.min(56, Math.max(28, Math.round(width * 0.38)));
  return {
    tooSmall: size.columns < MIN_COLUMNS || size.rows < MIN_ROWS,
    width,
    height,
    paneHeight,
    listWidth,
    listRows: Math.max(1, paneHeight - 3),
    detailWidth: width - listWidth,
    detailRows: Math.max(1, paneHeight - 4),
    resultRows: Math.max(1, paneHeight - 3),
  };
}
