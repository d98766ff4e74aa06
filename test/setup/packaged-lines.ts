/**
 * Runs in every test file. The tests run the sources, which break every paragraph themselves
 * unless a test asks for the lines the build packaged (src/render/pdf/packaged-lines.ts): those
 * come from the last build, which a change to the sources would not have reached yet.
 */
import { configurePackagedLines } from '../../src/render/pdf/packaged-lines.js';

configurePackagedLines({ use: false });
