import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';

export interface Size {
  columns: number;
  rows: number;
}

const SizeCtx = createContext<Size>({ columns: 80, rows: 24 });

export const useTerminalSize = (): Size => useContext(SizeCtx);

interface Resizable {
  columns?: number;
  rows?: number;
  on(event: 'resize', l: () => void): unknown;
  off(event: 'resize', l: () => void): unknown;
}

/**
 * Holds the terminal size in state and follows stdout's 'resize' (Ink 6.8 re-lays out on resize
 * but does not re-render components, tui.md §4.4). Tests pass `size` (the fake stdout has no rows).
 */
export function TerminalSizeProvider({ stdout, size, children }: { stdout?: Resizable; size?: Size; children: ReactNode }) {
  const read = (): Size => size ?? { columns: stdout?.columns || 80, rows: stdout?.rows || 24 };
  const [s, setS] = useState<Size>(read);
  useEffect(() => {
    if (size) {
      setS(size);
      return;
    }
    if (!stdout) return;
    const onResize = () => setS((prev) => {
      const next = read();
      return next.columns === prev.columns && next.rows === prev.rows ? prev : next;
    });
    stdout.on('resize', onResize);
    return () => void stdout.off('resize', onResize);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [stdout, size?.columns, size?.rows]);
  return <SizeCtx.Provider value={s}>{children}</SizeCtx.Provider>;
}
