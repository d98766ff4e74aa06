/**
 * Standard output as the destination of one file's bytes (`-o -`): written as they are (no
 * encoding), and the promise settles only once the stream took them, so the caller can tell
 * a full disk or a closed pipe from success.
 */
export function writeToStdout(data: Uint8Array | string, stream: NodeJS.WritableStream = process.stdout): Promise<void> {
  return new Promise((resolve, reject) => {
    stream.write(data, (error) => (error ? reject(error) : resolve()));
  });
}
