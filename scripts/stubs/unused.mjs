// Stands in, inside the CLI bundle, for pdfkit dependencies that contract never calls
// (fontkit for pdfkit's own font handling, linebreak for its text layout, png-js for
// images, @noble/ciphers' AES for encrypted PDFs, whose tables take ~30 ms to build at
// import): contract lays out text and embeds font subsets itself, and never encrypts. Importing them costs
// ~0.3 s at every start; calling one is a bug, hence the error.
function unused() {
  throw new Error('internal: a pdfkit feature that contract does not bundle was called');
}
export const create = unused;
export const cbc = unused;
export const ecb = unused;
export default unused;
