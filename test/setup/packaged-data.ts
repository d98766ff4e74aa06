/**
 * Runs in every test file. The tests run the sources, which build every part's model, break every
 * paragraph and render every DOCX block themselves unless a test asks for what the build packaged
 * (src/model/packaged-parts.ts, src/render/pdf/packaged-lines.ts,
 * src/render/docx/packaged-blocks.ts): that comes from the last build, which a change to the
 * sources would not have reached yet.
 */
import { configurePackagedParts } from '../../src/model/packaged-parts.js';
import { configurePackagedBlocks } from '../../src/render/docx/packaged-blocks.js';
import { configurePackagedLines } from '../../src/render/pdf/packaged-lines.js';

configurePackagedLines({ use: false });
configurePackagedBlocks({ use: false });
configurePackagedParts({ use: false });
