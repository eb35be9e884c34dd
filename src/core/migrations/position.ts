/**
 * libpg-query reports byte offsets into the UTF-8 text; editors and the TUI count characters.
 * This maps one to the other once per file.
 */
export class LineIndex {
  readonly lines: string[];
  private readonly starts: number[] = [];
  private readonly ascii: boolean;
  private readonly buf: Buffer;

  constructor(readonly text: string) {
    this.lines = text.split(/\r?\n/);
    this.buf = Buffer.from(text, 'utf8');
    this.ascii = this.buf.length === text.length;
    let pos = 0;
    for (const l of text.split('\n')) {
      this.starts.push(pos);
      pos += l.length + 1;
    }
  }

  /** character offset of a byte offset */
  charOffset(byteOffset: number): number {
    return this.ascii ? byteOffset : this.buf.subarray(0, byteOffset).toString('utf8').length;
  }

  /** 1-based line and column of a character offset */
  position(charOffset: number): { line: number; column: number } {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= charOffset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: charOffset - this.starts[lo]! + 1 };
  }

  /** the statement text between two byte offsets */
  slice(byteStart: number, byteEnd: number): string {
    return this.ascii ? this.text.slice(byteStart, byteEnd) : this.buf.subarray(byteStart, byteEnd).toString('utf8');
  }
}
