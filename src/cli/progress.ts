/** A one-line progress bar on stderr, only when stderr is a terminal. */
export interface Progress {
  update(done: number): void;
  clear(): void;
  done(): void;
}

export function createProgress(total: number, enabled: boolean, stream: NodeJS.WriteStream = process.stderr): Progress {
  const active = enabled && stream.isTTY === true;
  let shown = false;
  return {
    update(done) {
      if (!active) return;
      const width = 30;
      const filled = Math.round((done / total) * width);
      stream.write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total}`);
      shown = true;
    },
    clear() {
      if (active && shown) stream.write('\r\x1b[K');
      shown = false;
    },
    done() {
      this.clear();
    },
  };
}
